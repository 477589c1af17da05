package org.compliancerunner.policy;

/** Flags a video with at least {@code minSeconds} of speech and no caption track at all (a subtitling duty). */
public record CaptionsRequiredRule(String id, Severity severity, double minSeconds) implements Rule {

    public static final String KIND = "captions-required";

    @Override
    public String kind() {
        return KIND;
    }
}
