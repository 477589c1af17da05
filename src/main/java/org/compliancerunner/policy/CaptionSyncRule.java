package org.compliancerunner.policy;

/**
 * Flags a cue that starts more than {@code startFrames} frames after the onset of the speech it captions (Netflix:
 * 3), appears more than {@code leadFrames} before it, or stays up more than {@code endFrames} frames after that
 * speech ends (Netflix: 12). A late caption hides what is said; an early one only anticipates it, so the lead is
 * allowed as much as the out-time.
 */
public record CaptionSyncRule(String id, Severity severity, int startFrames, int leadFrames, int endFrames)
        implements Rule {

    public static final String KIND = "caption-sync";

    @Override
    public String kind() {
        return KIND;
    }
}
