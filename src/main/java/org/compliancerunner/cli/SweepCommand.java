package org.compliancerunner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.compliancerunner.sweep.SweepRequest;
import org.compliancerunner.sweep.Sweeps;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Checks every PENDING video: claims them, analyses them in partitions, reports.",
                "Work left by a crashed or failed sweep is taken over first. Exit 0 when the sweep COMPLETED "
                        + "(even if some videos FAILED), 1 when it FAILED or was stopped, 2 on a usage error or a bad rule pack."})
class SweepCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Option(names = "--limit", paramLabel = "N", description = "Check at most N videos (default: all PENDING).")
    @Nullable Long limit;

    @Option(names = "--project", paramLabel = "P", description = "Only this project's videos.")
    @Nullable String project;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule pack to apply instead of the built-in default pack.")
    @Nullable Path rules;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Videos analysed in parallel (default: compliance.sweep.partitions, or one per core).")
    @Nullable Integer partitions;

    @Mixin
    JsonOption json;

    private final Sweeps sweeps;
    private final SweepConsole console;

    SweepCommand(Sweeps sweeps, SweepConsole console) {
        this.sweeps = sweeps;
        this.console = console;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1 || partitions != null && (partitions < 1 || partitions > 256)) {
            streams.err().println("error: --limit must be at least 1 and --partitions between 1 and 256");
            return ExitCodes.USAGE;
        }
        SweepRequest request = new SweepRequest(project, limit, rules, partitions);
        return console.run(streams.out(), streams.err(), json.requested(),
                watcher -> sweeps.sweep(request, watcher));
    }
}
