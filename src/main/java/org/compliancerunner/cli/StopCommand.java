package org.compliancerunner.cli;

import java.util.concurrent.Callable;

import org.compliancerunner.sweep.SweepLaunchException;
import org.compliancerunner.sweep.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Asks a running sweep to stop: the videos in progress are interrupted at their next safe point "
                + "(a decoded frame, an audio window, a rule), the videos already checked are written, and the sweep's "
                + "process ends; restart it later with: restart ID.",
                "A video that does not stop within compliance.sweep.video-timeout.grace (10 s) is abandoned and "
                        + "checked again by the restart."})
class StopCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    @Parameters(paramLabel = "ID", description = "The sweep's job execution id (see: status).")
    long jobExecutionId;

    private final Sweeps sweeps;

    StopCommand(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    public Integer call() {
        try {
            sweeps.stop(jobExecutionId);
            streams.out().println("Stop requested for sweep " + jobExecutionId
                    + "; the videos in progress stop at their next safe point.");
            return ExitCodes.OK;
        } catch (SweepLaunchException e) {
            streams.err().println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
