package org.compliancerunner.sweep;

import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.stereotype.Service;

/** The {@code worker} role: runs sweep partitions sent through RabbitMQ until the process is told to stop. */
@Service
public class PartitionWorker {

    private final PartitioningProperties mode;
    private final RemoteProperties remote;
    private final ObjectProvider<AmqpInboundChannelAdapter> requests;
    private final ObjectProvider<WorkerDrain> drain;

    PartitionWorker(PartitioningProperties mode, RemoteProperties remote,
                    ObjectProvider<AmqpInboundChannelAdapter> requests, ObjectProvider<WorkerDrain> drain) {
        this.mode = mode;
        this.remote = remote;
        this.requests = requests;
        this.drain = drain;
    }

    /**
     * Takes partition requests one at a time until SIGTERM or SIGINT, then hands back or finishes the current one.
     *
     * @param started told the queue name once the worker listens
     */
    public void work(Consumer<String> started) throws SweepLaunchException, InterruptedException {
        if (mode.partitioning() != Partitioning.REMOTE) {
            throw new SweepLaunchException("A worker takes partitions from RabbitMQ: set compliance.partitioning=remote "
                    + "(COMPLIANCE_PARTITIONING=remote) and spring.rabbitmq.* for the broker, in the sweep too");
        }
        requests.getObject().start();
        started.accept(remote.requests());
        drain.getObject().awaitStop();
    }
}
