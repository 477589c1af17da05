package org.compliancerunner.sweep;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sweeps whose process is alive right now: an unfinished execution with a heartbeat younger than the lease. One
 * left STARTED by a process that died is not running — the next sweep takes it over.
 */
public final class RunningSweeps {

    /** A live sweep: its execution id, where its process runs, and when it started. */
    public record RunningSweep(long jobExecutionId, String host, long pid, LocalDateTime started) {
    }

    private final JdbcClient jdbc;

    public RunningSweeps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RunningSweep> live(Duration lease) {
        Boolean schema = jdbc.sql("SELECT to_regclass('sweep_leases') IS NOT NULL").query(Boolean.class).single();
        if (!schema) {
            return List.of(); // a database no command has migrated yet runs nothing
        }
        return jdbc.sql("""
                        SELECT l.job_execution_id, l.host, l.pid, e.start_time AS started
                        FROM sweep_leases l JOIN batch_job_execution e ON e.job_execution_id = l.job_execution_id
                        WHERE e.end_time IS NULL AND e.status IN ('STARTING', 'STARTED', 'STOPPING')
                          AND l.heartbeat_at > now() - make_interval(secs => :lease)
                        ORDER BY l.job_execution_id""")
                .param("lease", lease.toMillis() / 1000.0)
                .query((rs, row) -> new RunningSweep(rs.getLong("job_execution_id"), rs.getString("host"),
                        rs.getLong("pid"), rs.getObject("started", LocalDateTime.class)))
                .list();
    }
}
