package org.compliancerunner.catalog;

/** A video a sweep has claimed, with what the analysis needs to find it. */
public record ClaimedVideo(long id, String title, String mediaPath, Long durationMs) {
}
