package org.compliancerunner.review;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A video's verdict, kept in step with its items: present only while every live (non-obsolete) item is confirmed
 * or rejected. A video with no live items has no verdict: there was nothing to review.
 */
@Service
public class VideoVerdicts {

    private record Tally(@Nullable Verdict verdict, long live, long pending, long confirmed, long serious) {
    }

    private final JdbcClient jdbc;

    VideoVerdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Verdict> of(long videoId) {
        return jdbc.sql("SELECT verdict FROM video_verdicts WHERE video_id = :video")
                .param("video", videoId).query(Verdict.class).optional();
    }

    /** Recomputes the video's verdict from its items; the caller holds the video's item locks. */
    VerdictChange refresh(long videoId) {
        Tally tally = jdbc.sql("""
                        SELECT (SELECT verdict FROM video_verdicts WHERE video_id = :video) AS verdict,
                               count(*) FILTER (WHERE state <> 'OBSOLETE') AS live,
                               count(*) FILTER (WHERE state IN ('OPEN', 'ESCALATED')) AS pending,
                               count(*) FILTER (WHERE state = 'CONFIRMED') AS confirmed,
                               count(*) FILTER (WHERE state = 'CONFIRMED' AND severity IN ('high', 'critical')) AS serious
                        FROM review_items WHERE video_id = :video""")
                .param("video", videoId).query(Tally.class).single();
        Verdict before = tally.verdict();
        if (tally.live() == 0 || tally.pending() > 0) {
            jdbc.sql("DELETE FROM video_verdicts WHERE video_id = :video").param("video", videoId).update();
            return new VerdictChange(before, null);
        }
        Verdict verdict = tally.serious() > 0 ? Verdict.REJECTED
                : tally.confirmed() > 0 ? Verdict.NEEDS_EDIT : Verdict.APPROVED;
        // an unchanged verdict keeps its time, so a repeated sync changes nothing
        jdbc.sql("""
                        INSERT INTO video_verdicts (video_id, verdict) VALUES (:video, :verdict)
                        ON CONFLICT (video_id) DO UPDATE SET verdict = EXCLUDED.verdict, decided_at = now()
                        WHERE video_verdicts.verdict <> EXCLUDED.verdict""")
                .param("video", videoId).param("verdict", verdict.name()).update();
        return new VerdictChange(before, verdict);
    }
}
