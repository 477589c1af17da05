package org.compliancerunner.review;

import org.compliancerunner.policy.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Which items an operator wants to work on; null fields match everything.
 *
 * @param minSeverity items of this severity or worse
 * @param owner       only items of this owner's projects (an API caller who is not an administrator)
 */
public record ReviewFilter(@Nullable String project, @Nullable String ruleId, @Nullable Severity minSeverity,
                           @Nullable String owner) {

    public static final ReviewFilter ANY = new ReviewFilter(null, null, null);

    public ReviewFilter(@Nullable String project, @Nullable String ruleId, @Nullable Severity minSeverity) {
        this(project, ruleId, minSeverity, null);
    }

    int minRank() {
        return minSeverity == null ? 0 : minSeverity.ordinal();
    }
}
