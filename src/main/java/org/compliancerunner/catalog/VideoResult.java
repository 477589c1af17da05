package org.compliancerunner.catalog;

import org.jspecify.annotations.Nullable;

/**
 * The end of one video's analysis as the catalog records it.
 *
 * @param analysisMs wall time of the whole analysis
 * @param decodeMs   wall time of the decode pass, null when decoding never started
 */
public record VideoResult(VideoStatus status, @Nullable String failureReason, @Nullable String transcriptSource,
                          @Nullable String packName, @Nullable Integer packVersion, long analysisMs,
                          @Nullable Long decodeMs) {
}
