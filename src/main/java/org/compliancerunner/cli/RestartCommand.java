package org.compliancerunner.cli;

import java.util.concurrent.Callable;

import org.compliancerunner.sweep.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restarts a failed, stopped or crashed sweep execution where it left off.",
                "Videos it already finished are not checked again. Exit codes as for sweep."})
class RestartCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Parameters(paramLabel = "ID", description = "The sweep's job execution id (see: status).")
    long jobExecutionId;

    @Mixin
    JsonOption json;

    private final Sweeps sweeps;
    private final SweepConsole console;

    RestartCommand(Sweeps sweeps, SweepConsole console) {
        this.sweeps = sweeps;
        this.console = console;
    }

    @Override
    public Integer call() {
        return console.run(streams.out(), streams.err(), json.requested(),
                watcher -> sweeps.restart(jobExecutionId, watcher));
    }
}
