package org.compliancerunner.policy;

/** Flags integrated loudness outside {@code target} ± {@code tolerance} (LUFS, LU). */
public record LoudnessRule(String id, Severity severity, double target, double tolerance) implements Rule {

    public static final String KIND = "loudness";

    @Override
    public String kind() {
        return KIND;
    }
}
