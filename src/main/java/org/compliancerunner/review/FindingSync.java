package org.compliancerunner.review;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.compliancerunner.policy.PackVersion;
import org.compliancerunner.policy.Severity;
import org.compliancerunner.policy.Trigger;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings a video's review items in line with what one pack version found on it. Items are matched to triggers by
 * (rule, start), never by trigger id, because trigger rows are deleted and inserted again on every rewrite.
 */
@Component
class FindingSync {

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

    /**
     * Returns how many items were added or changed; the caller holds the video's item locks. {@code found} are the
     * triggers just stored for this version; of two at one (rule, start) the store kept the first, and so does this.
     */
    int sync(long videoId, PackVersion pack, List<Trigger> found, Severity minSeverity) {
        String packName = pack.name();
        int packVersion = pack.version();
        Map<Key, Trigger> findings = new LinkedHashMap<>();
        for (Trigger trigger : found) {
            if (trigger.severity().compareTo(minSeverity) >= 0) {
                findings.putIfAbsent(new Key(trigger.ruleId(), trigger.startMs()), trigger);
            }
        }
        Map<Key, Item> items = new HashMap<>();
        jdbc.sql("""
                        SELECT id, rule_id, start_ms, end_ms, pack_version, severity, evidence, state, decision
                        FROM review_items WHERE video_id = :video AND pack_name = :pack""")
                .param("video", videoId).param("pack", packName)
                .query(Item.class).stream().forEach(item -> items.put(new Key(item.ruleId(), item.startMs()), item));

        int changed = 0;
        for (Trigger finding : findings.values()) {
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

    private static boolean differs(Item item, int packVersion, Trigger finding) {
        return item.state() == ReviewState.OBSOLETE || item.packVersion() != packVersion
                || item.endMs() != finding.endMs() || !item.severity().equals(finding.severity().label())
                || !Objects.equals(item.evidence(), finding.evidence());
    }

    private void insert(long videoId, String packName, int packVersion, Trigger finding) {
        jdbc.sql("""
                        INSERT INTO review_items (video_id, project_id, pack_name, rule_id, start_ms, end_ms, pack_version,
                                                  severity, evidence)
                        SELECT :video, project_id, :pack, :rule, :start, :end, :version, :severity, :evidence
                        FROM videos WHERE id = :video""")
                .param("video", videoId).param("pack", packName).param("rule", finding.ruleId())
                .param("start", finding.startMs()).param("end", finding.endMs()).param("version", packVersion)
                .param("severity", finding.severity().label()).param("evidence", finding.evidence())
                .update();
    }

    private void update(long itemId, int packVersion, Trigger finding, ReviewState state) {
        jdbc.sql("""
                        UPDATE review_items SET pack_version = :version, end_ms = :end, severity = :severity,
                               evidence = :evidence, state = :state, updated_at = now()
                        WHERE id = :id""")
                .param("version", packVersion).param("end", finding.endMs()).param("severity", finding.severity().label())
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
