package org.compliancerunner.sweep;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.compliancerunner.sweep.Leases.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Records which worker process runs a partition (a worker step execution) and keeps a heartbeat while it runs, so
 * that a worker receiving the same request again (RabbitMQ redelivers when a connection drops) can tell a partition
 * still being worked on from one whose worker died.
 */
@Component
class PartitionLease implements StepExecutionListener {

    private final Leases leases;

    PartitionLease(@Qualifier("partitionLeases") Leases leases) {
        this.leases = leases;
    }

    @Override
    public void beforeStep(StepExecution step) {
        leases.hold(step.getId());
    }

    @Override
    public @Nullable ExitStatus afterStep(StepExecution step) {
        release(step.getId());
        return null;
    }

    /** Gives the partition up: no heartbeat, no lease, so the next worker may take it at once. */
    void release(long stepExecutionId) {
        leases.release(stepExecutionId);
    }

    /**
     * Takes the partition for this process unless a live worker holds it: atomically, so that two copies of one
     * request delivered to two workers at once never both run it. A lease whose holder is gone is taken over only if
     * it is still the one that was read, so two workers taking over the same dead lease cannot both win.
     */
    boolean claim(long stepExecutionId) {
        Optional<Holder> holder = leases.holder(stepExecutionId);
        if (holder.isEmpty()) {
            return leases.take(stepExecutionId);
        }
        return !alive(holder.get()) && leases.takeOver(holder.get());
    }

    /** Who works on the partition now, or empty when nobody does (no lease, its process is gone or silent). */
    Optional<String> liveHolder(long stepExecutionId) {
        return leases.holder(stepExecutionId).filter(this::alive).map(Holder::process);
    }

    /** Of these partitions, those a live worker holds now: one query however many partitions a sweep has. */
    Set<Long> liveAmong(Collection<Long> stepExecutionIds) {
        return leases.holders(stepExecutionIds).stream().filter(this::alive).map(Holder::held)
                .collect(Collectors.toSet());
    }

    private boolean alive(Holder holder) {
        return !holder.processLooksGone() && holder.ageMs() <= leases.lease().toMillis();
    }
}
