package org.compliancerunner.policy;

/**
 * Flags each match of a regular expression (RE2 syntax, linear time) in a segment's folded text (lower case, accents
 * removed).
 */
public record RegexRule(String id, Severity severity, String pattern) implements Rule {

    public static final String KIND = "regex";

    /** The pattern as the engine runs it; a pack's patterns were checked when it was read, so this does not fail. */
    RulePattern compiled() {
        try {
            return RulePattern.compile(pattern);
        } catch (RulePattern.Refused e) {
            throw new IllegalStateException("rule " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }
}
