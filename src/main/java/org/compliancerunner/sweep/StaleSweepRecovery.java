package org.compliancerunner.sweep;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.compliancerunner.sweep.Leases.Holder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds sweep executions that the job repository still calls running although their process is gone, and marks
 * them FAILED (as {@code JobOperator#recover} would, but sparing partitions a live worker runs) so they can be
 * restarted and never block the next sweep.
 */
@Component
class StaleSweepRecovery {

    private static final Logger log = LoggerFactory.getLogger(StaleSweepRecovery.class);

    private final JobRepository repository;
    private final PartitionLease partitions;
    private final Leases sweeps;
    private final JdbcClient jdbc;
    private final Duration lease;

    StaleSweepRecovery(JobRepository repository, PartitionLease partitions, @Qualifier("sweepLeases") Leases sweeps,
                       JdbcClient jdbc) {
        this.repository = repository;
        this.partitions = partitions;
        this.sweeps = sweeps;
        this.jdbc = jdbc;
        this.lease = sweeps.lease();
    }

    /** Recovers every stale sweep execution; returns their ids. */
    List<Long> recoverAll() {
        List<Long> recovered = new ArrayList<>();
        for (JobExecution execution : repository.findRunningJobExecutions(SweepJobConfiguration.JOB)) {
            if (stale(execution).isPresent()) {
                recover(execution);
                recovered.add(execution.getId());
            }
        }
        return recovered;
    }

    /**
     * Job instances that have a live execution, or whose process still holds a lease (a stopped or failed execution
     * whose process is still finishing); their claims belong to them.
     */
    List<Long> liveInstances() {
        List<Long> live = new ArrayList<>(repository.findRunningJobExecutions(SweepJobConfiguration.JOB).stream()
                .map(JobExecution::getJobInstanceId).toList());
        live.addAll(jdbc.sql("""
                        SELECT e.job_instance_id, job_execution_id AS held, %s
                        FROM sweep_leases JOIN batch_job_execution e USING (job_execution_id)
                        UNION ALL
                        SELECT e.job_instance_id, step_execution_id, %s
                        FROM partition_leases JOIN batch_step_execution s USING (step_execution_id)
                        JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id"""
                        .formatted(Leases.HOLDER_COLUMNS, Leases.HOLDER_COLUMNS))
                .query((rs, n) -> new Held(rs.getLong("job_instance_id"), Leases.holder(rs, n)))
                .list().stream().filter(held -> alive(held.lease())).map(Held::jobInstanceId).toList());
        return live.stream().distinct().toList();
    }

    /**
     * A sweep execution that is no longer running in the job repository (stopped, failed) while its process still
     * holds its lease: it is finishing the video in hand, and a new sweep must not take its claims over yet.
     */
    List<Long> stillHeld() {
        return jdbc.sql("""
                        SELECT job_execution_id AS held, %s
                        FROM sweep_leases JOIN batch_job_execution e USING (job_execution_id)
                        WHERE e.status NOT IN ('STARTING', 'STARTED', 'STOPPING') ORDER BY job_execution_id"""
                        .formatted(Leases.HOLDER_COLUMNS))
                .query(Leases::holder).list().stream().filter(this::alive).map(Holder::held).toList();
    }

    /** Whether the lease's process counts as alive now, by the same rule as {@link #stale} but without waiting. */
    private boolean alive(Holder lease) {
        return lease.ageMs() <= this.lease.toMillis()
                && !(lease.processLooksGone() && lease.ageMs() > sweeps.missedBeatsMs());
    }

    /**
     * Why the execution is taken as dead, or empty while its process is alive. A heartbeat older than the lease is
     * dead. A process that looks gone from this host must have missed its heartbeats too: its PID may live in another
     * PID namespace (a container with the same host name), so the heartbeat is waited for once before it is believed.
     */
    Optional<String> stale(JobExecution execution) {
        Optional<Holder> lease = sweeps.holder(execution.getId());
        if (lease.isEmpty()) {
            LocalDateTime seen = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getCreateTime();
            boolean old = seen == null || seen.isBefore(LocalDateTime.now().minus(this.lease));
            return old ? Optional.of("no process has held it for " + this.lease.toSeconds() + " s") : Optional.empty();
        }
        Holder held = lease.get();
        if (held.ageMs() > this.lease.toMillis()) {
            return Optional.of("process " + held.pid() + " on " + held.host() + " has not signalled for "
                    + held.ageMs() / 1000 + " s");
        }
        if (!held.processLooksGone()) {
            return Optional.empty();
        }
        long missed = sweeps.missedBeatsMs();
        if (held.ageMs() <= missed) {
            long waited = missed - held.ageMs();
            sleep(waited);
            Optional<Holder> later = sweeps.holder(execution.getId());
            if (later.isEmpty() || later.get().ageMs() + 500 < held.ageMs() + waited) {
                return Optional.empty(); // it signalled meanwhile (or ended): alive after all
            }
        }
        return Optional.of("its process " + held.pid() + " on " + held.host() + " is gone and has missed its heartbeats");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The latest sweep execution created at or after the time, if any. */
    Optional<Long> startedSince(LocalDateTime since) {
        return jdbc.sql("""
                        SELECT e.job_execution_id FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
                        WHERE i.job_name = :job AND e.create_time >= :since ORDER BY e.job_execution_id DESC LIMIT 1""")
                .param("job", SweepJobConfiguration.JOB).param("since", since)
                .query(Long.class).optional();
    }

    /** Describes who holds a live execution, for messages. */
    String holder(JobExecution execution) {
        return holder(execution.getId());
    }

    String holder(long jobExecutionId) {
        return sweeps.holder(jobExecutionId).map(Holder::process).orElse("an unknown process");
    }

    /**
     * Marks the execution FAILED, and its steps that were running, except remote partitions that a live worker still
     * runs: those go on, and a restart waits for them instead of running them again.
     */
    void recover(JobExecution execution) {
        log.warn("Sweep execution {} was left running by a process that is gone; marking it FAILED", execution.getId());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStatus().isRunning()) {
                continue;
            }
            Optional<String> worker = partitions.liveHolder(step.getId());
            if (worker.isPresent()) {
                log.info("Partition {} goes on in {}; a restart waits for it", step.getStepName(), worker.get());
                continue;
            }
            step.setStatus(BatchStatus.FAILED);
            step.setEndTime(now);
            repository.update(step);
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setEndTime(now);
        repository.update(execution);
        sweeps.release(execution.getId());
    }

    /** A lease and the job instance its execution or partition belongs to. */
    private record Held(long jobInstanceId, Holder lease) {
    }
}
