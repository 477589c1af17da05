package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sweep is taken over only when its heartbeat stopped: a PID that looks absent from this host may belong to a live
 * process in another PID namespace, and a process whose database connection froze still holds its lease.
 */
class StaleSweepRecoveryTest extends IntegrationTest {

    private static final long ABSENT_PID = Integer.MAX_VALUE - 7L;

    @Autowired
    StaleSweepRecovery recovery;

    @Autowired
    JobRepository repository;

    private final List<Long> held = new ArrayList<>();

    @AfterEach
    void releaseLeases() {
        // a lease left behind would make every later sweep in this context wait for a process that is not there
        held.forEach(id -> jdbc.sql("DELETE FROM sweep_leases WHERE job_execution_id = :id").param("id", id).update());
    }

    @Test
    void aProcessThatLooksGoneButStillSignalsIsAlive() throws Exception {
        JobExecution execution = executionHeldBy(ABSENT_PID);
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
        beats.scheduleAtFixedRate(() -> jdbc.sql("UPDATE sweep_leases SET heartbeat_at = now() WHERE job_execution_id = :id")
                .param("id", execution.getId()).update(), 0, 1, TimeUnit.SECONDS);
        try {
            assertThat(recovery.stale(execution)).isEmpty();
        } finally {
            beats.shutdownNow();
        }
    }

    @Test
    void aProcessThatLooksGoneAndMissedItsHeartbeatsIsTakenOver() {
        JobExecution execution = executionHeldBy(ABSENT_PID);

        assertThat(recovery.stale(execution)).hasValueSatisfying(why -> assertThat(why)
                .contains("is gone and has missed its heartbeats"));
    }

    @Test
    void aLiveProcessWithAFreshHeartbeatIsNeverTakenOver() {
        JobExecution execution = executionHeldBy(ProcessHandle.current().pid());

        assertThat(recovery.stale(execution)).isEmpty();
    }

    /** A finished sweep execution given a lease row as a crashed or running one has. */
    private JobExecution executionHeldBy(long pid) {
        CliDriver.Result sweep = cli.run("sweep", "--project", "no-videos-" + pid + "-" + System.nanoTime(), "--json");
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        long id = Long.parseLong(sweep.out().replaceAll("(?s).*\"jobExecutionId\":(\\d+).*", "$1"));
        held.add(id);
        jdbc.sql("INSERT INTO sweep_leases (job_execution_id, host, pid, heartbeat_at) VALUES (:id, :host, :pid, now())")
                .param("id", id).param("host", Leases.HOST).param("pid", pid).update();
        return repository.getJobExecution(id);
    }
}
