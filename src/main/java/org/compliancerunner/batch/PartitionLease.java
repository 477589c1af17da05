package org.compliancerunner.batch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records which worker process runs a partition (a worker step execution) and keeps a heartbeat while it runs, so
 * that a worker receiving the same request again (RabbitMQ redelivers when a connection drops) can tell a partition
 * still being worked on from one whose worker died.
 */
@Component
class PartitionLease implements StepExecutionListener {

    private final JdbcClient jdbc;
    private final Duration lease;
    private final long heartbeatMillis;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partition-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

    PartitionLease(JdbcClient jdbc, SweepProperties properties) {
        this.jdbc = jdbc;
        this.lease = properties.lease();
        this.heartbeatMillis = Math.max(1000, properties.lease().toMillis() / 4);
    }

    @Override
    public void beforeStep(StepExecution step) {
        long id = step.getId();
        jdbc.sql("""
                        INSERT INTO partition_leases (step_execution_id, host, pid, heartbeat_at) VALUES (:id, :host, :pid, now())
                        ON CONFLICT (step_execution_id) DO UPDATE SET host = :host, pid = :pid, heartbeat_at = now()""")
                .param("id", id).param("host", SweepLease.HOST).param("pid", SweepLease.PID).update();
        running.put(id, heartbeats.scheduleWithFixedDelay(() -> beat(id), heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        release(step.getId());
        return null;
    }

    /** Gives the partition up: no heartbeat, no lease, so the next worker may take it at once. */
    void release(long stepExecutionId) {
        ScheduledFuture<?> beat = running.remove(stepExecutionId);
        if (beat != null) {
            beat.cancel(false);
        }
        jdbc.sql("DELETE FROM partition_leases WHERE step_execution_id = :id").param("id", stepExecutionId).update();
    }

    /** Who works on the partition now, or empty when nobody does (no lease, its process is gone or silent). */
    Optional<String> liveHolder(long stepExecutionId) {
        return jdbc.sql("""
                        SELECT host, pid, EXTRACT(EPOCH FROM (now() - heartbeat_at)) * 1000 AS age_ms
                        FROM partition_leases WHERE step_execution_id = :id""")
                .param("id", stepExecutionId)
                .query((rs, n) -> new Holder(rs.getString("host"), rs.getLong("pid"), rs.getLong("age_ms")))
                .optional()
                .filter(this::alive)
                .map(holder -> holder.host() + " pid " + holder.pid());
    }

    private boolean alive(Holder holder) {
        boolean here = holder.host().equals(SweepLease.HOST);
        if (here && ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false) == false) {
            return false;
        }
        return holder.ageMs() <= lease.toMillis();
    }

    private void beat(long id) {
        try {
            jdbc.sql("UPDATE partition_leases SET heartbeat_at = now() WHERE step_execution_id = :id").param("id", id).update();
        } catch (RuntimeException e) {
            // a missed beat only makes the lease look older; the next one may get through
        }
    }

    private record Holder(String host, long pid, long ageMs) {
    }
}
