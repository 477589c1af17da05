package org.compliancerunner.policy;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.compliancerunner.security.Caller;
import org.compliancerunner.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/triggers")
@Tag(name = "triggers")
class TriggersController {

    private final TriggerStore triggers;

    TriggersController(TriggerStore triggers) {
        this.triggers = triggers;
    }

    @Operation(summary = "Current findings, newest first, by rule id, severity (info … critical), time found and project")
    @GetMapping
    List<StoredTrigger> search(@RequestParam(required = false) @Size(max = 200) @Nullable String rule,
                               @RequestParam(required = false) @Pattern(regexp = "info|low|medium|high|critical") @Nullable String severity,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime since,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime until,
                               @RequestParam(required = false) @Size(max = 100) @Nullable String project,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                               Authentication authentication) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw Problems.badRequest("since", "since: must be before until");
        }
        return triggers.search(rule, Severity.parse(severity), since, until, project,
                Caller.of(authentication).ownerScope(), limit);
    }
}
