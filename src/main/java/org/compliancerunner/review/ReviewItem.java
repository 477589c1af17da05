package org.compliancerunner.review;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A finding waiting for, or carrying, an operator's decision.
 *
 * @param packVersion the latest pack version that judged this finding
 * @param leaseUntil  when the claim returns the item to the queue; null when unclaimed
 */
public record ReviewItem(long id, long videoId, String videoTitle, String project, String packName, int packVersion,
                         String ruleId, long startMs, long endMs, String severity, String evidence, ReviewState state,
                         @Nullable Decision decision, @Nullable String decidedBy, @Nullable OffsetDateTime decidedAt,
                         @Nullable String comment, @Nullable String claimedBy, @Nullable OffsetDateTime leaseUntil) {
}
