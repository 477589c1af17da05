package org.compliancerunner.sweep;

import java.util.Map;

import org.compliancerunner.notify.EventType;
import org.compliancerunner.notify.Outbox;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Announces how each sweep ended through the outbox: job.completed with its counts, or job.failed with why. */
@Component
class SweepNotifications implements JobExecutionListener {

    private final Outbox outbox;
    private final SweepReports reports;
    private final TransactionTemplate transaction;

    SweepNotifications(Outbox outbox, SweepReports reports,
                       @Qualifier("transactionManager") PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.reports = reports;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterJob(JobExecution execution) {
        SweepSummary summary = reports.summarize(execution.getJobInstanceId());
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        String exit = execution.getExitStatus().getExitDescription();
        transaction.executeWithoutResult(status -> outbox.publish(completed ? EventType.JOB_COMPLETED : EventType.JOB_FAILED,
                Map.of("jobExecutionId", execution.getId(), "status", execution.getStatus().name(),
                        "done", summary.done(), "failed", summary.failed(), "unfinished", summary.unfinished(),
                        "triggers", summary.triggers(), "reason", completed || exit == null ? "" : SweepReports.firstLine(exit))));
    }
}
