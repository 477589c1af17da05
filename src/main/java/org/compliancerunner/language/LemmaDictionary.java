package org.compliancerunner.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * A morfologik word-form → lemma dictionary (LanguageTool's, read from the classpath). Lookups go through one
 * {@link DictionaryLookup} per thread, because a lookup object reuses its buffers and is not thread-safe.
 */
final class LemmaDictionary {

    private final ThreadLocal<DictionaryLookup> lookup;

    private LemmaDictionary(Dictionary dictionary) {
        this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    }

    /** The dictionary at {@code resource} (its {@code .info} file beside it). */
    static LemmaDictionary load(String resource) {
        URL url = LemmaDictionary.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("classpath:" + resource + " is missing from the application");
        }
        try {
            return new LemmaDictionary(Dictionary.read(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dictionary classpath:" + resource, e);
        }
    }

    /** The lemmas of a lower-case word form, lower-cased; a capitalised entry (a name) is tried too. */
    Set<String> lemmas(String word) {
        Set<String> lemmas = new LinkedHashSet<>();
        add(lemmas, word);
        if (lemmas.isEmpty() && !word.isEmpty()) {
            add(lemmas, word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return lemmas;
    }

    private void add(Set<String> lemmas, String form) {
        List<WordData> found = lookup.get().lookup(form);
        for (WordData data : found) {
            CharSequence stem = data.getStem();
            if (stem != null && stem.length() > 0) {
                lemmas.add(WordAnalyzer.normalise(stem.toString().toLowerCase(Locale.ROOT)));
            }
        }
    }
}
