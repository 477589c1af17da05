package org.compliancerunner.sweep;

import org.compliancerunner.billing.MinutesLedger;
import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.VideoResult;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.inspection.Inspection;
import org.compliancerunner.media.technical.MeasurementStore;
import org.compliancerunner.policy.PackVersion;
import org.compliancerunner.review.Judgements;
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
    private final MeasurementStore measurements;
    private final MinutesLedger ledger;
    private final Judgements judgements;
    private final PackVersion pack;
    private final long jobInstanceId;

    VideoOutcomeWriter(SweepQueue queue, TranscriptStore transcripts, MeasurementStore measurements,
                       MinutesLedger ledger, Judgements judgements, PackVersion pack, long jobInstanceId) {
        this.queue = queue;
        this.transcripts = transcripts;
        this.measurements = measurements;
        this.ledger = ledger;
        this.judgements = judgements;
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
                judgements.record(videoId, outcome.video().title(), pack, found.triggers());
            }
        }
    }
}
