package org.compliancerunner.review;

import java.time.OffsetDateTime;

/** One recorded action on a review item. */
public record AuditEntry(long itemId, String actor, OffsetDateTime at, String action, ReviewState stateBefore,
                         ReviewState stateAfter, String comment) {
}
