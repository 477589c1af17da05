package org.compliancerunner.policy;

/** Flags speech of at least {@code minSeconds} that no caption cue covers, when the video has captions. */
public record UncaptionedSpeechRule(String id, Severity severity, double minSeconds) implements Rule {

    public static final String KIND = "uncaptioned-speech";

    @Override
    public String kind() {
        return KIND;
    }
}
