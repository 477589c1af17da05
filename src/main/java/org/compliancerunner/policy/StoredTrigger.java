package org.compliancerunner.policy;

/** A trigger as stored, with the video it belongs to and the pack version that raised it. */
public record StoredTrigger(long videoId, String title, String ruleId, String packName, int packVersion,
                            long startMs, long endMs, String severity, String evidence, String source) {
}
