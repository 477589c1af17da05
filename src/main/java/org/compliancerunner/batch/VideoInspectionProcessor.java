package org.compliancerunner.batch;

import java.nio.file.Path;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.inspection.VideoInspection;
import org.compliancerunner.policy.RulePack;
import org.slf4j.MDC;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Marks a video PROCESSING (committed at once, so it is visible while the chunk runs) and inspects it. */
class VideoInspectionProcessor implements ItemProcessor<ClaimedVideo, VideoOutcome> {

    private final VideoInspection inspection;
    private final SweepQueue queue;
    private final TransactionTemplate ownTransaction;
    private final RulePack pack;
    private final long jobInstanceId;

    VideoInspectionProcessor(VideoInspection inspection, SweepQueue queue, PlatformTransactionManager transactions,
                             RulePack pack, long jobInstanceId) {
        this.inspection = inspection;
        this.queue = queue;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pack = pack;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public VideoOutcome process(ClaimedVideo video) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("videoId", String.valueOf(video.id()))) { // on every log line
            ownTransaction.executeWithoutResult(status -> queue.markProcessing(video.id(), jobInstanceId));
            return new VideoOutcome(video, inspection.inspect(Path.of(video.mediaPath()), video.durationMs(), pack));
        }
    }
}
