package org.compliancerunner.sweep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per video, what a re-evaluation changed; keyed by job instance so a restart neither redoes nor double-counts. */
@Repository
class ReevaluationLog {

    private final JdbcClient jdbc;

    ReevaluationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(long jobInstanceId, long videoId) {
        return jdbc.sql("SELECT count(*) FROM reevaluations WHERE job_instance_id = :instance AND video_id = :video")
                .param("instance", jobInstanceId).param("video", videoId).query(Long.class).single() > 0;
    }

    void record(long jobInstanceId, long videoId, TriggerDiff diff) {
        jdbc.sql("""
                        INSERT INTO reevaluations (job_instance_id, video_id, added, removed, unchanged)
                        VALUES (:instance, :video, :added, :removed, :unchanged)
                        ON CONFLICT (job_instance_id, video_id) DO NOTHING""")
                .param("instance", jobInstanceId).param("video", videoId).param("added", diff.added())
                .param("removed", diff.removed()).param("unchanged", diff.unchanged()).update();
    }

    ReevaluationSummary summarize(long jobInstanceId) {
        return jdbc.sql("""
                        SELECT count(*) AS videos, coalesce(sum(added), 0) AS added, coalesce(sum(removed), 0) AS removed,
                               coalesce(sum(unchanged), 0) AS unchanged
                        FROM reevaluations WHERE job_instance_id = :instance""")
                .param("instance", jobInstanceId)
                .query((rs, n) -> new ReevaluationSummary(rs.getInt("videos"), rs.getInt("added"), rs.getInt("removed"),
                        rs.getInt("unchanged")))
                .single();
    }
}
