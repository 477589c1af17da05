package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.compliancerunner.speech.TranscriptSegment;
import org.jspecify.annotations.Nullable;

/**
 * The folded words of a transcript in time order, each tied back to its segment and its place in the segment's
 * original text, so a phrase can be found across caption line breaks, timed and quoted.
 */
final class TranscriptWords {

    /** Captions split a sentence over cues with at most a short pause; a longer gap is a new utterance. */
    static final long MAX_GAP_MS = 1500;

    private static final int CONTEXT_WORDS = 3;

    /** A folded word; {@code start}/{@code end} index the segment's original text. */
    record Word(String folded, int segment, int start, int end) {
    }

    /** Words {@code first..last} (inclusive) of the transcript. */
    record Match(int first, int last) {
    }

    private final List<TranscriptSegment> segments;
    private final List<FoldedText> folded;
    private final List<Word> words = new ArrayList<>();
    private final @Nullable String declaredLanguage;
    private @Nullable List<@Nullable String> languages;

    TranscriptWords(List<TranscriptSegment> segments) {
        this(segments, null);
    }

    /** {@code declaredLanguage}: the transcript's own language when its source said it, else null to detect it. */
    TranscriptWords(List<TranscriptSegment> segments, @Nullable String declaredLanguage) {
        this.segments = segments.stream()
                .sorted(Comparator.comparingLong(TranscriptSegment::startMs).thenComparingLong(TranscriptSegment::endMs))
                .toList();
        this.folded = this.segments.stream().map(s -> FoldedText.of(s.text())).toList();
        for (int s = 0; s < this.segments.size(); s++) {
            FoldedText text = folded.get(s);
            for (FoldedText.Span span : text.words()) {
                words.add(new Word(text.text().substring(span.start(), span.end()), s,
                        text.originalStart(span.start()), text.originalEnd(span.end())));
            }
        }
        this.declaredLanguage = declaredLanguage;
    }

    int size() {
        return words.size();
    }

    /** The language of word {@code index}: declared or detected (null when nothing in the transcript has letters). */
    @Nullable String languageOfWord(int index) {
        // detected on first use: surface-only packs never need it
        if (languages == null) {
            languages = SegmentLanguages.of(this, declaredLanguage);
        }
        return languages.get(index);
    }

    /** Whether words {@code earlier} and {@code later} belong to one utterance (no long pause between their segments). */
    boolean sameUtterance(int earlier, int later) {
        for (int i = earlier + 1; i <= later; i++) {
            int a = words.get(i - 1).segment();
            int b = words.get(i).segment();
            if (a != b && !adjacent(a, b)) {
                return false;
            }
        }
        return true;
    }

    /** The words {@code first..last} as said, in their original spelling. */
    String said(Match match) {
        StringBuilder said = new StringBuilder();
        int i = match.first();
        while (i <= match.last()) {
            int segment = words.get(i).segment();
            int j = i;
            while (j + 1 <= match.last() && words.get(j + 1).segment() == segment) {
                j++;
            }
            if (i > match.first()) {
                said.append(' ');
            }
            said.append(segments.get(segment).text(), words.get(i).start(), words.get(j).end());
            i = j + 1;
        }
        return said.toString().replaceAll("\\s+", " ");
    }

    List<TranscriptSegment> segments() {
        return segments;
    }

    FoldedText folded(int segment) {
        return folded.get(segment);
    }

    /** Every occurrence of the phrase's words in segments that overlap [fromMs, toMs]. */
    List<Match> find(List<String> phraseWords, long fromMs, long toMs) {
        List<Match> matches = new ArrayList<>();
        if (phraseWords.isEmpty()) {
            return matches;
        }
        for (int first = 0; first + phraseWords.size() <= words.size(); first++) {
            if (matchesAt(first, phraseWords, fromMs, toMs)) {
                matches.add(new Match(first, first + phraseWords.size() - 1));
            }
        }
        return matches;
    }

    private boolean matchesAt(int first, List<String> phraseWords, long fromMs, long toMs) {
        for (int k = 0; k < phraseWords.size(); k++) {
            Word word = words.get(first + k);
            if (!word.folded().equals(phraseWords.get(k)) || !overlaps(segments.get(word.segment()), fromMs, toMs)) {
                return false;
            }
            if (k > 0 && word.segment() != words.get(first + k - 1).segment()
                    && !adjacent(words.get(first + k - 1).segment(), word.segment())) {
                return false;
            }
        }
        return true;
    }

    private boolean adjacent(int earlier, int later) {
        return later == earlier + 1 && segments.get(later).startMs() - segments.get(earlier).endMs() <= MAX_GAP_MS;
    }

    /** Whether the segments of words {@code first} and {@code last} overlap [fromMs, toMs]. */
    boolean overlaps(int first, int last, long fromMs, long toMs) {
        return overlaps(segments.get(words.get(first).segment()), fromMs, toMs)
                && overlaps(segments.get(words.get(last).segment()), fromMs, toMs);
    }

    private static boolean overlaps(TranscriptSegment segment, long fromMs, long toMs) {
        return segment.startMs() <= toMs && segment.endMs() >= fromMs;
    }

    Word wordAt(int index) {
        return words.get(index);
    }

    long startMs(Match match) {
        Word word = words.get(match.first());
        return timeAt(word.segment(), word.start());
    }

    long endMs(Match match) {
        Word word = words.get(match.last());
        return Math.max(startMs(match), timeAt(word.segment(), word.end()));
    }

    /** Time of a character position, interpolated over the segment and never outside it. */
    long timeAt(int segment, int charIndex) {
        TranscriptSegment s = segments.get(segment);
        long end = Math.max(s.startMs(), s.endMs());
        int length = s.text() == null ? 0 : s.text().length();
        if (length == 0) {
            return s.startMs();
        }
        long at = s.startMs() + Math.round((double) (end - s.startMs()) * charIndex / length);
        return Math.min(end, Math.max(s.startMs(), at));
    }

    /** The words overlapping [start, end) of a segment's original text, or null when none does. */
    @Nullable Match wordsWithin(int segment, int start, int end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (word.segment() == segment && word.end() > start && word.start() < end) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? null : new Match(first, last);
    }

    /** The matched words with a few words either side, in the original spelling: "…this text is for testing the…". */
    String quote(Match match) {
        int from = Math.max(0, match.first() - CONTEXT_WORDS);
        int to = Math.min(words.size() - 1, match.last() + CONTEXT_WORDS);
        StringBuilder quote = new StringBuilder(from > 0 ? "\"…" : "\"");
        int i = from;
        while (i <= to) {
            int segment = words.get(i).segment();
            int j = i;
            while (j + 1 <= to && words.get(j + 1).segment() == segment) {
                j++;
            }
            if (i > from) {
                quote.append(' ');
            }
            quote.append(segments.get(segment).text(), words.get(i).start(), words.get(j).end());
            i = j + 1;
        }
        quote.append(to < words.size() - 1 ? "…\"" : "\"");
        return quote.toString().replaceAll("\\s+", " ");
    }
}
