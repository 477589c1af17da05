package org.compliancerunner.policy;

/** Flags black picture lasting at least {@code minSeconds}. */
public record BlackRule(String id, Severity severity, double minSeconds) implements Rule {

    public static final String KIND = "black";

    @Override
    public String kind() {
        return KIND;
    }
}
