package org.compliancerunner.sweep;

import java.time.OffsetDateTime;

import org.compliancerunner.catalog.JudgedVideo;
import org.compliancerunner.catalog.Videos;
import org.compliancerunner.media.technical.MeasurementStore;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.TriggerStore;
import org.compliancerunner.review.Judgements;
import org.compliancerunner.speech.TranscriptStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Re-evaluation: a new pack version judges stored transcripts and measurements again, without decoding. */
@Configuration(proxyBeanMethods = false)
class ReevaluateJobConfiguration {

    static final String JOB = "reevaluate";
    static final String SINCE = "since";
    private static final int CHUNK = 50;

    @Bean
    Job reevaluateJob(JobRepository repository, Step rejudgeStep, SweepStarts starts) {
        return new JobBuilder(JOB, repository).start(rejudgeStep).listener(starts).build();
    }

    @Bean
    Step rejudgeStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager transactions,
                     KeysetReader<JudgedVideo> judgedVideoReader, RejudgementProcessor rejudgementProcessor,
                     RejudgementWriter rejudgementWriter) {
        return new StepBuilder("rejudge", repository)
                .<JudgedVideo, Rejudgement>chunk(CHUNK)
                .transactionManager(transactions)
                .reader(judgedVideoReader)
                .processor(rejudgementProcessor)
                .writer(rejudgementWriter)
                .build();
    }

    @Bean
    @StepScope
    KeysetReader<JudgedVideo> judgedVideoReader(Videos videos, @Value("#{stepExecution}") StepExecution step) {
        JobParameters parameters = step.getJobParameters();
        String project = parameters.getString(SweepParameters.PROJECT);
        String sinceText = parameters.getString(SINCE);
        OffsetDateTime since = sinceText == null ? null : OffsetDateTime.parse(sinceText);
        return new KeysetReader<>((after, max) -> videos.judged(project, since, after, max), JudgedVideo::id, 200);
    }

    @Bean
    @StepScope
    RejudgementProcessor rejudgementProcessor(TranscriptStore transcripts, MeasurementStore measurements,
                                              TriggerStore triggers, PolicyEngine policy, ReevaluationLog log,
                                              RulePack judgingPack, @Value("#{stepExecution}") StepExecution step) {
        return new RejudgementProcessor(transcripts, measurements, triggers, policy, log, judgingPack,
                step.getJobExecution().getJobInstanceId());
    }

    @Bean
    @StepScope
    RejudgementWriter rejudgementWriter(Judgements judgements, Videos videos, ReevaluationLog log,
                                        @Value("#{stepExecution}") StepExecution step) {
        return new RejudgementWriter(judgements, videos, log, SweepParameters.packVersion(step.getJobParameters()),
                step.getJobExecution().getJobInstanceId());
    }
}
