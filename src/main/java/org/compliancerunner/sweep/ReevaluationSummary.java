package org.compliancerunner.sweep;

/** What a re-evaluation changed over all the videos it judged. */
public record ReevaluationSummary(int videos, int added, int removed, int unchanged) {
}
