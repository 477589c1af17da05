package org.compliancerunner.sweep;

import javax.sql.DataSource;

import org.compliancerunner.billing.MinutesLedger;
import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.inspection.TimeLimitedInspection;
import org.compliancerunner.media.technical.MeasurementStore;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.review.Judgements;
import org.compliancerunner.speech.TranscriptStore;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The sweep: claim PENDING videos → analyze them in partitions, a chunk per transaction → report. */
@Configuration(proxyBeanMethods = false)
class SweepJobConfiguration {

    static final String JOB = "sweep";
    static final String WORKER_STEP = "analyze-worker";

    @Bean
    Job sweepJob(JobRepository repository, Step claimStep, Step analyzeStep, Step reportStep, SweepLease lease,
                 SweepStarts starts, SweepNotifications notifications, SweepGate gate, LostDatabase lostDatabase) {
        // afterJob runs in reverse order: a lost database is accounted for before the others report the end
        return new JobBuilder(JOB, repository)
                .listener(gate)
                .listener(lease)
                .listener(starts)
                .listener(notifications)
                .listener(lostDatabase)
                .start(claimStep)
                .next(analyzeStep)
                .next(reportStep)
                .build();
    }

    @Bean
    Step claimStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager transactions,
                   SweepQueue queue, SweepProperties properties) {
        return new StepBuilder("claim", repository).tasklet((contribution, context) -> {
            StepExecution step = contribution.getStepExecution();
            JobParameters parameters = step.getJobParameters();
            // the first batch only: the partitions claim the rest as they need it
            int claimed = PartitionClaims.firstBatch(queue, step.getJobExecution().getJobInstanceId(),
                    parameters.getString(SweepParameters.PROJECT), parameters.getLong(SweepParameters.LIMIT),
                    properties.claimBatch());
            contribution.incrementWriteCount(claimed);
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.partitioning", havingValue = "local", matchIfMissing = true)
    Step analyzeStep(JobRepository repository, SweepPartitioner sweepPartitioner, Step analyzeWorkerStep) {
        return new StepBuilder("analyze", repository)
                .partitioner(WORKER_STEP, sweepPartitioner)
                .step(analyzeWorkerStep)
                .taskExecutor(new SimpleAsyncTaskExecutor("analyze-"))
                .build();
    }

    @Bean
    @JobScope
    SweepPartitioner sweepPartitioner(@Value("#{jobParameters['" + SweepParameters.PARTITIONS + "']}") Long partitions,
                                      DataSource dataSource, PartitioningProperties mode) {
        // remote partitions run in workers with pools of their own; each worker budgets its own consumers
        return new SweepPartitioner(mode.partitioning() == Partitioning.REMOTE ? partitions.intValue()
                : ConnectionBudget.partitions(partitions.intValue(), dataSource));
    }

    @Bean
    @ConditionalOnProperty(name = "compliance.partitioning", havingValue = "local", matchIfMissing = true)
    Step analyzeWorkerStep(JobRepository repository,
                           @Qualifier("transactionManager") PlatformTransactionManager transactions,
                           SweepProperties properties, KeysetReader<ClaimedVideo> claimedVideoReader,
                           VideoInspectionProcessor videoInspectionProcessor, VideoOutcomeWriter videoOutcomeWriter) {
        return analyzeChunks(new StepBuilder(WORKER_STEP, repository), transactions, properties, claimedVideoReader,
                videoInspectionProcessor, videoOutcomeWriter).build();
    }

    /** One partition's work, the same whether it runs on a local thread or in a remote worker. */
    static ChunkOrientedStepBuilder<ClaimedVideo, VideoOutcome> analyzeChunks(
            StepBuilder builder, PlatformTransactionManager transactions, SweepProperties properties,
            KeysetReader<ClaimedVideo> claimedVideoReader, VideoInspectionProcessor videoInspectionProcessor,
            VideoOutcomeWriter videoOutcomeWriter) {
        return builder.<ClaimedVideo, VideoOutcome>chunk(properties.chunkSize())
                .transactionManager(transactions)
                .reader(claimedVideoReader)
                .processor(videoInspectionProcessor)
                .writer(videoOutcomeWriter);
    }

    @Bean
    @StepScope
    KeysetReader<ClaimedVideo> claimedVideoReader(SweepQueue queue, SweepProperties properties,
                                                  @Qualifier("transactionManager") PlatformTransactionManager transactions,
                                                  @Value("#{stepExecution}") StepExecution step) {
        JobParameters parameters = step.getJobParameters();
        PartitionClaims claims = new PartitionClaims(queue, transactions, step.getJobExecution().getJobInstanceId(),
                step.getExecutionContext().getInt(SweepPartitioner.PARTITION),
                step.getExecutionContext().getInt(SweepPartitioner.PARTITIONS),
                parameters.getString(SweepParameters.PROJECT), parameters.getLong(SweepParameters.LIMIT),
                properties.claimBatch());
        // finished videos leave the query, so a restarted partition reads exactly what is left
        return new KeysetReader<>(claims, ClaimedVideo::claimOrder, 50);
    }

    @Bean
    @StepScope
    VideoInspectionProcessor videoInspectionProcessor(
            TimeLimitedInspection inspection, SweepQueue queue,
            @Qualifier("transactionManager") PlatformTransactionManager transactions, RulePack judgingPack,
            JdbcClient jdbc, @Value("#{stepExecution}") StepExecution step) {
        return new VideoInspectionProcessor(inspection, queue, transactions, judgingPack, step,
                new ExecutionStopSignal(jdbc, step.getId()));
    }

    @Bean
    @StepScope
    VideoOutcomeWriter videoOutcomeWriter(SweepQueue queue, TranscriptStore transcripts, MeasurementStore measurements,
                                          MinutesLedger ledger, Judgements judgements,
                                          @Value("#{stepExecution}") StepExecution step) {
        return new VideoOutcomeWriter(queue, transcripts, measurements, ledger, judgements,
                SweepParameters.packVersion(step.getJobParameters()), step.getJobExecution().getJobInstanceId());
    }

    @Bean
    Step reportStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager transactions,
                    SweepReports reports) {
        return new StepBuilder("report", repository).tasklet((contribution, context) -> {
            var execution = contribution.getStepExecution().getJobExecution();
            SweepSummary summary = reports.summarize(execution.getJobInstanceId());
            execution.getExecutionContext().putInt("videos.done", summary.done());
            execution.getExecutionContext().putInt("videos.failed", summary.failed());
            execution.getExecutionContext().putInt("triggers", summary.triggers());
            contribution.incrementWriteCount(summary.done() + summary.failed());
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }
}
