package org.compliancerunner.sweep;

/** Counts for one sweep, computed from the database so that a restarted sweep reports its whole work. */
public record SweepSummary(int claimed, int done, int failed, int unfinished, int triggers) {
}
