package org.compliancerunner.review;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review_items table. */
@Repository
class ReviewItems {

    private static final String COLUMNS = """
            i.id, i.video_id, v.title AS video_title, p.name AS project, i.pack_name, i.pack_version, i.rule_id,
            i.start_ms, i.end_ms, i.severity, i.evidence, i.state, i.decision, i.decided_by, i.decided_at, i.comment,
            i.claimed_by, i.lease_until""";

    private static final String SELECT = "SELECT " + COLUMNS + """
             FROM review_items i JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id
            """;

    private final JdbcClient jdbc;

    ReviewItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReviewItem> find(long id) {
        return jdbc.sql(SELECT + "WHERE i.id = :id").param("id", id).query(ReviewItem.class).optional();
    }

    List<ReviewItem> list(ReviewState state, String project, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE (CAST(:state AS TEXT) IS NULL OR i.state = :state)
                          AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                        ORDER BY i.id LIMIT :limit""")
                .param("state", state == null ? null : state.name()).param("project", project).param("limit", limit)
                .query(ReviewItem.class).list();
    }

    /**
     * Claims the worst, oldest queued item matching the filter whose lease is free or run out, and audits the claim,
     * in one statement. Rows another claimer is taking at this moment are skipped, not waited for.
     */
    Optional<ReviewItem> claim(String operator, ReviewFilter filter, Duration lease) {
        return jdbc.sql("""
                        WITH picked AS (
                            SELECT c.id FROM review_items c
                            WHERE c.state IN ('OPEN', 'ESCALATED') AND (c.lease_until IS NULL OR c.lease_until <= now())
                              AND c.severity_rank >= :rank
                              AND (CAST(:rule AS TEXT) IS NULL OR c.rule_id = :rule)
                              AND (CAST(:project AS TEXT) IS NULL OR c.video_id IN (
                                  SELECT v.id FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :project))
                            ORDER BY c.severity_rank DESC, c.id
                            LIMIT 1
                            FOR UPDATE SKIP LOCKED),
                        claimed AS (
                            UPDATE review_items i
                            SET claimed_by = :operator, lease_until = now() + make_interval(secs => :leaseSeconds),
                                updated_at = now()
                            FROM picked WHERE i.id = picked.id
                            RETURNING i.*),
                        audited AS (
                            INSERT INTO review_audit (item_id, actor, action, state_before, state_after)
                            SELECT id, :operator, 'CLAIM', state, state FROM claimed)
                        SELECT i.id, i.video_id, v.title AS video_title, p.name AS project, i.pack_name, i.pack_version,
                               i.rule_id, i.start_ms, i.end_ms, i.severity, i.evidence, i.state, i.decision,
                               i.decided_by, i.decided_at, i.comment, i.claimed_by, i.lease_until
                        FROM claimed i JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id""")
                .param("rank", filter.minRank()).param("rule", filter.ruleId()).param("project", filter.project())
                .param("operator", operator).param("leaseSeconds", lease.toMillis() / 1000.0)
                .query(ReviewItem.class).optional();
    }

    Optional<Long> videoOf(long id) {
        return jdbc.sql("SELECT video_id FROM review_items WHERE id = :id").param("id", id).query(Long.class).optional();
    }

    /**
     * Locks every item of a video, in id order so two lockers cannot deadlock. Decisions and syncs on one video then
     * run one after the other, and the one that decides the last open item sees the others' decisions.
     */
    void lockVideo(long videoId) {
        jdbc.sql("SELECT id FROM review_items WHERE video_id = :video ORDER BY id FOR UPDATE")
                .param("video", videoId).query(Long.class).list();
    }

    /** Who holds a running lease on the item, if anyone. */
    Optional<String> leaseHolder(long id) {
        return jdbc.sql("SELECT claimed_by FROM review_items WHERE id = :id AND claimed_by IS NOT NULL AND lease_until > now()")
                .param("id", id).query(String.class).optional();
    }

    void decide(long id, String operator, Decision decision, String comment) {
        jdbc.sql("""
                        UPDATE review_items
                        SET state = :state, decision = :decision, decided_by = :operator, decided_at = now(),
                            comment = :comment, claimed_by = NULL, lease_until = NULL, updated_at = now()
                        WHERE id = :id""")
                .param("state", decision.outcome().name()).param("decision", decision.name())
                .param("operator", operator).param("comment", comment).param("id", id)
                .update();
    }
}
