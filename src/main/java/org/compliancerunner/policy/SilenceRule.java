package org.compliancerunner.policy;

/** Flags sound below {@code threshold} dBFS lasting at least {@code minSeconds}. */
public record SilenceRule(String id, Severity severity, double threshold, double minSeconds) implements Rule {

    public static final String KIND = "silence";

    @Override
    public String kind() {
        return KIND;
    }
}
