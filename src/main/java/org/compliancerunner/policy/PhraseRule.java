package org.compliancerunner.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Flags each occurrence of any of {@code phrases}: the words in order, each compared by its normalised form (stem or
 * lemma in {@code language}, null = the pack's), with up to {@code maxGap} other words between them. {@code exact}
 * compares the surface words instead (case, accents and punctuation still ignored), for brand names and misspellings.
 */
public record PhraseRule(String id, Severity severity, List<String> phrases, @Nullable String language, boolean exact,
                         int maxGap) implements Rule {

    public static final String KIND = "phrase";

    public PhraseRule {
        phrases = List.copyOf(phrases);
    }

    /** Adjacent words in the pack's language. */
    public PhraseRule(String id, Severity severity, List<String> phrases) {
        this(id, severity, phrases, null, false, 0);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
