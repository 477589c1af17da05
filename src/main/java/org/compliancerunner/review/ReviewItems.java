package org.compliancerunner.review;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review_items table. */
@Repository
class ReviewItems {

    private static final String COLUMNS = """
            i.id, i.video_id, v.title AS video_title, p.name AS project, i.pack_name, i.pack_version, i.rule_id,
            i.start_ms, i.end_ms, i.severity, i.evidence, i.state, i.decision, i.decided_by, i.decided_at, i.comment,
            i.claimed_by, i.lease_until""";

    private static final String FROM = """
             FROM review_items i JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id
            """;

    private static final String SELECT = "SELECT " + COLUMNS + FROM;

    // the first key of the review queue's advisory locks; the second is the video
    private static final int VIDEO_LOCKS = 0x52455649;

    private static final DataClassRowMapper<ReviewItem> ITEM = new DataClassRowMapper<>(ReviewItem.class);

    private final JdbcClient jdbc;

    ReviewItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReviewItem> find(long id) {
        return jdbc.sql(SELECT + "WHERE i.id = :id").param("id", id).query(ReviewItem.class).optional();
    }

    List<ReviewItem> list(@Nullable ReviewState state, @Nullable String project, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE (CAST(:state AS TEXT) IS NULL OR i.state = :state)
                          AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                        ORDER BY i.id LIMIT :limit""")
                .param("state", state == null ? null : state.name()).param("project", project).param("limit", limit)
                .query(ReviewItem.class).list();
    }

    /** Items in id order after {@code afterId}, optionally of one state, project and owner. */
    List<ReviewItem> page(@Nullable ReviewState state, @Nullable String project, @Nullable String owner, long afterId,
                          int limit) {
        return jdbc.sql(SELECT + """
                        WHERE i.id > :after
                          AND (CAST(:state AS TEXT) IS NULL OR i.state = :state)
                          AND (CAST(:project AS TEXT) IS NULL OR p.name = :project)
                          AND (CAST(:owner AS TEXT) IS NULL OR p.owner = :owner)
                        ORDER BY i.id LIMIT :limit""")
                .param("after", afterId).param("state", state == null ? null : state.name()).param("project", project)
                .param("owner", owner).param("limit", limit)
                .query(ReviewItem.class).list();
    }

    /**
     * Claims the worst, oldest queued item matching the filter whose lease is free or run out, and audits the claim,
     * in one statement. Rows another claimer is taking at this moment are skipped, not waited for. Only the filters
     * given become conditions, so the planner can walk the queue index instead of testing "? IS NULL OR ..." per row.
     */
    Optional<ReviewItem> claim(String operator, ReviewFilter filter, Duration lease) {
        StringBuilder conditions = new StringBuilder();
        if (filter.project() != null) {
            // names are per owner: for an administrator one name may be several owners' projects
            conditions.append(" AND c.project_id IN (SELECT id FROM projects WHERE name = :project)");
        }
        if (filter.ruleId() != null) {
            conditions.append(" AND c.rule_id = :rule");
        }
        if (filter.owner() != null) {
            conditions.append(" AND c.project_id IN (SELECT id FROM projects WHERE owner = :owner)");
        }
        var statement = jdbc.sql("""
                        WITH picked AS (
                            SELECT c.id FROM review_items c
                            WHERE c.state IN ('OPEN', 'ESCALATED') AND (c.lease_until IS NULL OR c.lease_until <= now())
                              AND c.severity_rank >= :rank""" + conditions + """

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
                        """ + "SELECT " + COLUMNS + " FROM claimed i JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id")
                .param("rank", filter.minRank()).param("operator", operator)
                .param("leaseSeconds", lease.toMillis() / 1000.0);
        if (filter.project() != null) {
            statement = statement.param("project", filter.project());
        }
        if (filter.ruleId() != null) {
            statement = statement.param("rule", filter.ruleId());
        }
        if (filter.owner() != null) {
            statement = statement.param("owner", filter.owner());
        }
        return statement.query(ReviewItem.class).optional();
    }

    /** Locks the video's items in id order, so two lockers cannot deadlock. */
    void lockItemsOf(long videoId) {
        jdbc.sql("SELECT id FROM review_items WHERE video_id = :video ORDER BY id FOR UPDATE")
                .param("video", videoId).query(Long.class).list();
    }

    /**
     * Serialises verdicts and syncs on one video until the transaction ends, so the decision that settles the video's
     * last open item sees the others' decisions. An advisory lock, not row locks: claimers keep taking the video's
     * other items.
     */
    void lockVideo(long videoId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + VIDEO_LOCKS + ", hashint8(:video))")
                .param("video", videoId).query(Object.class).list();
    }

    /** The item and who holds a running lease on it (null if nobody), locked against a concurrent claim. */
    record Locked(ReviewItem item, @Nullable String leaseHolder) {
    }

    Optional<Locked> lock(long id) {
        return jdbc.sql("SELECT CASE WHEN i.lease_until > now() THEN i.claimed_by END AS lease_holder, " + COLUMNS + FROM
                        + "WHERE i.id = :id FOR UPDATE OF i")
                .param("id", id)
                .query((rs, n) -> new Locked(ITEM.mapRow(rs, n), rs.getString("lease_holder")))
                .optional();
    }

    /** Records the decision and its audit entry, and returns the decided item. */
    ReviewItem decide(ReviewItem item, String operator, Decision decision, @Nullable String comment) {
        return jdbc.sql("""
                        WITH decided AS (
                            UPDATE review_items i
                            SET state = :state, decision = :decision, decided_by = :operator, decided_at = now(),
                                comment = :comment, claimed_by = NULL, lease_until = NULL, updated_at = now()
                            WHERE i.id = :id
                            RETURNING i.*),
                        audited AS (
                            INSERT INTO review_audit (item_id, actor, action, state_before, state_after, comment)
                            SELECT id, :operator, :decision, :before, state, :comment FROM decided)
                        """ + "SELECT " + COLUMNS + " FROM decided i JOIN videos v ON v.id = i.video_id JOIN projects p ON p.id = v.project_id")
                .param("state", decision.outcome().name()).param("decision", decision.name())
                .param("operator", operator).param("comment", comment).param("id", item.id())
                .param("before", item.state().name())
                .query(ReviewItem.class).single();
    }
}
