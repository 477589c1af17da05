package org.compliancerunner.cli;

/** Times as operators read them on a timeline: HH:MM:SS.mmm. */
final class Timecode {

    private Timecode() {
    }

    static String of(long ms) {
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        long seconds = ms / 1000 % 60;
        return String.format("%02d:%02d:%02d.%03d", hours, minutes, seconds, ms % 1000);
    }

    static String seconds(Long ms) {
        return ms == null ? "?" : String.format("%.1f s", ms / 1000.0);
    }
}
