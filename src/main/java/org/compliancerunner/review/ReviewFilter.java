package org.compliancerunner.review;

import org.compliancerunner.policy.Severity;

/**
 * Which items an operator wants to work on; null fields match everything.
 *
 * @param minSeverity items of this severity or worse
 */
public record ReviewFilter(String project, String ruleId, Severity minSeverity) {

    public static final ReviewFilter ANY = new ReviewFilter(null, null, null);

    int minRank() {
        return minSeverity == null ? 0 : minSeverity.ordinal();
    }
}
