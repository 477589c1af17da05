package org.compliancerunner.batch;

import org.compliancerunner.billing.MinutesLedger;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.VideoResult;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.inspection.Inspection;
import java.util.Map;

import org.compliancerunner.media.technical.MeasurementStore;
import org.compliancerunner.notify.EventType;
import org.compliancerunner.notify.Outbox;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.TriggerStore;
import org.compliancerunner.review.ReviewQueue;
import org.compliancerunner.speech.TranscriptStore;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk's outcomes in the chunk's transaction. The guarded status change comes first: a video that is no
 * longer this sweep's to finish gets nothing written, and a replayed chunk replaces its rows instead of adding.
 */
class VideoOutcomeWriter implements ItemWriter<VideoOutcome> {

    private final SweepQueue queue;
    private final TranscriptStore transcripts;
    private final TriggerStore triggers;
    private final ReviewQueue reviews;
    private final MeasurementStore measurements;
    private final Outbox outbox;
    private final MinutesLedger ledger;
    private final RulePack pack;
    private final long jobInstanceId;

    VideoOutcomeWriter(SweepQueue queue, TranscriptStore transcripts, TriggerStore triggers, ReviewQueue reviews,
                       MeasurementStore measurements, Outbox outbox, MinutesLedger ledger, RulePack pack,
                       long jobInstanceId) {
        this.queue = queue;
        this.transcripts = transcripts;
        this.triggers = triggers;
        this.reviews = reviews;
        this.measurements = measurements;
        this.outbox = outbox;
        this.ledger = ledger;
        this.pack = pack;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends VideoOutcome> chunk) {
        for (VideoOutcome outcome : chunk) {
            long videoId = outcome.video().id();
            Inspection found = outcome.inspection();
            if (!found.succeeded()) {
                if (queue.finish(videoId, jobInstanceId, new VideoResult(VideoStatus.FAILED, found.failureReason(), null,
                        pack.name(), pack.version(), found.analysisMs(), found.decodeMs()))) {
                    ledger.release(videoId);
                }
                continue;
            }
            boolean ours = queue.finish(videoId, jobInstanceId, new VideoResult(VideoStatus.DONE, null,
                    found.transcript().source(), pack.name(), pack.version(), found.analysisMs(), found.decodeMs()));
            if (ours) {
                transcripts.replace(videoId, found.transcript().segments());
                measurements.replace(videoId, found.measurements());
                ledger.settle(videoId);
                triggers.replace(videoId, pack.name(), pack.version(), found.triggers());
                reviews.syncVideo(videoId, pack.name(), pack.version());
                if (!found.triggers().isEmpty()) {
                    outbox.publish(EventType.VIDEO_FLAGGED, Map.of("videoId", videoId, "title", outcome.video().title(),
                            "pack", pack.name(), "packVersion", pack.version(), "triggers", found.triggers().size(),
                            "rules", found.triggers().stream().map(Trigger::ruleId).distinct().sorted().toList()));
                }
            }
        }
    }
}
