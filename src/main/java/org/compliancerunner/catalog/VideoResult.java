package org.compliancerunner.catalog;

/**
 * The end of one video's analysis as the catalog records it.
 *
 * @param analysisMs wall time of the whole analysis
 * @param decodeMs   wall time of the decode pass, null when decoding never started
 */
public record VideoResult(VideoStatus status, String failureReason, String transcriptSource, String packName,
                          Integer packVersion, long analysisMs, Long decodeMs) {
}
