package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.compliancerunner.catalog.Ingest;
import org.compliancerunner.catalog.IngestResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Registers videos as PENDING for the next sweep.",
                "Files and directories must lie under compliance.media.roots (default: the working directory and "
                        + "$COMPLIANCE_HOME/media); http(s) URIs are downloaded into $COMPLIANCE_HOME/media/downloads.",
                "The same content is registered once per project."})
class IngestCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIRECTORY|URI", description = "What to register.")
    List<String> inputs;

    @Option(names = "--project", paramLabel = "P", description = "Project to register into (default: ${DEFAULT-VALUE}).",
            defaultValue = "default")
    String project;

    @Option(names = "--title", paramLabel = "T", description = "Title, when one video is registered (default: the file name).")
    @Nullable String title;

    @Mixin
    JsonOption json;

    private final Ingest ingest;
    private final JsonOutput output;

    IngestCommand(Ingest ingest, JsonOutput output) {
        this.ingest = ingest;
        this.output = output;
    }

    @Override
    public Integer call() {
        PrintWriter out = streams.out();
        PrintWriter err = streams.err();
        boolean anyRefused = false;
        for (IngestResult result : ingest.ingest(inputs, project, title)) {
            if (result.outcome() == IngestResult.Outcome.SKIPPED) {
                if (!json.requested()) {
                    err.println("skipped: " + result.message());
                }
                continue;
            }
            if (result.refused()) {
                anyRefused = true;
                if (json.requested()) {
                    output.line(err, JsonOutput.object("input", result.input(), "error", result.message()));
                } else {
                    err.println("refused: " + result.message());
                }
                continue;
            }
            if (json.requested()) {
                output.line(out, JsonOutput.object("id", result.id(), "title", result.title(),
                        "status", result.status().name(), "durationMs", result.durationMs()));
            } else {
                String what = result.outcome() == IngestResult.Outcome.REGISTERED ? "registered" : "already registered";
                out.printf("#%-5d %-10s %8s  %s  (%s%s)%n", result.id(), result.status(),
                        Timecode.seconds(result.durationMs()), result.title(), what,
                        result.message() == null || result.outcome() != IngestResult.Outcome.REGISTERED
                                ? "" : "; " + result.message());
            }
        }
        out.flush();
        err.flush();
        return anyRefused ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
