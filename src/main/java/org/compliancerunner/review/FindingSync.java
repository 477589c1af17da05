package org.compliancerunner.review;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.compliancerunner.policy.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings a video's review items in line with what one pack version found on it. Items are matched to triggers by
 * (rule, start), never by trigger id, because trigger rows are deleted and inserted again on every rewrite.
 */
@Component
class FindingSync {

    private record Finding(String ruleId, long startMs, long endMs, String severity, String evidence) {
    }

    private record Item(long id, String ruleId, long startMs, long endMs, int packVersion, String severity,
                        String evidence, ReviewState state, @Nullable Decision decision) {
    }

    private record Key(String ruleId, long startMs) {
    }

    private final JdbcClient jdbc;
    private final ReviewAudit audit;

    FindingSync(JdbcClient jdbc, ReviewAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Returns how many items were added or changed; the caller holds the video's item locks. */
    int sync(long videoId, String packName, int packVersion, Severity minSeverity) {
        List<String> reviewable = Arrays.stream(Severity.values())
                .filter(severity -> severity.compareTo(minSeverity) >= 0).map(Severity::label).toList();
        List<Finding> findings = jdbc.sql("""
                        SELECT rule_id, start_ms, end_ms, severity, evidence FROM triggers
                        WHERE video_id = :video AND pack_name = :pack AND pack_version = :version
                          AND severity IN (:reviewable)""")
                .param("video", videoId).param("pack", packName).param("version", packVersion)
                .param("reviewable", reviewable)
                .query(Finding.class).list();
        Map<Key, Item> items = new HashMap<>();
        jdbc.sql("""
                        SELECT id, rule_id, start_ms, end_ms, pack_version, severity, evidence, state, decision
                        FROM review_items WHERE video_id = :video AND pack_name = :pack""")
                .param("video", videoId).param("pack", packName)
                .query(Item.class).stream().forEach(item -> items.put(new Key(item.ruleId(), item.startMs()), item));

        int changed = 0;
        for (Finding finding : findings) {
            Item item = items.remove(new Key(finding.ruleId(), finding.startMs()));
            if (item == null) {
                insert(videoId, packName, packVersion, finding);
                changed++;
            } else if (item.packVersion() <= packVersion && differs(item, packVersion, finding)) {
                // a finding that persists keeps its decision; one that comes back gets its last decision back
                ReviewState state = item.state() == ReviewState.OBSOLETE ? Decision.stateAfter(item.decision()) : item.state();
                update(item.id(), packVersion, finding, state);
                if (state != item.state()) {
                    audit.record(item.id(), ReviewAudit.SYNC_ACTOR, "REOPEN", item.state(), state,
                            "raised again by " + packName + " v" + packVersion);
                }
                changed++;
            }
        }
        for (Item gone : items.values()) {
            // an older version replayed after a newer one must not undo the newer one's judgement
            if (gone.state() != ReviewState.OBSOLETE && gone.packVersion() <= packVersion) {
                obsolete(gone.id(), packVersion);
                audit.record(gone.id(), ReviewAudit.SYNC_ACTOR, "OBSOLETE", gone.state(), ReviewState.OBSOLETE,
                        "no longer raised by " + packName + " v" + packVersion);
                changed++;
            }
        }
        return changed + supersedeOtherPacks(videoId, packName, packVersion);
    }

    // the video is now judged by this pack alone: another pack's open questions would hold its verdict forever
    private int supersedeOtherPacks(long videoId, String packName, int packVersion) {
        List<Item> others = jdbc.sql("""
                        SELECT id, rule_id, start_ms, end_ms, pack_version, severity, evidence, state, decision
                        FROM review_items WHERE video_id = :video AND pack_name <> :pack AND state <> 'OBSOLETE'""")
                .param("video", videoId).param("pack", packName).query(Item.class).list();
        for (Item other : others) {
            jdbc.sql("""
                            UPDATE review_items SET state = 'OBSOLETE', claimed_by = NULL, lease_until = NULL, updated_at = now()
                            WHERE id = :id""")
                    .param("id", other.id()).update();
            audit.record(other.id(), ReviewAudit.SYNC_ACTOR, "OBSOLETE", other.state(), ReviewState.OBSOLETE,
                    "the video is now judged by " + packName + " v" + packVersion);
        }
        return others.size();
    }

    private static boolean differs(Item item, int packVersion, Finding finding) {
        return item.state() == ReviewState.OBSOLETE || item.packVersion() != packVersion
                || item.endMs() != finding.endMs() || !item.severity().equals(finding.severity())
                || !Objects.equals(item.evidence(), finding.evidence());
    }

    private void insert(long videoId, String packName, int packVersion, Finding finding) {
        jdbc.sql("""
                        INSERT INTO review_items (video_id, project_id, pack_name, rule_id, start_ms, end_ms, pack_version,
                                                  severity, evidence)
                        SELECT :video, project_id, :pack, :rule, :start, :end, :version, :severity, :evidence
                        FROM videos WHERE id = :video""")
                .param("video", videoId).param("pack", packName).param("rule", finding.ruleId())
                .param("start", finding.startMs()).param("end", finding.endMs()).param("version", packVersion)
                .param("severity", finding.severity()).param("evidence", finding.evidence())
                .update();
    }

    private void update(long itemId, int packVersion, Finding finding, ReviewState state) {
        jdbc.sql("""
                        UPDATE review_items SET pack_version = :version, end_ms = :end, severity = :severity,
                               evidence = :evidence, state = :state, updated_at = now()
                        WHERE id = :id""")
                .param("version", packVersion).param("end", finding.endMs()).param("severity", finding.severity())
                .param("evidence", finding.evidence()).param("state", state.name()).param("id", itemId)
                .update();
    }

    private void obsolete(long itemId, int packVersion) {
        jdbc.sql("""
                        UPDATE review_items SET state = 'OBSOLETE', pack_version = :version, claimed_by = NULL,
                               lease_until = NULL, updated_at = now()
                        WHERE id = :id""")
                .param("version", packVersion).param("id", itemId).update();
    }
}
