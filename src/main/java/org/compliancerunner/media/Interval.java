package org.compliancerunner.media;

/** A stretch of a video's timeline, in milliseconds from its start. */
public record Interval(long startMs, long endMs) {

    public Interval {
        if (endMs < startMs) {
            throw new IllegalArgumentException("interval ends before it starts: " + startMs + "–" + endMs);
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }
}
