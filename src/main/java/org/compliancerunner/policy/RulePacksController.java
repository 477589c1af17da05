package org.compliancerunner.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compliancerunner.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored rule-pack versions, so a reviewer sees the limits a finding was judged against. */
@RestController
@RequestMapping("/api/rule-packs")
@Tag(name = "rule-packs", description = "Stored rule-pack versions")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RulePacksController {

    private final RulePacks packs;
    private final JsonMapper json;

    RulePacksController(RulePacks packs, JsonMapper json) {
        this.packs = packs;
        this.json = json;
    }

    /** A pack version; each rule carries its {@code kind} beside its own fields, as in the pack file. */
    record PackView(String name, int version, String checksum, List<Map<String, Object>> rules, String body) {
    }

    @Operation(summary = "One stored rule-pack version with its rules")
    @GetMapping("/{name}/{version}")
    PackView pack(@PathVariable String name, @PathVariable int version) {
        RulePack pack;
        try {
            pack = packs.load(name, version);
        } catch (RulePackException e) {
            throw Problems.notFound("rule pack " + name + " version " + version);
        }
        List<Map<String, Object>> rules = pack.rules().stream().map(this::view).toList();
        return new PackView(pack.name(), pack.version(), pack.checksum(), rules, pack.body());
    }

    private Map<String, Object> view(Rule rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", rule.kind());
        view.putAll(json.convertValue(rule, new TypeReference<Map<String, Object>>() { }));
        return view;
    }
}
