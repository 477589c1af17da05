package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.compliancerunner.sweep.ReevaluationSummary;
import org.compliancerunner.sweep.Reevaluations;
import org.compliancerunner.sweep.SweepLaunchException;
import org.compliancerunner.policy.RulePackException;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reevaluate", mixinStandardHelpOptions = true,
        description = {"Judges checked (DONE) videos again with a new rule-pack version, from their stored transcripts "
                + "and measurements: no decoding, no transcription.",
                "Prints how the findings changed: added, removed, unchanged. Exit 0 COMPLETED, 1 FAILED, 2 usage error "
                        + "or invalid rule pack."})
class ReevaluateCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Option(names = "--rules", paramLabel = "FILE", required = true, description = "The new rule pack.")
    Path rules;

    @Option(names = "--project", paramLabel = "P", description = "Only this project's videos.")
    @Nullable String project;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only videos checked on or after this date (2026-11-01) or time (2026-11-01T18:00:00Z).")
    @Nullable String since;

    @Mixin
    JsonOption json;

    private final Reevaluations reevaluations;
    private final JsonOutput output;

    ReevaluateCommand(Reevaluations reevaluations, JsonOutput output) {
        this.reevaluations = reevaluations;
        this.output = output;
    }

    @Override
    public Integer call() {
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        OffsetDateTime from;
        try {
            from = since == null ? null : parse(since);
        } catch (DateTimeParseException e) {
            err.println("error: --since must be a date like 2026-11-01 or a time like 2026-11-01T18:00:00Z, not \""
                    + since + "\"");
            return ExitCodes.USAGE;
        }
        JobExecution execution;
        try {
            execution = reevaluations.reevaluate(rules, project, from);
        } catch (RulePackException e) {
            err.println("The rule pack is not valid; nothing was changed:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return ExitCodes.USAGE;
        } catch (SweepLaunchException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        ReevaluationSummary summary = reevaluations.summarize(execution);
        String status = execution.getStatus().name();
        if (json.requested()) {
            output.line(out, JsonOutput.object("jobExecutionId", execution.getId(), "status", status,
                    "videos", summary.videos(), "triggers", JsonOutput.object("added", summary.added(),
                            "removed", summary.removed(), "unchanged", summary.unchanged()),
                    "durationMs", execution.getStartTime() == null || execution.getEndTime() == null ? null
                            : Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis()));
        } else {
            out.printf("Re-evaluation %d %s — rule pack %s v%d%n", execution.getId(), status,
                    execution.getJobParameters().getString("pack.name"),
                    execution.getJobParameters().getLong("pack.version"));
            out.printf("  %d video(s) judged again · triggers: %d added, %d removed, %d unchanged%n", summary.videos(),
                    summary.added(), summary.removed(), summary.unchanged());
            out.flush();
        }
        return "COMPLETED".equals(status) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static OffsetDateTime parse(String text) {
        return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(text);
    }
}
