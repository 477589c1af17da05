package org.compliancerunner.cli;

import java.util.concurrent.Callable;

import org.compliancerunner.batch.SweepLaunchException;
import org.compliancerunner.batch.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Asks a running sweep to stop after the chunks it is writing; restart it later with: restart ID.")
class StopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
            spec.commandLine().getOut().println("Stop requested for sweep " + jobExecutionId
                    + "; it stops after its current chunks.");
            return ExitCodes.OK;
        } catch (SweepLaunchException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
