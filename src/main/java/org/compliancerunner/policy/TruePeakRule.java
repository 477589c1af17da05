package org.compliancerunner.policy;

/** Flags a true peak above {@code max} (dBTP). */
public record TruePeakRule(String id, Severity severity, double max) implements Rule {

    public static final String KIND = "true-peak";

    @Override
    public String kind() {
        return KIND;
    }
}
