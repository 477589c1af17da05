package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.language.LanguageDetector;
import org.compliancerunner.language.Languages;

/**
 * The language of each transcript segment: the one the source declared (caption tag, whisper), else detected line
 * by line, so a transcript that switches between Russian and English is analysed as each in its turn.
 */
final class SegmentLanguages {

    private SegmentLanguages() {
    }

    static List<String> of(TranscriptWords words, String declared) {
        int count = words.segments().size();
        String code = declared == null ? null : declared.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (code != null && Languages.isSupported(code)) {
            return java.util.Collections.nCopies(count, code);
        }
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
        String whole = LanguageDetector.detect(all);
        List<String> languages = new ArrayList<>(count);
        for (List<String> segment : bySegment) {
            languages.add(LanguageDetector.detect(segment, whole));
        }
        return languages;
    }
}
