package org.compliancerunner.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Text as rules see it: NFKC, case-folded, Latin and Greek accents removed, runs of white space made one space.
 * Keeps, for every folded character, the range of the original text it came from, so a match found in the
 * folded text can be quoted and timed in the original.
 */
final class FoldedText {

    /** A word of the folded text: a run of letters, digits and marks, or a single ideograph / kana. */
    record Span(int start, int end) {
    }

    private final String original;
    private final String text;
    private final int[] from;
    private final int[] to;

    private FoldedText(String original, String text, int[] from, int[] to) {
        this.original = original;
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static FoldedText of(@Nullable String original) {
        String source = original == null ? "" : original;
        StringBuilder out = new StringBuilder(source.length());
        int[] from = new int[source.length() * 2 + 4];
        int[] to = new int[from.length];
        int i = 0;
        while (i < source.length()) {
            // a base character and the marks on it are folded together, so "e" + U+0301 folds like "é"
            int end = i + Character.charCount(source.codePointAt(i));
            while (end < source.length() && isMark(source.codePointAt(end))) {
                end += Character.charCount(source.codePointAt(end));
            }
            for (char c : fold(source.substring(i, end)).toCharArray()) {
                boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
                if (space && out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    to[out.length() - 1] = end;
                    continue;
                }
                if (out.length() == from.length) {
                    from = Arrays.copyOf(from, from.length * 2);
                    to = Arrays.copyOf(to, to.length * 2);
                }
                from[out.length()] = i;
                to[out.length()] = end;
                out.append(space ? ' ' : c);
            }
            i = end;
        }
        return new FoldedText(source, out.toString(), Arrays.copyOf(from, out.length()), Arrays.copyOf(to, out.length()));
    }

    /** NFKC, full case folding (ß and ss compare equal), accents removed. */
    static String fold(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // upper then lower folds ß→ss, ς→σ and ﬀ-like forms that lower case alone keeps apart
        String cased = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return foldAccents(cased);
    }

    /** Removes accents from Latin and Greek letters; other scripts keep their marks, which carry meaning. */
    static String foldAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (!isMark(cp)) {
                base = Character.UnicodeScript.of(cp);
                out.appendCodePoint(cp);
            } else if (base != Character.UnicodeScript.LATIN && base != Character.UnicodeScript.GREEK
                    && !(base == Character.UnicodeScript.CYRILLIC && (cp == 0x0301 || cp == 0x0300))) {
                // Cyrillic stress marks (бо́льшая) are pronunciation hints, not letters; й and ё keep their marks
                out.appendCodePoint(cp);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** The folded words of a phrase, e.g. "Bloody-Hell!" → [bloody, hell]. */
    static List<String> wordsOf(String phrase) {
        FoldedText folded = of(phrase);
        return folded.words().stream().map(w -> folded.text().substring(w.start(), w.end())).toList();
    }

    String text() {
        return text;
    }

    String original() {
        return original;
    }

    /** Where folded character {@code index} starts in the original text. */
    int originalStart(int index) {
        return from[index];
    }

    /** Where the folded character before {@code endIndex} ends in the original text. */
    int originalEnd(int endIndex) {
        return to[endIndex - 1];
    }

    /**
     * Words by Unicode letters, digits and marks (not ASCII \b). Han and kana have no spaces between words, so
     * each of their characters is a word of its own and a phrase in them matches inside a sentence.
     */
    List<Span> words() {
        List<Span> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean wordChar = Character.isLetterOrDigit(cp) || isMark(cp);
            boolean ideograph = wordChar && isIdeographic(cp);
            if (start >= 0 && (!wordChar || ideograph)) {
                words.add(new Span(start, i));
                start = -1;
            }
            if (ideograph) {
                words.add(new Span(i, next));
            } else if (wordChar && start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            words.add(new Span(start, text.length()));
        }
        return words;
    }

    private static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
