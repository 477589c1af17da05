package org.compliancerunner.policy;

import java.util.List;

/** Flags each whole-word occurrence of any of {@code phrases} (case, accents and punctuation between words ignored). */
public record PhraseRule(String id, Severity severity, List<String> phrases) implements Rule {

    public static final String KIND = "phrase";

    public PhraseRule {
        phrases = List.copyOf(phrases);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
