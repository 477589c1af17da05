package org.compliancerunner.review;

import java.time.OffsetDateTime;

/**
 * A finding waiting for, or carrying, an operator's decision.
 *
 * @param packVersion the latest pack version that judged this finding
 * @param leaseUntil  when the claim returns the item to the queue; null when unclaimed
 */
public record ReviewItem(long id, long videoId, String videoTitle, String project, String packName, int packVersion,
                         String ruleId, long startMs, long endMs, String severity, String evidence, ReviewState state,
                         Decision decision, String decidedBy, OffsetDateTime decidedAt, String comment,
                         String claimedBy, OffsetDateTime leaseUntil) {
}
