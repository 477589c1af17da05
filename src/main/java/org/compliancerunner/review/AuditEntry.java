package org.compliancerunner.review;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One recorded action on a review item. */
public record AuditEntry(long itemId, String actor, OffsetDateTime at, String action,
                         @Nullable ReviewState stateBefore, ReviewState stateAfter, @Nullable String comment) {
}
