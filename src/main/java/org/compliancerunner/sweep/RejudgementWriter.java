package org.compliancerunner.sweep;

import org.compliancerunner.catalog.Videos;
import org.compliancerunner.policy.PackVersion;
import org.compliancerunner.review.Judgements;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores a chunk's new findings, moves each video to the new pack version and logs the difference, in one transaction. */
class RejudgementWriter implements ItemWriter<Rejudgement> {

    private final Judgements judgements;
    private final Videos videos;
    private final ReevaluationLog log;
    private final PackVersion pack;
    private final long jobInstanceId;

    RejudgementWriter(Judgements judgements, Videos videos, ReevaluationLog log, PackVersion pack, long jobInstanceId) {
        this.judgements = judgements;
        this.videos = videos;
        this.log = log;
        this.pack = pack;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends Rejudgement> chunk) {
        for (Rejudgement rejudged : chunk) {
            long videoId = rejudged.video().id();
            judgements.record(videoId, rejudged.video().title(), pack, rejudged.triggers());
            videos.judgedBy(videoId, pack.name(), pack.version());
            log.record(jobInstanceId, videoId, rejudged.diff());
        }
    }
}
