package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.compliancerunner.sweep.SweepRequest;
import org.compliancerunner.sweep.Sweeps;
import org.compliancerunner.catalog.Ingest;
import org.compliancerunner.catalog.IngestResult;
import org.compliancerunner.config.ComplianceProperties;
import org.compliancerunner.demo.SampleMedia;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Writes sample media into $COMPLIANCE_HOME/media/demo (a clip whose captions make a claim the "
                + "default rule pack flags, a clean clip and a truncated upload), registers them in a new project and "
                + "sweeps it, printing the report."})
class DemoCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    private final Ingest ingest;
    private final Sweeps sweeps;
    private final SweepConsole console;
    private final Path directory;

    DemoCommand(Ingest ingest, Sweeps sweeps, SweepConsole console, ComplianceProperties properties) {
        this.ingest = ingest;
        this.sweeps = sweeps;
        this.console = console;
        this.directory = properties.mediaHome().resolve("demo");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = streams.out();
        out.println("Writing sample media to " + directory);
        out.flush();
        SampleMedia.writeDemoSet(directory);
        // a new project per run, so every run shows the whole path from ingest to report
        String project = "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (IngestResult result : ingest.ingest(List.of(directory.toString()), project, null)) {
            out.printf("ingest: %s → %s%n", result.input(), result.id() == null
                    ? result.outcome().name().toLowerCase() + ": " + result.message()
                    : "#" + result.id() + " " + result.status());
        }
        out.println();
        out.flush();
        return console.run(out, streams.err(), false,
                watcher -> sweeps.sweep(new SweepRequest(project, null, null, null), watcher));
    }
}
