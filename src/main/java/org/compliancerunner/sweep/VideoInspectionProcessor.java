package org.compliancerunner.sweep;

import java.nio.file.Path;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.inspection.InspectionStoppedException;
import org.compliancerunner.inspection.StopSignal;
import org.compliancerunner.inspection.TimeLimitedInspection;
import org.compliancerunner.policy.RulePack;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks a video PROCESSING (committed at once, so it is visible while the chunk runs) and inspects it within its time
 * budget. When the sweep is asked to stop, the video in progress is interrupted and it and the rest of the chunk are
 * left unfinished for a restart, while the videos already checked in the chunk are still written.
 */
class VideoInspectionProcessor implements ItemProcessor<ClaimedVideo, VideoOutcome> {

    private static final Logger log = LoggerFactory.getLogger(VideoInspectionProcessor.class);

    private final TimeLimitedInspection inspection;
    private final SweepQueue queue;
    private final TransactionTemplate ownTransaction;
    private final RulePack pack;
    private final StepExecution step;
    private final StopSignal stop;

    VideoInspectionProcessor(TimeLimitedInspection inspection, SweepQueue queue, PlatformTransactionManager transactions,
                             RulePack pack, StepExecution step, StopSignal stop) {
        this.inspection = inspection;
        this.queue = queue;
        this.ownTransaction = OwnTransaction.of(transactions);
        this.pack = pack;
        this.step = step;
        this.stop = stop;
    }

    @Override
    public @Nullable VideoOutcome process(ClaimedVideo video) {
        if (step.isTerminateOnly() || stop.requested()) {
            return leftForRestart();
        }
        long jobInstanceId = step.getJobExecution().getJobInstanceId();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("videoId", String.valueOf(video.id()))) { // on every log line
            ownTransaction.executeWithoutResult(status -> queue.markProcessing(video.id(), jobInstanceId));
            return new VideoOutcome(video, inspection.inspect(Path.of(video.mediaPath()), video.durationMs(), pack, stop));
        } catch (InspectionStoppedException e) {
            log.info("{}; the video is left for a restart", e.getMessage());
            return leftForRestart();
        }
    }

    // filtered, not written: the claim stays unfinished, and the step stops once this chunk is committed
    private @Nullable VideoOutcome leftForRestart() {
        step.setTerminateOnly();
        return null;
    }
}
