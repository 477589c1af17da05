package org.compliancerunner.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.inspection.VideoTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records which process runs a sweep execution and keeps a heartbeat while it runs, so that a later sweep can tell
 * an execution whose process died (kill -9, lost node) from one that is still working.
 */
@Component
class SweepLease implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SweepLease.class);

    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();

    private final JdbcClient jdbc;
    private final long heartbeatMillis;
    /** How long a process keeps its lease after its execution was told to stop: the inspections' grace, twice. */
    private final long stopGraceNanos;
    private final Map<Long, Long> stopSeenAt = new ConcurrentHashMap<>();
    private final Set<Long> givenUp = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sweep-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

    SweepLease(JdbcClient jdbc, SweepProperties properties, VideoTimeout timeout) {
        this.jdbc = jdbc;
        this.heartbeatMillis = heartbeatMillis(properties.lease());
        this.stopGraceNanos = timeout.grace().multipliedBy(2).toNanos();
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long id = execution.getId();
        jdbc.sql("""
                        INSERT INTO sweep_leases (job_execution_id, host, pid, heartbeat_at) VALUES (:id, :host, :pid, now())
                        ON CONFLICT (job_execution_id) DO UPDATE SET host = :host, pid = :pid, heartbeat_at = now()""")
                .param("id", id).param("host", HOST).param("pid", PID).update();
        running.put(id, heartbeats.scheduleWithFixedDelay(() -> beat(id), heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public void afterJob(JobExecution execution) {
        ScheduledFuture<?> beat = running.remove(execution.getId());
        if (beat != null) {
            beat.cancel(false);
        }
        stopSeenAt.remove(execution.getId());
        givenUp.remove(execution.getId());
        jdbc.sql("DELETE FROM sweep_leases WHERE job_execution_id = :id").param("id", execution.getId()).update();
    }

    private void beat(long id) {
        try {
            if (stuckAfterStop(id)) {
                return;
            }
            jdbc.sql("UPDATE sweep_leases SET heartbeat_at = now() WHERE job_execution_id = :id").param("id", id).update();
        } catch (RuntimeException e) {
            // a missed beat only makes the lease look older; the next one may get through
        }
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

    /** How often a live sweep signals: four times per lease, so one late beat never makes it look dead. */
    static long heartbeatMillis(java.time.Duration lease) {
        return Math.max(1000, lease.toMillis() / 4);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
