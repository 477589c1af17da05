package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.language.LanguageDetector;
import org.compliancerunner.language.Languages;
import org.jspecify.annotations.Nullable;

/**
 * The language of each transcript word: its segment's, which the source declared (caption tag, whisper) or which is
 * detected line by line, so a transcript that switches between Russian and English is analysed as each in its turn;
 * a word in another script than its line's language takes a language of its own script.
 */
final class SegmentLanguages {

    private SegmentLanguages() {
    }

    static List<@Nullable String> of(TranscriptWords words, @Nullable String declared) {
        int count = words.segments().size();
        String code = declared == null ? null : declared.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        List<List<String>> bySegment = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            bySegment.add(new ArrayList<>());
        }
        for (int i = 0; i < words.size(); i++) {
            TranscriptWords.Word word = words.wordAt(i);
            bySegment.get(word.segment()).add(word.folded());
            all.add(word.folded());
        }
        boolean declaredUsable = code != null && Languages.isSupported(code);
        String whole = declaredUsable ? code : LanguageDetector.detect(all);
        List<String> lines = new ArrayList<>(count);
        for (List<String> segment : bySegment) {
            lines.add(declaredUsable ? code : LanguageDetector.detect(segment, whole));
        }
        List<String> languages = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            TranscriptWords.Word word = words.wordAt(i);
            languages.add(LanguageDetector.forWord(word.folded(), lines.get(word.segment()), whole));
        }
        return languages;
    }
}
