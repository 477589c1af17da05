package org.compliancerunner.sweep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sweep's side of remote partitioning: sends one request per partition and watches the partitions until they
 * have all ended. A request the broker did not confirm is sent again; one that no worker has taken
 * {@code resend-after} after it was sent is sent again; one whose worker's lease went stale is sent again at once
 * (a second copy is harmless: a worker runs a partition only once it holds its lease). A partition that has had no
 * worker for {@code give-up-after} fails the sweep, restartably, naming it. On a restart, partitions that a live
 * worker is still running from the earlier execution are waited for, not run again.
 */
class RemotePartitionHandler implements PartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final JobRepository repository;
    private final Partitioner partitioner;
    private final PartitionRequests requests;
    private final PartitionLease lease;
    private final JdbcClient jdbc;
    private final RemoteProperties remote;

    RemotePartitionHandler(JobRepository repository, Partitioner partitioner, PartitionRequests requests,
                           PartitionLease lease, JdbcClient jdbc, RemoteProperties remote) {
        this.repository = repository;
        this.partitioner = partitioner;
        this.requests = requests;
        this.lease = lease;
        this.jdbc = jdbc;
        this.remote = remote;
    }

    @Override
    public List<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        List<Partition> partitions = split(manager.getJobExecution());
        Instant started = Instant.now();
        List<Partition> open = new ArrayList<>(partitions);
        while (!open.isEmpty()) {
            Instant now = Instant.now();
            watch(open, manager.getJobExecutionId(), now);
            open.removeIf(Partition::ended);
            if (open.isEmpty()) {
                break;
            }
            if (open.stream().anyMatch(p -> Duration.between(p.unheldSince, now).compareTo(remote.giveUpAfter()) >= 0)) {
                // every partition without a worker now is named and failed, not only the first to run out of time
                throw giveUp(open.stream().filter(p -> !p.heldNow).toList());
            }
            if (Duration.between(started, now).compareTo(remote.managerTimeout()) >= 0) {
                throw new PartitionsNotFinishedException("Partitions " + numbers(open) + " had not ended after "
                        + "compliance.remote.manager-timeout (" + minutes(remote.managerTimeout()) + "); restart the sweep");
            }
            Thread.sleep(remote.pollInterval().toMillis());
        }
        return partitions.stream().map(p -> repository.getStepExecution(p.id())).toList();
    }

    /**
     * One step execution per partition not yet completed. A partition still running from an earlier execution of the
     * sweep (a restart after the sweep's process died) is adopted while its worker's lease is live, and otherwise
     * failed and run anew.
     */
    private List<Partition> split(JobExecution job) throws InterruptedException {
        List<Partition> partitions = new ArrayList<>();
        for (Map.Entry<String, ExecutionContext> entry : partitioner.partition(0).entrySet()) {
            String name = SweepJobConfiguration.WORKER_STEP + ":" + entry.getKey();
            StepExecution last = repository.getLastStepExecution(job.getJobInstance(), name);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                continue;
            }
            if (last != null && last.getStatus().isRunning() && last.getJobExecutionId() != job.getId()) {
                if (lease.liveHolder(last.getId()).isPresent()) {
                    log.info("Partition {} is still run by a live worker ({}); waiting for it instead of running it again",
                            name, lease.liveHolder(last.getId()).orElse("?"));
                    partitions.add(new Partition(last, Instant.now(), true));
                    continue;
                }
                end(last.getId(), BatchStatus.FAILED, "its worker is gone; the partition is run again");
            }
            StepExecution step = repository.createStepExecution(name, job);
            step.setExecutionContext(entry.getValue());
            repository.updateExecutionContext(step);
            partitions.add(new Partition(step, Instant.now(), false));
        }
        for (Partition partition : partitions) {
            if (!partition.adopted) {
                send(partition, Instant.now());
            }
        }
        return partitions;
    }

    /** Reads the open partitions' state in two queries and sends again what needs it. */
    private void watch(List<Partition> open, long jobExecutionId, Instant now) {
        List<Long> ids = open.stream().map(Partition::id).toList();
        Map<Long, String> statuses = jdbc.sql("""
                        SELECT step_execution_id, status FROM batch_step_execution WHERE step_execution_id = ANY (:ids)""")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<Long> live = lease.liveAmong(ids);
        boolean stopping = "STOPPING".equals(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", jobExecutionId).query(String.class).optional().orElse(""));
        for (Partition partition : open) {
            partition.heldNow = live.contains(partition.id());
            String status = statuses.getOrDefault(partition.id(), "ABANDONED");
            if (!BatchStatus.valueOf(status).isRunning()) {
                partition.ended = true;
            } else if (live.contains(partition.id())) {
                partition.held(now);
            } else if (stopping) {
                // a partition no worker has is stopped here, as a running one stops itself at its next chunk
                partition.ended = end(partition.id(), BatchStatus.STOPPED, "the sweep was stopped before a worker took it");
            } else {
                resendIfDue(partition, now);
            }
        }
    }

    private void resendIfDue(Partition partition, Instant now) {
        if (partition.heldBefore) {
            // seen held before and not now; once more on the next poll is a lease truly gone, not a partition ending
            if (partition.missedPolls++ >= 1) {
                log.warn("Partition {}: its worker's lease went stale; sending the request again", partition.name());
                partition.heldBefore = false;
                send(partition, now);
            }
        } else if (!partition.confirmed
                || Duration.between(partition.sentAt, now).compareTo(remote.resendAfter()) >= 0) {
            if (partition.confirmed) {
                log.warn("Partition {}: no worker has taken it {} after it was sent; sending the request again",
                        partition.name(), minutes(Duration.between(partition.sentAt, now)));
            }
            send(partition, now);
        }
    }

    private void send(Partition partition, Instant now) {
        partition.sentAt = now;
        partition.confirmed = requests.send(new StepExecutionRequest(SweepJobConfiguration.WORKER_STEP, partition.id()));
    }

    /** Marks the partitions no worker took FAILED, so stale copies of their requests are dropped, and explains. */
    private PartitionsNotFinishedException giveUp(List<Partition> untaken) {
        String message = "no worker took partitions " + numbers(untaken) + " in " + minutes(remote.giveUpAfter())
                + " — are workers running and connected to queue " + remote.requests() + "? "
                + "Restart the sweep once they are";
        for (Partition partition : untaken) {
            end(partition.id(), BatchStatus.FAILED, message);
        }
        log.error("Sweep gives up: {}", message);
        return new PartitionsNotFinishedException(message);
    }

    /** Ends a step execution nobody runs; false when a worker took it meanwhile (its version moved on). */
    private boolean end(long stepExecutionId, BatchStatus status, String why) {
        StepExecution step = repository.getStepExecution(stepExecutionId);
        if (step == null || !step.getStatus().isRunning()) {
            return true;
        }
        step.setStatus(status);
        step.setExitStatus(new ExitStatus(status.name(), why));
        step.setEndTime(LocalDateTime.now());
        try {
            repository.update(step);
            return true;
        } catch (OptimisticLockingFailureException e) {
            return false;
        }
    }

    private static String numbers(List<Partition> partitions) {
        return partitions.stream().map(p -> String.valueOf(p.number())).collect(Collectors.joining(", "));
    }

    static String minutes(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** What the sweep knows about one partition while it waits for it. */
    private static final class Partition {

        private final StepExecution step;
        private final boolean adopted;
        private Instant sentAt;
        private boolean confirmed;
        private boolean heldBefore;
        private boolean heldNow;
        private int missedPolls;
        /** since when no live worker has held it: the give-up clock */
        private Instant unheldSince;
        private boolean ended;

        Partition(StepExecution step, Instant now, boolean adopted) {
            this.step = step;
            this.adopted = adopted;
            this.unheldSince = now;
            this.sentAt = now;
            this.confirmed = adopted;
            this.heldBefore = adopted; // an adopted partition whose worker dies is sent again at once
        }

        long id() {
            return step.getId();
        }

        String name() {
            return step.getStepName();
        }

        int number() {
            return step.getExecutionContext().getInt(SweepPartitioner.PARTITION, -1);
        }

        boolean ended() {
            return ended;
        }

        void held(Instant now) {
            heldBefore = true;
            missedPolls = 0;
            unheldSince = now;
        }
    }
}
