package org.compliancerunner.sweep;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/** Looks up job executions by id, the one way: an unknown id is empty, not an exception. */
final class Executions {

    private Executions() {
    }

    static Optional<JobExecution> find(JobRepository repository, long jobExecutionId) {
        try {
            return Optional.ofNullable(repository.getJobExecution(jobExecutionId));
        } catch (EmptyResultDataAccessException e) {
            // the JDBC job repository throws for an unknown id where its interface promises null
            return Optional.empty();
        }
    }
}
