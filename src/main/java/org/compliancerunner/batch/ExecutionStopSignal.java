package org.compliancerunner.batch;

import java.util.Set;

import org.compliancerunner.inspection.StopSignal;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a sweep execution was told to stop: {@code stop ID} from any process marks it STOPPING in the job
 * repository, and a sweep that took it for dead marks it FAILED. Read from the database, because the request may come
 * from another process than the one doing the work.
 */
final class ExecutionStopSignal implements StopSignal {

    private static final Set<String> NOT_TO_GO_ON = Set.of("STOPPING", "STOPPED", "FAILED", "ABANDONED");

    private final JdbcClient jdbc;
    private final long jobExecutionId;
    private volatile boolean stopped;

    ExecutionStopSignal(JdbcClient jdbc, long jobExecutionId) {
        this.jdbc = jdbc;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public boolean requested() {
        if (!stopped) {
            try {
                stopped = jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id")
                        .param("id", jobExecutionId).query(String.class).optional()
                        .map(NOT_TO_GO_ON::contains).orElse(false);
            } catch (DataAccessException e) {
                // the database is the chunk's problem; the work goes on until it can be told to stop
                return false;
            }
        }
        return stopped;
    }
}
