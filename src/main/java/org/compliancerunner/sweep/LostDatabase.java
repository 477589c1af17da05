package org.compliancerunner.sweep;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A sweep that lost its database connection ends FAILED with that reason, never UNKNOWN: Spring Batch calls a step
 * UNKNOWN when it cannot record how the step ended, and refuses to restart an UNKNOWN execution. Once the database
 * answers again, the execution and its unfinished steps are marked FAILED, so {@code restart ID} finishes the work.
 */
@Component
class LostDatabase implements JobExecutionListener {

    static final String REASON = "lost the database connection";

    private static final Logger log = LoggerFactory.getLogger(LostDatabase.class);

    private final JdbcClient jdbc;
    private final JobRepository repository;
    private final Leases leases;

    LostDatabase(JdbcClient jdbc, JobRepository repository, @Qualifier("sweepLeases") Leases leases) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.leases = leases;
    }

    @Override
    public void afterJob(JobExecution execution) {
        Optional<Throwable> lost = connectionFailure(execution);
        boolean unknown = execution.getStatus() == BatchStatus.UNKNOWN
                || execution.getStepExecutions().stream().anyMatch(step -> step.getStatus() == BatchStatus.UNKNOWN);
        if (lost.isEmpty() && !unknown) {
            return;
        }
        String reason = REASON + lost.map(cause -> " (" + cause.getMessage() + ")").orElse("")
                + "; once it is back, finish the sweep with: restart " + execution.getId();
        log.error("Sweep execution {} {}", execution.getId(), reason);
        if (awaitDatabase()) {
            failUnfinishedSteps(execution.getId());
        }
        execution.getStepExecutions().stream().filter(step -> step.getStatus() == BatchStatus.UNKNOWN)
                .forEach(step -> step.setStatus(BatchStatus.FAILED));
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
    }

    /**
     * For a sweep whose end could not be recorded at all (the database was still away when the job ended): once the
     * database answers, marks the execution FAILED and lets its lease go, and returns what to tell the operator.
     */
    String recordLoss(long jobExecutionId, Throwable cause) {
        String reason = REASON + " (" + cause.getMessage() + "); once it is back, finish the sweep with: restart "
                + jobExecutionId;
        log.error("Sweep execution {} {}", jobExecutionId, reason);
        if (awaitDatabase()) {
            Executions.find(repository, jobExecutionId)
                    .filter(execution -> execution.isRunning() || execution.getStatus() == BatchStatus.UNKNOWN)
                    .ifPresent(execution -> {
                failUnfinishedSteps(jobExecutionId);
                execution.setStatus(BatchStatus.FAILED);
                execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                execution.setEndTime(LocalDateTime.now());
                repository.update(execution);
            });
            leases.release(jobExecutionId);
        }
        return reason;
    }

    /** Marks an execution that an earlier run left UNKNOWN as FAILED, so that it can be restarted. */
    void failUnknown(JobExecution execution) {
        log.warn("Sweep execution {} ended UNKNOWN (its end could not be recorded); marking it FAILED", execution.getId());
        failUnfinishedSteps(execution.getId());
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(REASON + " or its end could not be recorded"));
        if (execution.getEndTime() == null) {
            execution.setEndTime(LocalDateTime.now());
        }
        repository.update(execution);
    }

    private void failUnfinishedSteps(long jobExecutionId) {
        jdbc.sql("""
                        UPDATE batch_step_execution
                        SET status = 'FAILED', exit_code = 'FAILED', end_time = COALESCE(end_time, now()), version = version + 1
                        WHERE job_execution_id = :id AND status IN ('UNKNOWN', 'STARTING', 'STARTED', 'STOPPING')""")
                .param("id", jobExecutionId).update();
    }

    private boolean awaitDatabase() {
        // as long as the lease: after that another process may take the execution over anyway
        Duration patience = leases.lease();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                jdbc.sql("SELECT 1").query(Integer.class).single();
                return true;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    log.error("The database did not come back within {} s; the execution stays as it was recorded, "
                            + "and restart or the next sweep recovers it once its lease is stale", patience.toSeconds());
                    return false;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static Optional<Throwable> connectionFailure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().filter(LostDatabase::isConnectionFailure).findFirst();
    }

    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
