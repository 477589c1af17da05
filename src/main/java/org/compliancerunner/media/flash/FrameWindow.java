package org.compliancerunner.media.flash;

/** How many of the last {@code frames} frames had something happen: a running count over a ring of flags. */
final class FrameWindow {

    private final boolean[] flags;
    private int next;
    private int count;

    FrameWindow(int frames) {
        flags = new boolean[Math.max(1, frames)];
    }

    /** Adds this frame's flag and returns the count over the window ending with it. */
    int add(boolean flag) {
        if (flags[next]) {
            count--;
        }
        flags[next] = flag;
        if (flag) {
            count++;
        }
        next = (next + 1) % flags.length;
        return count;
    }

    int count() {
        return count;
    }
}
