package org.compliancerunner.language;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells the language of a piece of text that carries no language tag (a caption file without one): first by
 * script (Cyrillic, Latin, Greek, Arabic…), then among the languages of that script by how many of the words are
 * that language's stop words (Lucene's lists). Returns null when the text has no letters of a known script.
 */
public final class LanguageDetector {

    /** The language assumed for a script when no stop word decides (the most used one with an analyzer). */
    private static final Map<Character.UnicodeScript, String> SCRIPT_DEFAULT = Map.ofEntries(
            Map.entry(Character.UnicodeScript.CYRILLIC, "ru"), Map.entry(Character.UnicodeScript.LATIN, "en"),
            Map.entry(Character.UnicodeScript.GREEK, "el"), Map.entry(Character.UnicodeScript.ARABIC, "ar"),
            Map.entry(Character.UnicodeScript.ARMENIAN, "hy"), Map.entry(Character.UnicodeScript.DEVANAGARI, "hi"),
            Map.entry(Character.UnicodeScript.BENGALI, "bn"), Map.entry(Character.UnicodeScript.TAMIL, "ta"),
            Map.entry(Character.UnicodeScript.TELUGU, "te"));

    private static final Map<Character.UnicodeScript, Map<String, Set<String>>> STOP_WORDS = stopWordsByScript();

    private static final Map<String, Character.UnicodeScript> SCRIPT_OF = scriptOfLanguages();

    private LanguageDetector() {
    }

    /** The language of lower-case words; null when none of them is in a script we know. */
    public static @Nullable String detect(List<String> words) {
        return detect(words, null);
    }

    /**
     * As {@link #detect(List)}, but when no stop word decides and {@code fallback} (the whole transcript's language)
     * is written in the same script, the fallback: a short caption line says too little on its own.
     */
    public static @Nullable String detect(List<String> words, @Nullable String fallback) {
        Character.UnicodeScript script = dominantScript(words);
        List<String> bareWords = words.stream().map(LanguageDetector::bare).toList();
        if (script == null) {
            return fallback;
        }
        Map<String, Set<String>> candidates = STOP_WORDS.getOrDefault(script, Map.of());
        String preferred = fallback != null && candidates.containsKey(fallback) ? fallback : SCRIPT_DEFAULT.get(script);
        int preferredHits = hits(bareWords, candidates.getOrDefault(preferred, Set.of()));
        String best = preferred;
        int bestHits = preferredHits;
        for (Map.Entry<String, Set<String>> candidate : candidates.entrySet()) {
            int hits = hits(bareWords, candidate.getValue());
            // the transcript's (or the script's) language keeps a line unless another has two more stop words in it
            if (hits > bestHits && hits >= preferredHits + 2) {
                best = candidate.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    /**
     * The language to analyse one word in: its line's, unless the word is written in another script (a Russian name
     * in an English line, an English title in a Russian one), then the transcript's language for that script, else
     * the script's usual language; null when nothing fits (the word is then compared as written).
     */
    public static @Nullable String forWord(String word, @Nullable String lineLanguage,
                                           @Nullable String transcriptLanguage) {
        Character.UnicodeScript script = null;
        for (int i = 0; i < word.length() && script == null; i++) {
            if (Character.isLetter(word.charAt(i))) {
                script = Character.UnicodeScript.of(word.codePointAt(i));
            }
        }
        if (script == null || script == SCRIPT_OF.get(lineLanguage)) {
            return lineLanguage;
        }
        if (script == SCRIPT_OF.get(transcriptLanguage)) {
            return transcriptLanguage;
        }
        return SCRIPT_DEFAULT.getOrDefault(script, lineLanguage);
    }

    private static Map<String, Character.UnicodeScript> scriptOfLanguages() {
        Map<String, Character.UnicodeScript> scripts = new HashMap<>();
        STOP_WORDS.forEach((script, languages) -> languages.keySet().forEach(code -> scripts.put(code, script)));
        return scripts;
    }

    /** Distinct stop words of the language in the text: one word said over and over is weak evidence. */
    private static int hits(List<String> bareWords, Set<String> stopWords) {
        Set<String> found = new HashSet<>();
        for (String word : bareWords) {
            if (stopWords.contains(word)) {
                found.add(word);
            }
        }
        return found.size();
    }

    private static Character.@Nullable UnicodeScript dominantScript(List<String> words) {
        Map<Character.UnicodeScript, Integer> letters = new HashMap<>();
        for (String word : words) {
            word.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                    .filter(SCRIPT_DEFAULT::containsKey)
                    .forEach(script -> letters.merge(script, 1, Integer::sum));
        }
        return letters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static Map<Character.UnicodeScript, Map<String, Set<String>>> stopWordsByScript() {
        Map<Character.UnicodeScript, Map<String, Set<String>>> byScript = new HashMap<>();
        for (Languages.Support support : Languages.all().values()) {
            Set<String> words = new HashSet<>();
            for (Object word : support.stopWords().get()) {
                words.add(bare(new String((char[]) word)));
            }
            Character.UnicodeScript script = dominantScript(List.copyOf(words));
            if (script != null) {
                byScript.computeIfAbsent(script, s -> new HashMap<>()).put(support.code(), words);
            }
        }
        return byScript;
    }

    /** Without accents or ё, as stop lists and folded transcripts may spell a word either way. */
    private static String bare(String word) {
        if (word.chars().allMatch(c -> c < 0x80)) {
            return word;
        }
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
