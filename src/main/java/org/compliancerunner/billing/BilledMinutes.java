package org.compliancerunner.billing;

import org.jspecify.annotations.Nullable;

/** How many minutes a video costs: every started minute counts, and every video costs at least one. */
public final class BilledMinutes {

    private static final long MINUTE_MS = 60_000;

    private BilledMinutes() {
    }

    /**
     * @param durationMs the probed duration; null or negative when the probe could not tell, which costs one minute
     *                   (the sweep settles or releases it like any other, so a video that turns out unreadable is free)
     */
    public static long of(@Nullable Long durationMs) {
        if (durationMs == null || durationMs <= 0) {
            return 1;
        }
        return (durationMs + MINUTE_MS - 1) / MINUTE_MS;
    }
}
