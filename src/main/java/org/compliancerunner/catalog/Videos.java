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

    /**
     * One page of videos, newest first, for keyset pagination: ids below {@code beforeId} (all when null), optionally
     * only one owner's projects, one status and one project.
     */
    public List<Video> page(String owner, VideoStatus status, String project, Long beforeId, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:owner AS TEXT) IS NULL OR p.owner = :owner)
                   AND (CAST(:status AS TEXT) IS NULL OR v.status = :status)
                   AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                   AND (CAST(:before AS BIGINT) IS NULL OR v.id < :before)
                 ORDER BY v.id DESC LIMIT :limit""")
                .param("owner", owner)
                .param("status", status == null ? null : status.name())
                .param("project", project)
                .param("before", beforeId)
                .param("limit", limit)
                .query(Video.class).list();
    }

    /** The video if it belongs to one of {@code owner}'s projects, or to anyone when owner is null. */
    public Optional<Video> find(long id, String owner) {
        return jdbc.sql(SELECT + " WHERE v.id = :id AND (CAST(:owner AS TEXT) IS NULL OR p.owner = :owner)")
                .param("id", id).param("owner", owner).query(Video.class).optional();
    }

    /** DONE videos to judge again, in id order after {@code afterId}, optionally of one project and processed since a time. */
    public List<JudgedVideo> judged(String project, java.time.OffsetDateTime since, long afterId, int max) {
        return jdbc.sql("""
                        SELECT v.id, v.duration_ms, v.transcript_source, v.pack_name, v.pack_version FROM videos v
                        JOIN projects p ON p.id = v.project_id
                        WHERE v.status = 'DONE' AND v.id > :after
                          AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                          AND (CAST(:since AS TIMESTAMPTZ) IS NULL OR v.processed_at >= :since)
                        ORDER BY v.id LIMIT :max""")
                .param("after", afterId).param("project", project).param("since", since).param("max", max)
                .query(JudgedVideo.class).list();
    }

    /** Records which pack version judged a video last, so reports and queries show that version's findings. */
    public void judgedBy(long videoId, String packName, int packVersion) {
        jdbc.sql("UPDATE videos SET pack_name = :pack, pack_version = :version, updated_at = now() WHERE id = :id")
                .param("pack", packName).param("version", packVersion).param("id", videoId).update();
    }

    /** Videos claimed by one sweep (job instance), in id order. */
    public List<Video> claimedBy(long jobInstanceId) {
        return jdbc.sql(SELECT + " WHERE v.claimed_by = :instance ORDER BY v.id")
                .param("instance", jobInstanceId).query(Video.class).list();
    }
}
