package org.compliancerunner.policy;

/**
 * Judges each caption cue against a style guide: how long it is shown, the gap to the next cue, its lines and
 * their length, its reading speed, overlaps, cues after the media ends, empty cues and markup the format does
 * not define; a caption file's unreadable lines are findings too.
 *
 * @param preset   the style guide the limits came from, e.g. "netflix"
 * @param audience "adult" or "children", which sets the preset's reading speed
 */
public record CaptionQualityRule(String id, Severity severity, String preset, String audience, double minSeconds,
                                 double maxSeconds, int minGapFrames, int maxLineLength, int maxLines,
                                 double maxCharsPerSecond) implements Rule {

    public static final String KIND = "caption-quality";

    @Override
    public String kind() {
        return KIND;
    }
}
