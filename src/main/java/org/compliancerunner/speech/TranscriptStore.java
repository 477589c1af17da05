package org.compliancerunner.speech;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored transcripts; replacing is delete-then-insert, so a retried chunk never duplicates a segment. */
@Repository
public class TranscriptStore {

    private final JdbcClient jdbc;

    public TranscriptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long videoId, List<TranscriptSegment> segments) {
        jdbc.sql("DELETE FROM transcript_segments WHERE video_id = :id").param("id", videoId).update();
        int seq = 0;
        for (TranscriptSegment segment : segments) {
            jdbc.sql("""
                            INSERT INTO transcript_segments (video_id, seq, start_ms, end_ms, text, source)
                            VALUES (:id, :seq, :start, :end, :text, :source)""")
                    .param("id", videoId).param("seq", seq++).param("start", segment.startMs())
                    .param("end", segment.endMs()).param("text", segment.text()).param("source", segment.source())
                    .update();
        }
    }

    public List<TranscriptSegment> find(long videoId) {
        return jdbc.sql("SELECT start_ms, end_ms, text, source FROM transcript_segments WHERE video_id = :id ORDER BY seq")
                .param("id", videoId).query(TranscriptSegment.class).list();
    }
}
