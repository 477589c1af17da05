package org.compliancerunner.sweep;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.compliancerunner.inspection.VideoTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records which process runs a sweep execution and keeps a heartbeat while it runs, so that a later sweep can tell
 * an execution whose process died (kill -9, lost node) from one that is still working.
 */
@Component
class SweepLease implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SweepLease.class);

    private final Leases leases;
    private final JdbcClient jdbc;
    /** How long a process keeps its lease after its execution was told to stop: the inspections' grace, twice. */
    private final long stopGraceNanos;
    private final Map<Long, Long> stopSeenAt = new ConcurrentHashMap<>();
    private final Set<Long> givenUp = ConcurrentHashMap.newKeySet();

    SweepLease(@Qualifier("sweepLeases") Leases leases, JdbcClient jdbc, VideoTimeout timeout) {
        this.leases = leases;
        this.jdbc = jdbc;
        this.stopGraceNanos = timeout.grace().multipliedBy(2).toNanos();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        leases.hold(execution.getId(), id -> !stuckAfterStop(id));
    }

    @Override
    public void afterJob(JobExecution execution) {
        leases.release(execution.getId());
        stopSeenAt.remove(execution.getId());
        givenUp.remove(execution.getId());
    }

    /**
     * True once the execution was told to stop (or taken for dead) longer ago than its grace and this process is still
     * in it: something here does not stop, so the lease is given up and another sweep may take the claims over.
     */
    private boolean stuckAfterStop(long id) {
        String status = jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", id).query(String.class).optional().orElse("STARTED");
        if (status.equals("STARTING") || status.equals("STARTED")) {
            return false;
        }
        long seen = stopSeenAt.computeIfAbsent(id, key -> System.nanoTime());
        boolean stuck = System.nanoTime() - seen > stopGraceNanos;
        if (stuck && givenUp.add(id)) {
            log.warn("Sweep execution {} is {} but this process has not finished it; giving up its lease", id, status);
        }
        return stuck;
    }
}
