package org.compliancerunner.batch;

import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.catalog.VideoResult;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.TriggerStore;
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
    private final RulePack pack;
    private final long jobInstanceId;

    VideoOutcomeWriter(SweepQueue queue, TranscriptStore transcripts, TriggerStore triggers, RulePack pack,
                       long jobInstanceId) {
        this.queue = queue;
        this.transcripts = transcripts;
        this.triggers = triggers;
        this.pack = pack;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends VideoOutcome> chunk) {
        for (VideoOutcome outcome : chunk) {
            long videoId = outcome.video().id();
            if (!outcome.succeeded()) {
                queue.finish(videoId, jobInstanceId, new VideoResult(VideoStatus.FAILED, outcome.failureReason(), null,
                        pack.name(), pack.version(), outcome.timing().analysisMs(), outcome.timing().decodeMs()));
                continue;
            }
            boolean ours = queue.finish(videoId, jobInstanceId, new VideoResult(VideoStatus.DONE, null,
                    outcome.transcript().source(), pack.name(), pack.version(), outcome.timing().analysisMs(),
                    outcome.timing().decodeMs()));
            if (ours) {
                transcripts.replace(videoId, outcome.transcript().segments());
                triggers.replace(videoId, pack.name(), pack.version(), outcome.triggers());
            }
        }
    }
}
