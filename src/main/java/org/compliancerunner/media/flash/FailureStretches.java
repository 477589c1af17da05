package org.compliancerunner.media.flash;

import java.util.ArrayList;
import java.util.List;

import org.compliancerunner.media.Interval;

/** Joins consecutive failing frames into stretches of the timeline, so a trigger covers a flashing scene once. */
final class FailureStretches {

    private final List<Interval> closed = new ArrayList<>();
    private long startMs = -1;
    private long endMs;
    private long lastIndex = -2;

    /** Adds a failing frame lasting from {@code frameStartMs} to {@code frameEndMs}. */
    void add(long index, long frameStartMs, long frameEndMs) {
        if (index != lastIndex + 1) {
            close();
            startMs = frameStartMs;
        }
        endMs = Math.max(frameEndMs, frameStartMs);
        lastIndex = index;
    }

    List<Interval> all() {
        close();
        return List.copyOf(closed);
    }

    private void close() {
        if (startMs >= 0) {
            closed.add(new Interval(startMs, Math.max(startMs, endMs)));
            startMs = -1;
        }
    }
}
