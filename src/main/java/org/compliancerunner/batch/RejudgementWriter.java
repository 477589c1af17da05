package org.compliancerunner.batch;

import org.compliancerunner.catalog.Videos;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.TriggerStore;
import org.compliancerunner.review.ReviewQueue;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores a chunk's new findings, moves each video to the new pack version and logs the difference, in one transaction. */
class RejudgementWriter implements ItemWriter<Rejudgement> {

    private final TriggerStore triggers;
    private final ReviewQueue reviews;
    private final Videos videos;
    private final ReevaluationLog log;
    private final RulePack pack;
    private final long jobInstanceId;

    RejudgementWriter(TriggerStore triggers, ReviewQueue reviews, Videos videos, ReevaluationLog log, RulePack pack, long jobInstanceId) {
        this.triggers = triggers;
        this.reviews = reviews;
        this.videos = videos;
        this.log = log;
        this.pack = pack;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends Rejudgement> chunk) {
        for (Rejudgement rejudged : chunk) {
            long videoId = rejudged.video().id();
            triggers.replace(videoId, pack.name(), pack.version(), rejudged.triggers());
            reviews.syncVideo(videoId, pack.name(), pack.version());
            videos.judgedBy(videoId, pack.name(), pack.version());
            log.record(jobInstanceId, videoId, rejudged.diff());
        }
    }
}
