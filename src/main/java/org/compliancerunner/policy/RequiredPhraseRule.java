package org.compliancerunner.policy;

import java.util.List;

/** Flags when none of {@code phrases} is said in the window; a null window means the whole video. */
public record RequiredPhraseRule(String id, Severity severity, List<String> phrases, Window window) implements Rule {

    public static final String KIND = "required-phrase";

    public RequiredPhraseRule {
        phrases = List.copyOf(phrases);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
