package org.compliancerunner.review;

import org.compliancerunner.policy.Severity;

/**
 * Which items an operator wants to work on; null fields match everything.
 *
 * @param minSeverity items of this severity or worse
 * @param owner       only items of this owner's projects (an API caller who is not an administrator)
 */
public record ReviewFilter(String project, String ruleId, Severity minSeverity, String owner) {

    public static final ReviewFilter ANY = new ReviewFilter(null, null, null);

    public ReviewFilter(String project, String ruleId, Severity minSeverity) {
        this(project, ruleId, minSeverity, null);
    }

    int minRank() {
        return minSeverity == null ? 0 : minSeverity.ordinal();
    }
}
