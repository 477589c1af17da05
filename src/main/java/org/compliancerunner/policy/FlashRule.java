package org.compliancerunner.policy;

/** Flags photosensitive flashes that fail ITU-R BT.1702 / Ofcom guidance (general and red). */
public record FlashRule(String id, Severity severity) implements Rule {

    public static final String KIND = "flash";

    @Override
    public String kind() {
        return KIND;
    }
}
