package org.compliancerunner.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.context.SmartLifecycle;

/**
 * A worker's orderly exit on SIGTERM. Stopping comes first when the context closes: no new partition is taken, and a
 * running partition hands itself back at its next chunk boundary (its last chunk committed, the next one not begun):
 * it gives up its lease and the connection to RabbitMQ is closed without acknowledging its request, so the broker
 * gives the request to another worker, which resumes the same step execution where this one left off.
 */
class WorkerDrain implements SmartLifecycle, StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(WorkerDrain.class);

    /** Stops first when the context closes: before the listener container and the database pool. */
    static final int PHASE = Integer.MAX_VALUE;

    private final PartitionLease lease;
    private final CachingConnectionFactory connections;
    private final Duration grace;
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private final Set<Long> handedBack = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean draining;
    private volatile boolean running;

    WorkerDrain(PartitionLease lease, CachingConnectionFactory connections, RemoteProperties properties) {
        this.lease = lease;
        this.connections = connections;
        this.grace = properties.shutdownGrace();
    }

    /** Refuses new work while the worker stops: the broker keeps the request for another worker. */
    void admit(long stepExecutionId) {
        if (draining) {
            throw new ImmediateRequeueAmqpException("this worker is stopping; partition " + stepExecutionId
                    + " stays queued for another worker");
        }
    }

    boolean draining() {
        return draining;
    }

    /** Blocks until the worker has stopped (SIGTERM, SIGINT or the context closing). */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void beforeStep(StepExecution step) {
        active.add(step.getId());
    }

    @Override
    public @Nullable ExitStatus afterStep(StepExecution step) {
        active.remove(step.getId());
        return null;
    }

    @Override
    public void beforeChunk(Chunk<Object> chunk) {
        if (!draining) {
            return;
        }
        // nothing of this chunk is written yet: the transaction only read, so it rolls back to nothing when we exit
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        lease.release(step.getId());
        handedBack.add(step.getId());
        log.info("Partition {} ({}) handed back after its last committed chunk", step.getId(),
                step.getExecutionContext().getInt(SweepPartitioner.PARTITION, -1));
        while (true) {
            LockSupport.park(this); // the process exits under this thread; the request goes back to the queue
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        draining = true;
        if (!active.isEmpty()) {
            log.info("Worker stopping: partitions {} are handed back at their next chunk boundary", active);
        }
        Instant deadline = Instant.now().plus(grace);
        while (!handedBack.containsAll(active) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(50_000_000L);
        }
        if (!handedBack.containsAll(active)) {
            log.warn("Partitions {} did not reach a chunk boundary within {} s; their chunks roll back as the "
                    + "worker exits", active, grace.toSeconds());
        }
        // closing the connection returns every unacknowledged request to its queue at once
        connections.resetConnection();
        running = false;
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
