package org.compliancerunner.policy;

import java.util.regex.Pattern;

/** Flags each match of a Java regular expression in a segment's folded text (lower case, accents removed). */
public record RegexRule(String id, Severity severity, String pattern) implements Rule {

    public static final String KIND = "regex";

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** The pattern as the engine runs it; accents are folded like the text it is matched against. */
    public Pattern compiled() {
        return Pattern.compile(FoldedText.foldAccents(pattern), FLAGS);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
