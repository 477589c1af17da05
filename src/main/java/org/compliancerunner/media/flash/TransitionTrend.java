package org.compliancerunner.media.flash;

/**
 * Follows one flash quantity (luminance or saturated red) from frame to frame and says when it makes a transition:
 * changes in the same direction within a second add up, so a ramp over several frames is one transition, and a
 * transition is the moment the sum first reaches the threshold, or reaches it after the direction turned.
 */
final class TransitionTrend {

    private final float threshold;
    private final float darkLimit;
    /** The same-direction changes still inside the last second, oldest first, as a ring. */
    private final float[] changes;
    private int first;
    private int size;
    private float accumulated;

    /**
     * @param threshold     smallest accumulated change that is a transition
     * @param darkLimit     the darker of the two frames must be below this, or the change is too bright to matter
     * @param windowFrames  how many frames make a second
     */
    TransitionTrend(float threshold, float darkLimit, int windowFrames) {
        this.threshold = threshold;
        this.darkLimit = darkLimit;
        this.changes = new float[Math.max(1, windowFrames)];
        push(0f);
    }

    /**
     * Adds the change from the previous frame and says whether it completes a new transition.
     *
     * @param change      mean change of the frame, 0 when too small an area changed
     * @param darkerMean  the lower of the two frames' means
     */
    boolean next(float change, float darkerMean) {
        float before = accumulated;
        float now;
        if (sameDirection(before, change)) {
            float kept = before;
            if (size == changes.length) {
                // a change older than a second no longer belongs to this transition
                kept -= changes[first];
                first = (first + 1) % changes.length;
                size--;
            }
            push(change);
            now = change + kept;
        } else {
            first = 0;
            size = 0;
            push(change);
            now = change;
        }
        accumulated = now;
        if (sameDirection(before, now) && Math.abs(before) >= threshold) {
            // still the transition already counted
            return false;
        }
        return Math.abs(now) >= threshold && darkerMean < darkLimit;
    }

    /** The running sum of same-direction changes, as IRIS logs it (AverageLuminanceDiffAcc). */
    float accumulated() {
        return accumulated;
    }

    private void push(float change) {
        changes[(first + size) % changes.length] = change;
        size++;
    }

    /** No change counts as either direction: a pause does not end a ramp. */
    private static boolean sameDirection(float a, float b) {
        return (a <= 0 && b <= 0) || (a >= 0 && b >= 0);
    }
}
