package org.compliancerunner.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Flags when none of {@code phrases} is said in the window (a null window means the whole video); phrases are
 * compared by normalised words in {@code language} (null = the pack's), like a phrase rule.
 */
public record RequiredPhraseRule(String id, Severity severity, List<String> phrases, @Nullable Window window,
                                 @Nullable String language)
        implements Rule {

    public static final String KIND = "required-phrase";

    public RequiredPhraseRule {
        phrases = List.copyOf(phrases);
    }

    public RequiredPhraseRule(String id, Severity severity, List<String> phrases, Window window) {
        this(id, severity, phrases, window, null);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
