package org.compliancerunner.cli;

import java.util.concurrent.Callable;

import org.compliancerunner.sweep.PartitionWorker;
import org.compliancerunner.sweep.SweepLaunchException;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs sweep partitions sent through RabbitMQ (compliance.partitioning=remote) until SIGTERM.",
                "On SIGTERM it takes no new partition and hands the current one back after its last committed chunk."})
class WorkerCommand implements Callable<Integer> {

    @Mixin
    CommandStreams streams;

    private final PartitionWorker worker;
    private final ApplicationContext context;

    WorkerCommand(PartitionWorker worker, ApplicationContext context) {
        this.worker = worker;
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            worker.work(queue -> {
                streams.err().println("worker: taking sweep partitions from queue " + queue);
                streams.err().flush();
                // Boot declares readiness only after the command returns, which a worker never does until stopped
                AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            });
            return ExitCodes.OK;
        } catch (SweepLaunchException e) {
            streams.err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
