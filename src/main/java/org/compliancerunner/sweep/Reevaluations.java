package org.compliancerunner.sweep;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackException;
import org.compliancerunner.policy.RulePacks;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/** Launches re-evaluations and reports what they changed. */
@Service
public class Reevaluations {

    private final JobOperator operator;
    private final Job reevaluateJob;
    private final RulePacks packs;
    private final ReevaluationLog log;
    private final SweepStarts starts;

    Reevaluations(JobOperator operator, @Qualifier("reevaluateJob") Job reevaluateJob, RulePacks packs,
                  ReevaluationLog log, SweepStarts starts) {
        this.operator = operator;
        this.reevaluateJob = reevaluateJob;
        this.packs = packs;
        this.log = log;
        this.starts = starts;
    }

    /** Judges DONE videos again with the pack in {@code rules}; the pack is checked and stored first. */
    public JobExecution reevaluate(Path rules, String project, OffsetDateTime since)
            throws RulePackException, SweepLaunchException {
        return reevaluate(rules, project, since, (execution, instance) -> { });
    }

    /** As {@link #reevaluate(Path, String, OffsetDateTime)}, telling {@code watcher} the ids as soon as it starts. */
    public JobExecution reevaluate(Path rules, String project, OffsetDateTime since, SweepWatcher watcher)
            throws RulePackException, SweepLaunchException {
        RulePack pack = packs.register(packs.parse(rules));
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(SweepParameters.PACK_NAME, pack.name())
                .addLong(SweepParameters.PACK_VERSION, (long) pack.version())
                .addString(SweepParameters.RUN_ID, UUID.randomUUID().toString());
        if (project != null) {
            parameters.addString(SweepParameters.PROJECT, project);
        }
        if (since != null) {
            parameters.addString(ReevaluateJobConfiguration.SINCE, since.toString());
        }
        String runId = parameters.toJobParameters().getString(SweepParameters.RUN_ID);
        starts.watch(runId, watcher);
        try {
            return operator.start(reevaluateJob, parameters.toJobParameters());
        } catch (Exception e) {
            throw new SweepLaunchException("The re-evaluation could not start: " + e.getMessage(), e);
        } finally {
            starts.forget(runId);
        }
    }

    public ReevaluationSummary summarize(JobExecution execution) {
        return log.summarize(execution.getJobInstanceId());
    }
}
