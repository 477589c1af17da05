package org.compliancerunner.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side of the catalog for the CLI and reports. */
@Service
public class Videos {

    private static final String SELECT = """
            SELECT v.id, p.name AS project, v.title, v.source, v.media_path, v.sha256, v.duration_ms, v.streams,
                   v.status, v.failure_reason, v.owner, v.transcript_source, v.analysis_ms, v.decode_ms, v.created_at, v.processed_at
            FROM videos v JOIN projects p ON p.id = v.project_id
            """;

    private final JdbcClient jdbc;

    public Videos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Video> find(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(Video.class).optional();
    }

    /** Videos in id order, optionally of one status and one project. */
    public List<Video> list(VideoStatus status, String project, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:status AS TEXT) IS NULL OR v.status = :status)
                   AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                 ORDER BY v.id LIMIT :limit""")
                .param("status", status == null ? null : status.name())
                .param("project", project)
                .param("limit", limit)
                .query(Video.class).list();
    }

    /** Videos claimed by one sweep (job instance), in id order. */
    public List<Video> claimedBy(long jobInstanceId) {
        return jdbc.sql(SELECT + " WHERE v.claimed_by = :instance ORDER BY v.id")
                .param("instance", jobInstanceId).query(Video.class).list();
    }
}
