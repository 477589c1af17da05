package org.compliancerunner.media;

/**
 * What one decode pass got through.
 *
 * @param decodedMs    end time of the last decoded audio or picture, in milliseconds
 * @param audioSamples audio samples decoded per channel, at the file's own sample rate
 * @param videoFrames  pictures decoded; 0 when no listener wanted video
 */
public record DecodeSummary(long decodedMs, long audioSamples, long videoFrames) {
}
