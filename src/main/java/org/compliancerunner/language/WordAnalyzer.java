package org.compliancerunner.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.jspecify.annotations.Nullable;

/**
 * The analysis one language gives a word: its Lucene analyzer's stem and, where a dictionary exists, its lemmas.
 * Rule phrases and transcripts go through the same instance, so they always compare like with like. Thread-safe.
 */
public final class WordAnalyzer {

    /** Transcripts repeat words; beyond this many distinct forms the memo starts over rather than grow. */
    private static final int MEMO_LIMIT = 200_000;

    private final String language;
    private final Analyzer stemmer;
    private final @Nullable LemmaDictionary dictionary;
    private final ConcurrentHashMap<String, AnalysedWord> memo = new ConcurrentHashMap<>();

    WordAnalyzer(String language, Analyzer stemmer, @Nullable LemmaDictionary dictionary) {
        this.language = language;
        this.stemmer = stemmer;
        this.dictionary = dictionary;
    }

    public String language() {
        return language;
    }

    /** Whether lemmas come from a dictionary (not only a stemmer). */
    public boolean lemmatises() {
        return dictionary != null;
    }

    /** Analyses one word that is already NFKC-normalised and case-folded (see the policy's folding). */
    public AnalysedWord analyse(String foldedWord) {
        AnalysedWord known = memo.get(foldedWord);
        if (known != null) {
            return known;
        }
        if (memo.size() > MEMO_LIMIT) {
            memo.clear();
        }
        String word = normalise(foldedWord);
        Set<String> lemmas = dictionary == null ? Set.of() : dictionary.lemmas(word);
        AnalysedWord analysed = new AnalysedWord(word, stem(word), lemmas);
        memo.put(foldedWord, analysed);
        return analysed;
    }

    /** ё and е are one letter in ordinary Russian writing (and in its dictionaries). */
    static String normalise(String word) {
        return word.indexOf('ё') < 0 ? word : word.replace('ё', 'е');
    }

    private String stem(String word) {
        StringBuilder stem = new StringBuilder(word.length());
        try (TokenStream tokens = stemmer.tokenStream("word", word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stem.append(term);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse \"" + word + "\" as " + language, e);
        }
        // an analyzer that drops the word (an elision, say) leaves the word itself to compare
        return stem.length() == 0 ? word : stem.toString();
    }
}
