package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.List;

/** Triggers of the word rules ({@code phrase}, {@code near}), with evidence that quotes what was actually said. */
final class PhraseTriggers {

    private PhraseTriggers() {
    }

    static List<Trigger> phrase(PhraseRule rule, TranscriptWords words, AnalysedTranscript analysed) {
        List<Trigger> triggers = new ArrayList<>();
        for (String phrase : rule.phrases()) {
            for (TranscriptWords.Match match : analysed.phrase(FoldedText.wordsOf(phrase), rule.maxGap(),
                    Long.MIN_VALUE, Long.MAX_VALUE)) {
                triggers.add(trigger(rule.id(), rule.severity(), words, match, "(phrase \"" + phrase + "\")"));
            }
        }
        return triggers;
    }

    static List<Trigger> near(NearRule rule, TranscriptWords words, AnalysedTranscript analysed) {
        List<String> folded = rule.words().stream().flatMap(w -> FoldedText.wordsOf(w).stream()).toList();
        String label = "(near " + String.join(", ", rule.words()) + " within " + rule.within() + " words)";
        return analysed.near(folded, rule.within()).stream()
                .map(match -> trigger(rule.id(), rule.severity(), words, match, label))
                .toList();
    }

    /** {@code "…context…" matched "what was said" (phrase "as the rule says")}. */
    static Trigger trigger(String ruleId, Severity severity, TranscriptWords words, TranscriptWords.Match match,
                           String rulePart) {
        String source = words.segments().get(words.wordAt(match.first()).segment()).source();
        String evidence = words.quote(match) + " matched \"" + words.said(match) + "\" " + rulePart;
        return new Trigger(ruleId, words.startMs(match), words.endMs(match), severity, evidence, source);
    }
}
