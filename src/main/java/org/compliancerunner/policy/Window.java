package org.compliancerunner.policy;

import java.util.Locale;

/** A stretch at the start or the end of a video, {@code seconds} long. */
public record Window(From from, double seconds) {

    public enum From {
        START, END;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Start of the window in a video of the given length, in ms. */
    public long startMs(long durationMs) {
        return from == From.START ? 0 : Math.max(0, durationMs - lengthMs());
    }

    /** End of the window in a video of the given length, in ms. */
    public long endMs(long durationMs) {
        return from == From.START ? Math.min(durationMs, lengthMs()) : durationMs;
    }

    private long lengthMs() {
        return Math.round(seconds * 1000);
    }

    /** As an operator would say it: "the last 30 s". */
    public String describe() {
        String amount = seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
        return (from == From.START ? "the first " : "the last ") + amount + " s";
    }
}
