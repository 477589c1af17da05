package org.compliancerunner.catalog;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
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

    // by hand: the reflective mapper converts every column by name, a measurable share of a page's cost
    private static final RowMapper<Video> ROW = (rs, row) -> new Video(rs.getLong("id"), rs.getString("project"),
            rs.getString("title"), rs.getString("source"), rs.getString("media_path"), rs.getString("sha256"),
            rs.getObject("duration_ms", Long.class), rs.getString("streams"), VideoStatus.valueOf(rs.getString("status")),
            rs.getString("failure_reason"), rs.getString("owner"), rs.getString("transcript_source"),
            rs.getObject("analysis_ms", Long.class), rs.getObject("decode_ms", Long.class),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("processed_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    public Videos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Video> find(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id").param("id", id).query(ROW).optional();
    }

    /** Videos in id order, optionally of one status and one project. */
    public List<Video> list(@Nullable VideoStatus status, @Nullable String project, int limit) {
        Conditions filters = new Conditions()
                .and("v.status = :status", "status", status == null ? null : status.name())
                .and("p.name = :project", "project", project);
        return filters.select(jdbc, "ORDER BY v.id", limit);
    }

    /**
     * One page of videos, newest first, for keyset pagination: ids below {@code beforeId} (all when null), optionally
     * only one owner's projects, one status and one project.
     */
    public List<Video> page(@Nullable String owner, @Nullable VideoStatus status, @Nullable String project,
                            @Nullable Long beforeId, int limit) {
        Conditions filters = new Conditions()
                .and("p.owner = :owner", "owner", owner)
                .and("v.status = :status", "status", status == null ? null : status.name())
                .and("p.name = :project", "project", project)
                .and("v.id < :before", "before", beforeId);
        return filters.select(jdbc, "ORDER BY v.id DESC", limit);
    }

    /** The video if it belongs to one of {@code owner}'s projects, or to anyone when owner is null. */
    public Optional<Video> find(long id, @Nullable String owner) {
        return jdbc.sql(SELECT + " WHERE v.id = :id AND (CAST(:owner AS TEXT) IS NULL OR p.owner = :owner)")
                .param("id", id).param("owner", owner).query(ROW).optional();
    }

    /** DONE videos to judge again, in id order after {@code afterId}, optionally of one project and processed since a time. */
    public List<JudgedVideo> judged(@Nullable String project, @Nullable OffsetDateTime since, long afterId, int max) {
        return jdbc.sql("""
                        SELECT v.id, v.title, v.duration_ms, v.transcript_source, v.pack_name, v.pack_version FROM videos v
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

    /** The first {@code max} videos claimed by one sweep (job instance), in id order. */
    public List<Video> claimedBy(long jobInstanceId, int max) {
        return jdbc.sql(SELECT + " WHERE v.claimed_by = :instance ORDER BY v.id LIMIT :max")
                .param("instance", jobInstanceId).param("max", max).query(ROW).list();
    }

    /** The first {@code max} videos of one sweep that an operator must look at: not DONE, or DONE with findings. */
    public List<Video> needingAttention(long jobInstanceId, int max) {
        return jdbc.sql(SELECT + """
                         WHERE v.claimed_by = :instance
                           AND (v.status <> 'DONE' OR EXISTS (SELECT 1 FROM triggers t WHERE t.video_id = v.id
                                AND t.pack_name = v.pack_name AND t.pack_version = v.pack_version))
                        ORDER BY v.id LIMIT :max""")
                .param("instance", jobInstanceId).param("max", max).query(ROW).list();
    }

    /**
     * The WHERE clause of the filters given, and their parameters. A filter not given adds no condition, so that a
     * cursor stays an index bound: {@code (:x IS NULL OR ...)} would be a test on every row of a generic plan.
     */
    private static final class Conditions {

        private final StringBuilder where = new StringBuilder(" WHERE TRUE");
        private final Map<String, Object> params = new HashMap<>();

        Conditions and(String condition, String parameter, @Nullable Object value) {
            if (value != null) {
                where.append(" AND ").append(condition);
                params.put(parameter, value);
            }
            return this;
        }

        List<Video> select(JdbcClient jdbc, String order, int limit) {
            return jdbc.sql(SELECT + where + " " + order + " LIMIT :limit").params(params).param("limit", limit)
                    .query(ROW).list();
        }
    }
}
