package org.compliancerunner.sweep;

import java.time.Duration;
import java.util.Set;

import org.compliancerunner.inspection.StopSignal;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a sweep's partition should stop: {@code stop ID} from any process marks the execution STOPPING in the job
 * repository, and a sweep that took it for dead marks it FAILED. Read from the database, because the request may come
 * from another process than the one doing the work. A remote worker's partition whose sweep process died (the
 * execution FAILED) goes on while its step is still running and leased: a restart waits for it instead of redoing it.
 */
final class ExecutionStopSignal implements StopSignal {

    private static final Set<String> NOT_TO_GO_ON = Set.of("STOPPING", "STOPPED", "FAILED", "ABANDONED");

    /** How often the database is asked at most: short videos would otherwise add a query each to a busy database. */
    static final Duration ASK_EVERY = Duration.ofSeconds(1);
    private static final long ASK_EVERY_NANOS = ASK_EVERY.toNanos();

    private final JdbcClient jdbc;
    private final long stepExecutionId;
    private volatile boolean stopped;
    // as if last asked an interval ago, so the first call asks
    private volatile long askedAt = System.nanoTime() - ASK_EVERY_NANOS;

    ExecutionStopSignal(JdbcClient jdbc, long stepExecutionId) {
        this.jdbc = jdbc;
        this.stepExecutionId = stepExecutionId;
    }

    @Override
    public boolean requested() {
        long now = System.nanoTime();
        if (!stopped && now - askedAt >= ASK_EVERY_NANOS) {
            askedAt = now;
            try {
                stopped = jdbc.sql("""
                                SELECT e.status AS job, s.status AS step,
                                       EXISTS (SELECT 1 FROM partition_leases l WHERE l.step_execution_id = s.step_execution_id) AS leased
                                FROM batch_step_execution s JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                                WHERE s.step_execution_id = :id""")
                        .param("id", stepExecutionId)
                        .query((rs, n) -> stop(rs.getString("job"), rs.getString("step"), rs.getBoolean("leased")))
                        .optional().orElse(false);
            } catch (DataAccessException e) {
                // the database is the chunk's problem; the work goes on until it can be told to stop
                return false;
            }
        }
        return stopped;
    }

    private static boolean stop(String job, String step, boolean leased) {
        if (NOT_TO_GO_ON.contains(step)) {
            return true;
        }
        return job.equals("FAILED") ? !leased : NOT_TO_GO_ON.contains(job);
    }
}
