package org.compliancerunner.review;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail: who did what to which item, when, and the state before and after. Append only. */
@Repository
public class ReviewAudit {

    /** The actor of changes no operator made: a new pack version raising or dropping a finding. */
    static final String SYNC_ACTOR = "rule-pack";

    private final JdbcClient jdbc;

    ReviewAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long itemId, String actor, String action, @Nullable ReviewState before, ReviewState after,
                @Nullable String comment) {
        jdbc.sql("""
                        INSERT INTO review_audit (item_id, actor, action, state_before, state_after, comment)
                        VALUES (:item, :actor, :action, :before, :after, :comment)""")
                .param("item", itemId).param("actor", actor).param("action", action)
                .param("before", before == null ? null : before.name()).param("after", after.name())
                .param("comment", comment)
                .update();
    }

    /** An item's history, oldest first. */
    public List<AuditEntry> history(long itemId) {
        return jdbc.sql("""
                        SELECT item_id, actor, at, action, state_before, state_after, comment
                        FROM review_audit WHERE item_id = :item ORDER BY id""")
                .param("item", itemId).query(AuditEntry.class).list();
    }
}
