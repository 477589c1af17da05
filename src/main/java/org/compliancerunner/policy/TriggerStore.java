package org.compliancerunner.policy;

import java.time.OffsetDateTime;
import java.util.List;

import org.compliancerunner.metrics.ProcessingMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored triggers, keyed by video, pack, rule, version and start: a retried chunk replaces, never duplicates. */
@Repository
public class TriggerStore {

    private final JdbcClient jdbc;
    private final ProcessingMetrics metrics;

    public TriggerStore(JdbcClient jdbc, ProcessingMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Replaces what one pack version found on one video. */
    public void replace(long videoId, String packName, int packVersion, List<Trigger> triggers) {
        jdbc.sql("DELETE FROM triggers WHERE video_id = :id AND pack_name = :pack AND pack_version = :version")
                .param("id", videoId).param("pack", packName).param("version", packVersion).update();
        for (Trigger trigger : triggers) {
            jdbc.sql("""
                            INSERT INTO triggers (video_id, pack_name, pack_version, rule_id, start_ms, end_ms, severity,
                                                  evidence, source)
                            VALUES (:id, :pack, :version, :rule, :start, :end, :severity, :evidence, :source)
                            ON CONFLICT (video_id, pack_name, rule_id, pack_version, start_ms) DO NOTHING""")
                    .param("id", videoId).param("pack", packName).param("version", packVersion)
                    .param("rule", trigger.ruleId()).param("start", trigger.startMs()).param("end", trigger.endMs())
                    .param("severity", trigger.severity().label()).param("evidence", trigger.evidence())
                    .param("source", trigger.source())
                    .update();
            metrics.triggerWritten(trigger.ruleId(), trigger.severity().label());
        }
    }

    /** Current triggers (of the pack version that judged each video last) in time order, optionally of one video. */
    public List<StoredTrigger> list(@Nullable Long videoId, int limit) {
        return jdbc.sql("""
                        SELECT t.video_id, v.title, t.rule_id, t.pack_name, t.pack_version, t.start_ms, t.end_ms,
                               t.severity, t.evidence, t.source
                        FROM triggers t JOIN videos v ON v.id = t.video_id
                        WHERE (CAST(:video AS BIGINT) IS NULL OR t.video_id = :video)
                          -- the pack version that judged the video last; older versions' findings are history
                          AND t.pack_name = v.pack_name AND t.pack_version = v.pack_version
                        ORDER BY t.video_id, t.start_ms, t.rule_id LIMIT :limit""")
                .param("video", videoId).param("limit", limit)
                .query(StoredTrigger.class).list();
    }

    /**
     * Current triggers, newest first, filtered by whichever of rule id, exact severity, creation time range, project
     * and owner are given (null matches everything).
     */
    public List<StoredTrigger> search(@Nullable String ruleId, @Nullable Severity severity, @Nullable OffsetDateTime since,
                                      @Nullable OffsetDateTime until,
                                      @Nullable String project, @Nullable String owner, int limit) {
        return jdbc.sql("""
                        SELECT t.video_id, v.title, t.rule_id, t.pack_name, t.pack_version, t.start_ms, t.end_ms,
                               t.severity, t.evidence, t.source
                        FROM triggers t JOIN videos v ON v.id = t.video_id JOIN projects p ON p.id = v.project_id
                        WHERE t.pack_name = v.pack_name AND t.pack_version = v.pack_version
                          AND (CAST(:rule AS TEXT) IS NULL OR t.rule_id = :rule)
                          AND (CAST(:severity AS TEXT) IS NULL OR t.severity = :severity)
                          AND (CAST(:since AS TIMESTAMPTZ) IS NULL OR t.created_at >= :since)
                          AND (CAST(:until AS TIMESTAMPTZ) IS NULL OR t.created_at < :until)
                          AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                          AND (CAST(:owner AS TEXT) IS NULL OR p.owner = :owner)
                        ORDER BY t.created_at DESC, t.id DESC LIMIT :limit""")
                .param("rule", ruleId).param("severity", severity == null ? null : severity.label())
                .param("since", since).param("until", until).param("project", project).param("owner", owner)
                .param("limit", limit)
                .query(StoredTrigger.class).list();
    }

    /** The triggers a pack version found on one video, for comparing versions. */
    public List<Trigger> find(long videoId, String packName, int packVersion) {
        return jdbc.sql("""
                        SELECT rule_id, start_ms, end_ms, severity, evidence, source FROM triggers
                        WHERE video_id = :id AND pack_name = :pack AND pack_version = :version
                        ORDER BY start_ms, rule_id""")
                .param("id", videoId).param("pack", packName).param("version", packVersion)
                .query((rs, n) -> new Trigger(rs.getString("rule_id"), rs.getLong("start_ms"), rs.getLong("end_ms"),
                        Severity.parse(rs.getString("severity")), rs.getString("evidence"), rs.getString("source")))
                .list();
    }

    /** The triggers of these videos under the pack version each was last judged by. */
    public List<StoredTrigger> forVideos(List<Long> videoIds) {
        return jdbc.sql("""
                        SELECT t.video_id, v.title, t.rule_id, t.pack_name, t.pack_version, t.start_ms, t.end_ms,
                               t.severity, t.evidence, t.source
                        FROM triggers t JOIN videos v ON v.id = t.video_id
                        WHERE v.id = ANY (:ids) AND t.pack_name = v.pack_name AND t.pack_version = v.pack_version
                        ORDER BY t.video_id, t.start_ms, t.rule_id""")
                .param("ids", videoIds.toArray(Long[]::new))
                .query(StoredTrigger.class).list();
    }

    /** How many findings one sweep (job instance) recorded with the pack version each video was judged by. */
    public int countForSweep(long jobInstanceId) {
        return jdbc.sql("""
                        SELECT count(*) FROM triggers t JOIN videos v ON v.id = t.video_id
                        WHERE v.claimed_by = :instance AND t.pack_name = v.pack_name AND t.pack_version = v.pack_version""")
                .param("instance", jobInstanceId).query(Integer.class).single();
    }
}
