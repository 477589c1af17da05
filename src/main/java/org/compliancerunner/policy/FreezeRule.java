package org.compliancerunner.policy;

/** Flags frozen picture lasting at least {@code minSeconds}. */
public record FreezeRule(String id, Severity severity, double minSeconds) implements Rule {

    public static final String KIND = "freeze";

    @Override
    public String kind() {
        return KIND;
    }
}
