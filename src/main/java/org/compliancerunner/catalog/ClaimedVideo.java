package org.compliancerunner.catalog;

import org.jspecify.annotations.Nullable;

/** A video a sweep has claimed, with what the analysis needs to find it. */
public record ClaimedVideo(long id, String title, String mediaPath, @Nullable Long durationMs) {
}
