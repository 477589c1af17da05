package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.compliancerunner.policy.StoredTrigger;
import org.compliancerunner.policy.TriggerStore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "triggers", mixinStandardHelpOptions = true, description = "Lists what the rule packs found, in time order.")
class TriggersCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Option(names = "--video", paramLabel = "ID", description = "Only this video's triggers.")
    @Nullable Long videoId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N triggers (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonOption json;

    private final TriggerStore triggers;
    private final JsonOutput output;

    TriggersCommand(TriggerStore triggers, JsonOutput output) {
        this.triggers = triggers;
        this.output = output;
    }

    @Override
    public Integer call() {
        PrintWriter out = streams.out();
        var list = triggers.list(videoId, limit);
        if (list.isEmpty() && !json.requested()) {
            out.println("No triggers" + (videoId == null ? "" : " on video " + videoId) + ".");
        }
        for (StoredTrigger trigger : list) {
            if (json.requested()) {
                output.line(out, JsonOutput.object("videoId", trigger.videoId(), "ruleId", trigger.ruleId(),
                        "packName", trigger.packName(), "packVersion", trigger.packVersion(),
                        "startMs", trigger.startMs(), "endMs", trigger.endMs(), "severity", trigger.severity(),
                        "evidence", trigger.evidence(), "matchedText", trigger.matchedText(), "source", trigger.source()));
            } else {
                out.printf("#%-5d %s–%s  %-8s %-22s %s  [%s v%d]%n", trigger.videoId(), Timecode.of(trigger.startMs()),
                        Timecode.of(trigger.endMs()), trigger.severity(), trigger.ruleId(), trigger.evidence(),
                        trigger.packName(), trigger.packVersion());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
