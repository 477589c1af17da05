package org.compliancerunner.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Flags where all of {@code words} are said within {@code within} words of each other, in any order ("guaranteed …
 * returns"), each compared by its normalised form in {@code language} (null = the pack's).
 */
public record NearRule(String id, Severity severity, List<String> words, int within, @Nullable String language) implements Rule {

    public static final String KIND = "near";

    public NearRule {
        words = List.copyOf(words);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
