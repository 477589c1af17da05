package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.compliancerunner.language.AnalysedWord;
import org.compliancerunner.language.Languages;
import org.jspecify.annotations.Nullable;

/**
 * A transcript's words analysed in one language mode ("ru", "en"… or "auto": each segment in its own language),
 * indexed by stem, lemma and form, so that hundreds of rules look up their first word instead of scanning.
 */
final class AnalysedTranscript {

    private final TranscriptWords words;
    private final @Nullable String[] languages;
    private final AnalysedWord[] analysed;
    private final Map<String, Map<String, List<Integer>>> index = new HashMap<>();

    AnalysedTranscript(TranscriptWords words, String mode) {
        this.words = words;
        this.languages = new String[words.size()];
        this.analysed = new AnalysedWord[words.size()];
        for (int i = 0; i < words.size(); i++) {
            TranscriptWords.Word word = words.wordAt(i);
            String language = Languages.AUTO.equals(mode) ? words.languageOfWord(i) : mode;
            languages[i] = language;
            analysed[i] = analyse(word.folded(), language);
            Map<String, List<Integer>> byKey = index.computeIfAbsent(String.valueOf(language), l -> new HashMap<>());
            for (String key : analysed[i].keys()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** A word as {@code language} analyses it; without a language (no letters anywhere) its folded form alone. */
    static AnalysedWord analyse(String folded, @Nullable String language) {
        return Languages.analyzer(language).map(a -> a.analyse(folded))
                .orElseGet(() -> new AnalysedWord(folded, folded, Set.of()));
    }

    /** Every place the phrase's words are said in order, at most {@code maxGap} words apart, within one utterance. */
    List<TranscriptWords.Match> phrase(List<String> phraseWords, int maxGap, long fromMs, long toMs) {
        List<TranscriptWords.Match> matches = new ArrayList<>();
        if (phraseWords.isEmpty()) {
            return matches;
        }
        for (int first : places(phraseWords.get(0))) {
            int last = matchFrom(first, phraseWords, maxGap);
            if (last >= 0 && words.overlaps(first, last, fromMs, toMs)) {
                matches.add(new TranscriptWords.Match(first, last));
            }
        }
        return matches;
    }

    /** Each phrase word is analysed in the language of the word it is compared with: a line may mix two. */
    private int matchFrom(int first, List<String> phraseWords, int maxGap) {
        int previous = first;
        for (int k = 1; k < phraseWords.size(); k++) {
            int found = -1;
            for (int j = previous + 1; j <= previous + 1 + maxGap && j < analysed.length; j++) {
                if (!words.sameUtterance(previous, j)) {
                    break;
                }
                if (analyse(phraseWords.get(k), languages[j]).sameWordAs(analysed[j])) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            previous = found;
        }
        return previous;
    }

    /** Places where all {@code nearWords} are said within {@code within} words of each other, in any order. */
    List<TranscriptWords.Match> near(List<String> nearWords, int within) {
        List<TranscriptWords.Match> matches = new ArrayList<>();
        List<TreeSet<Integer>> places = new ArrayList<>();
        TreeSet<Integer> starts = new TreeSet<>();
        for (String word : nearWords) {
            TreeSet<Integer> at = new TreeSet<>(places(word));
            places.add(at);
            starts.addAll(at);
        }
        int lastEnd = -1;
        for (int start : starts) {
            if (start <= lastEnd) {
                continue;
            }
            int end = windowEnd(start, within, places);
            if (end >= 0 && words.sameUtterance(start, end)) {
                matches.add(new TranscriptWords.Match(start, end));
                lastEnd = end;
            }
        }
        return matches;
    }

    /** Where a (folded) rule word is said, in any of the transcript's languages, in order. */
    private TreeSet<Integer> places(String folded) {
        TreeSet<Integer> found = new TreeSet<>();
        for (String language : index.keySet()) {
            found.addAll(candidates(language, analyse(folded, "null".equals(language) ? null : language)));
        }
        return found;
    }

    /** The last word of a window from {@code start} holding every wanted word at a place of its own, or -1. */
    private static int windowEnd(int start, int within, List<TreeSet<Integer>> places) {
        Set<Integer> used = new LinkedHashSet<>();
        int end = start;
        for (TreeSet<Integer> at : places) {
            Integer place = at.ceiling(start);
            while (place != null && used.contains(place)) {
                place = at.higher(place);
            }
            if (place == null || place - start > within) {
                return -1;
            }
            used.add(place);
            end = Math.max(end, place);
        }
        return used.contains(start) ? end : -1;
    }

    /** Words of this language that may be {@code word} (sharing a form, stem or lemma), confirmed, in order. */
    private List<Integer> candidates(String language, AnalysedWord word) {
        Map<String, List<Integer>> byKey = index.getOrDefault(language, Map.of());
        TreeSet<Integer> found = new TreeSet<>();
        for (String key : word.keys()) {
            for (int i : byKey.getOrDefault(key, List.of())) {
                if (word.sameWordAs(analysed[i])) {
                    found.add(i);
                }
            }
        }
        return List.copyOf(found);
    }
}
