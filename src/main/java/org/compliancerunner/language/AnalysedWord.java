package org.compliancerunner.language;

import java.util.HashSet;
import java.util.Set;

/**
 * One word after language analysis: its stem (Lucene) and, when the language has a dictionary and knows the word,
 * its possible lemmas. {@code lemmas} is empty for a word the dictionary does not know.
 */
public record AnalysedWord(String normalised, String stem, Set<String> lemmas) {

    public AnalysedWord {
        lemmas = Set.copyOf(lemmas);
    }

    /**
     * The same word in another form. Two known words must share a lemma (stems collide across lemmas: "стали" is
     * both "стать" and "сталь"); a word the dictionary lacks falls back to the stem, which still joins inflections.
     */
    public boolean sameWordAs(AnalysedWord other) {
        if (normalised.equals(other.normalised)) {
            return true;
        }
        if (!lemmas.isEmpty() && !other.lemmas.isEmpty()) {
            for (String lemma : lemmas) {
                if (other.lemmas.contains(lemma)) {
                    return true;
                }
            }
            return false;
        }
        return stem.equals(other.stem);
    }

    /** Keys under which a word is indexed so candidates for {@link #sameWordAs} can be looked up, not scanned. */
    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        keys.add("w:" + normalised);
        keys.add("s:" + stem);
        for (String lemma : lemmas) {
            keys.add("l:" + lemma);
        }
        return keys;
    }
}
