package org.compliancerunner.sweep;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongPredicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * One table of leases ({@code sweep_leases}, {@code partition_leases}): a row per execution that names the process
 * working on it, renewed by a heartbeat on Boot's scheduler while the process holds it, so that other processes can
 * tell work in hand from work whose process died (kill -9, lost node).
 */
final class Leases {

    /** The columns {@link #holder(ResultSet, int)} reads besides {@code held}, the id the lease is for. */
    static final String HOLDER_COLUMNS =
            "host, pid, heartbeat_at, EXTRACT(EPOCH FROM (now() - heartbeat_at)) * 1000 AS age_ms";

    static final String HOST = hostName();
    static final long PID = ProcessHandle.current().pid();

    private final JdbcClient jdbc;
    private final TaskScheduler scheduler;
    private final String table;
    /** the column of the id a lease is for: a job or a step execution */
    private final String key;
    private final Duration lease;
    private final Map<Long, ScheduledFuture<?>> beating = new ConcurrentHashMap<>();

    Leases(JdbcClient jdbc, TaskScheduler scheduler, String table, String key, Duration lease) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.table = table;
        this.key = key;
        this.lease = lease;
    }

    /** Holds the lease for this process, whoever held it before, with a heartbeat until it is released. */
    void hold(long id) {
        hold(id, any -> true);
    }

    /** As {@link #hold(long)}, but each beat is skipped while {@code beatNow} says the process should look silent. */
    void hold(long id, LongPredicate beatNow) {
        jdbc.sql("INSERT INTO " + table + " (" + key + ", host, pid, heartbeat_at) VALUES (:id, :host, :pid, now()) "
                        + "ON CONFLICT (" + key + ") DO UPDATE SET host = :host, pid = :pid, heartbeat_at = now()")
                .param("id", id).param("host", HOST).param("pid", PID).update();
        Duration every = heartbeat();
        ScheduledFuture<?> before = beating.put(id, scheduler.scheduleWithFixedDelay(() -> beat(id, beatNow),
                Instant.now().plus(every), every));
        if (before != null) {
            before.cancel(false);
        }
    }

    /** Gives the lease up: no heartbeat, no row, so another process may take the work at once. */
    void release(long id) {
        ScheduledFuture<?> beat = beating.remove(id);
        if (beat != null) {
            beat.cancel(false);
        }
        jdbc.sql("DELETE FROM " + table + " WHERE " + key + " = :id").param("id", id).update();
    }

    /** Takes a lease that nobody holds; false when another process holds it, or took it first. */
    boolean take(long id) {
        return jdbc.sql("INSERT INTO " + table + " (" + key + ", host, pid, heartbeat_at) VALUES (:id, :host, :pid, now()) "
                        + "ON CONFLICT (" + key + ") DO NOTHING")
                .param("id", id).param("host", HOST).param("pid", PID).update() == 1;
    }

    /**
     * Takes the lease over from the holder as it was read: false when it has changed since (it signalled, or another
     * process took it over first), so two processes taking over one lease cannot both win.
     */
    boolean takeOver(Holder seen) {
        return jdbc.sql("UPDATE " + table + " SET host = :host, pid = :pid, heartbeat_at = now() WHERE " + key
                        + " = :id AND host = :oldHost AND pid = :oldPid AND heartbeat_at = :seen")
                .param("id", seen.held()).param("host", HOST).param("pid", PID)
                .param("oldHost", seen.host()).param("oldPid", seen.pid()).param("seen", seen.heartbeatAt())
                .update() == 1;
    }

    /** Who holds the lease for the id, if anyone does. */
    Optional<Holder> holder(long id) {
        return jdbc.sql(select() + " WHERE " + key + " = :id").param("id", id).query(Leases::holder).optional();
    }

    /** The holders of the leases for these ids: one query however many there are. */
    List<Holder> holders(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(select() + " WHERE " + key + " = ANY (:ids)").param("ids", ids.toArray(Long[]::new))
                .query(Leases::holder).list();
    }

    /** How long a holder may stay silent before it is taken for dead. */
    Duration lease() {
        return lease;
    }

    /** A holder whose PID looks gone is believed gone once its heartbeat is this old: two beats missed. */
    long missedBeatsMs() {
        return 2 * heartbeat().toMillis() + 1000;
    }

    /** How often a holder signals: four times per lease, so one late beat never makes it look dead. */
    private Duration heartbeat() {
        return Duration.ofMillis(Math.max(1000, lease.toMillis() / 4));
    }

    private void beat(long id, LongPredicate beatNow) {
        try {
            if (beatNow.test(id)) {
                jdbc.sql("UPDATE " + table + " SET heartbeat_at = now() WHERE " + key + " = :id").param("id", id).update();
            }
        } catch (RuntimeException e) {
            // a missed beat only makes the lease look older; the next one may get through
        }
    }

    private String select() {
        return "SELECT " + key + " AS held, " + HOLDER_COLUMNS + " FROM " + table;
    }

    /** Reads a holder from {@code held} and the {@link #HOLDER_COLUMNS}. */
    static Holder holder(ResultSet rs, int row) throws SQLException {
        return new Holder(rs.getLong("held"), rs.getString("host"), rs.getLong("pid"),
                rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getLong("age_ms"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** The process that holds the lease for {@code held}, and how long ago it last signalled. */
    record Holder(long held, String host, long pid, OffsetDateTime heartbeatAt, long ageMs) {

        /** Its PID is absent from this host; it may still live in another PID namespace with the same host name. */
        boolean processLooksGone() {
            return host.equals(HOST) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        /** The holder as messages name it. */
        String process() {
            return host + " pid " + pid;
        }
    }
}
