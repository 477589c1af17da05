package org.compliancerunner.speech;

/** One timed piece of what is said; {@code source} names where it came from, e.g. "captions:srt", "whisper". */
public record TranscriptSegment(long startMs, long endMs, String text, String source) {
}
