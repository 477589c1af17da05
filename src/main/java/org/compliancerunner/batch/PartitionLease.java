package org.compliancerunner.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
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

    private static final String SELECT = """
            SELECT step_execution_id, host, pid, heartbeat_at, EXTRACT(EPOCH FROM (now() - heartbeat_at)) * 1000 AS age_ms
            FROM partition_leases""";

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
    public @Nullable ExitStatus afterStep(StepExecution step) {
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

    /**
     * Takes the partition for this process unless a live worker holds it: atomically, so that two copies of one
     * request delivered to two workers at once never both run it. A lease whose holder is gone is taken over only if
     * it is still the one that was read, so two workers taking over the same dead lease cannot both win.
     */
    boolean claim(long stepExecutionId) {
        Optional<Holder> holder = holder(stepExecutionId);
        if (holder.isEmpty()) {
            return jdbc.sql("""
                            INSERT INTO partition_leases (step_execution_id, host, pid, heartbeat_at) VALUES (:id, :host, :pid, now())
                            ON CONFLICT (step_execution_id) DO NOTHING""")
                    .param("id", stepExecutionId).param("host", SweepLease.HOST).param("pid", SweepLease.PID)
                    .update() == 1;
        }
        if (alive(holder.get())) {
            return false;
        }
        return jdbc.sql("""
                        UPDATE partition_leases SET host = :host, pid = :pid, heartbeat_at = now()
                        WHERE step_execution_id = :id AND host = :oldHost AND pid = :oldPid AND heartbeat_at = :seen""")
                .param("id", stepExecutionId).param("host", SweepLease.HOST).param("pid", SweepLease.PID)
                .param("oldHost", holder.get().host()).param("oldPid", holder.get().pid())
                .param("seen", holder.get().heartbeatAt()).update() == 1;
    }

    /** Who works on the partition now, or empty when nobody does (no lease, its process is gone or silent). */
    Optional<String> liveHolder(long stepExecutionId) {
        return holder(stepExecutionId).filter(this::alive).map(holder -> holder.host() + " pid " + holder.pid());
    }

    /** Of these partitions, those a live worker holds now: one query however many partitions a sweep has. */
    Set<Long> liveAmong(Collection<Long> stepExecutionIds) {
        if (stepExecutionIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql(SELECT + " WHERE step_execution_id = ANY (:ids)")
                .param("ids", stepExecutionIds.toArray(Long[]::new))
                .query(PartitionLease::holder).list().stream()
                .filter(this::alive).map(Holder::stepExecutionId).collect(Collectors.toSet());
    }

    private Optional<Holder> holder(long stepExecutionId) {
        return jdbc.sql(SELECT + " WHERE step_execution_id = :id").param("id", stepExecutionId)
                .query(PartitionLease::holder).optional();
    }

    private static Holder holder(ResultSet rs, int row) throws SQLException {
        return new Holder(rs.getLong("step_execution_id"), rs.getString("host"), rs.getLong("pid"),
                rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getLong("age_ms"));
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

    private record Holder(long stepExecutionId, String host, long pid, OffsetDateTime heartbeatAt, long ageMs) {
    }
}
