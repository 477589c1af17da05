package org.compliancerunner.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A video a sweep has claimed, with what the analysis needs to find it.
 *
 * @param claimOrder when it was claimed among all claims: a partition reads its claims in this order
 */
public record ClaimedVideo(long id, String title, String mediaPath, @Nullable Long durationMs, long claimOrder) {
}
