package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.compliancerunner.media.technical.Measurements;
import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptSegment;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Runs a rule pack over one video's transcript and returns its triggers, ordered by start time then rule id. */
@Component
public class PolicyEngine {

    /** The finding for a video whose speech could not be checked. */
    public static final String SPEECH_UNAVAILABLE = "speech.unavailable";

    /** Source of findings that come from the policy itself rather than from a transcript. */
    public static final String POLICY_SOURCE = "policy";

    /** Judges what is said only; technical rules need measurements and give nothing here. */
    public List<Trigger> evaluate(RulePack pack, @Nullable Transcript transcript, long durationMs) {
        return evaluate(pack, transcript, null, durationMs);
    }

    /** Judges what is said and how the video is made, on one timeline. */
    public List<Trigger> evaluate(RulePack pack, @Nullable Transcript transcript, @Nullable Measurements measurements,
                                  long durationMs) {
        List<Trigger> found = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            if (TechnicalFindings.isTechnical(rule)) {
                found.addAll(TechnicalFindings.of(rule, measurements, Math.max(0, durationMs)));
            } else if (CaptionFindings.isCaption(rule)) {
                found.addAll(CaptionFindings.of(rule, measurements, Math.max(0, durationMs)));
            }
        }
        if (transcript == null || !transcript.available()) {
            // nobody may believe speech was checked when it was not
            String note = transcript == null || transcript.note() == null || transcript.note().isBlank()
                    ? "no transcript source for this video" : transcript.note();
            found.add(new Trigger(SPEECH_UNAVAILABLE, 0, Math.max(0, durationMs), Severity.MEDIUM, note,
                    POLICY_SOURCE));
            return merged(found);
        }
        TranscriptWords words = new TranscriptWords(transcript.segments() == null ? List.of() : transcript.segments(),
                transcript.language());
        long videoEnd = durationMs > 0 ? durationMs : lastSegmentEnd(words);
        // one analysis per language mode, shared by every rule in it
        Map<String, AnalysedTranscript> analysed = new HashMap<>();
        for (Rule rule : pack.rules()) {
            checkNotInterrupted();
            if (TechnicalFindings.isTechnical(rule) || CaptionFindings.isCaption(rule)) {
                continue;
            }
            String language = pack.languageOf(rule);
            if (rule instanceof PhraseRule phrase) {
                found.addAll(phrase.exact() ? exactPhraseTriggers(phrase, words)
                        : PhraseTriggers.phrase(phrase, words, analysed.computeIfAbsent(language,
                                l -> new AnalysedTranscript(words, l))));
            } else if (rule instanceof NearRule near) {
                found.addAll(PhraseTriggers.near(near, words,
                        analysed.computeIfAbsent(language, l -> new AnalysedTranscript(words, l))));
            } else if (rule instanceof RegexRule regex) {
                found.addAll(regexTriggers(regex, words));
            } else if (rule instanceof RequiredPhraseRule required) {
                found.addAll(requiredPhraseTriggers(required, words, transcript.source(), videoEnd,
                        analysed.computeIfAbsent(language, l -> new AnalysedTranscript(words, l))));
            } else {
                throw new IllegalStateException("no evaluation for rule kind " + rule.kind());
            }
        }
        return merged(found);
    }

    // each rule and each segment is a safe point where a stopped or timed-out inspection ends
    private static void checkNotInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("judging was interrupted");
        }
    }

    /** Surface matching, as before language analysis: brand names and deliberate misspellings. */
    private static List<Trigger> exactPhraseTriggers(PhraseRule rule, TranscriptWords words) {
        List<Trigger> triggers = new ArrayList<>();
        for (String phrase : rule.phrases()) {
            for (TranscriptWords.Match match : words.find(FoldedText.wordsOf(phrase), Long.MIN_VALUE, Long.MAX_VALUE)) {
                triggers.add(PhraseTriggers.trigger(rule.id(), rule.severity(), words, match,
                        "(phrase \"" + phrase + "\")"));
            }
        }
        return triggers;
    }

    private static List<Trigger> regexTriggers(RegexRule rule, TranscriptWords words) {
        List<Trigger> triggers = new ArrayList<>();
        RulePattern pattern = rule.compiled();
        for (int s = 0; s < words.segments().size(); s++) {
            checkNotInterrupted();
            TranscriptSegment segment = words.segments().get(s);
            FoldedText text = words.folded(s);
            for (RulePattern.Span match : pattern.find(text.text())) {
                int start = text.originalStart(match.start());
                int end = text.originalEnd(match.end());
                TranscriptWords.Match context = words.wordsWithin(s, start, end);
                String matched = segment.text().substring(start, end).replaceAll("\\s+", " ");
                String quote = context == null ? "\"" + matched + "\"" : words.quote(context);
                triggers.add(new Trigger(rule.id(), words.timeAt(s, start), words.timeAt(s, end), rule.severity(),
                        quote + " (matched \"" + matched + "\")", segment.source()));
            }
        }
        return triggers;
    }

    private static List<Trigger> requiredPhraseTriggers(RequiredPhraseRule rule, TranscriptWords words,
                                                        String source, long videoEnd, AnalysedTranscript analysed) {
        long from = rule.window() == null ? 0 : rule.window().startMs(videoEnd);
        long to = rule.window() == null ? videoEnd : rule.window().endMs(videoEnd);
        for (String phrase : rule.phrases()) {
            if (!analysed.phrase(FoldedText.wordsOf(phrase), 0, from, to).isEmpty()) {
                return List.of();
            }
        }
        String required = rule.phrases().stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(" or "));
        String where = rule.window() == null ? "anywhere in the video" : "in " + rule.window().describe();
        return List.of(new Trigger(rule.id(), from, to, rule.severity(),
                "required " + required + " not said " + where + " (" + from + "–" + to + " ms)", source));
    }

    private static long lastSegmentEnd(TranscriptWords words) {
        return words.segments().stream().mapToLong(TranscriptSegment::endMs).max().orElse(0);
    }

    /** One trigger per (rule id, start), because the database keys triggers on them; the worst severity wins. */
    static List<Trigger> merged(List<Trigger> triggers) {
        Map<String, Trigger> byKey = new LinkedHashMap<>();
        for (Trigger trigger : triggers) {
            byKey.merge(trigger.ruleId() + '\u0000' + trigger.startMs(), trigger, PolicyEngine::combine);
        }
        return byKey.values().stream()
                .sorted(Comparator.comparingLong(Trigger::startMs).thenComparing(Trigger::ruleId))
                .toList();
    }

    private static Trigger combine(Trigger a, Trigger b) {
        Severity severity = a.severity().compareTo(b.severity()) >= 0 ? a.severity() : b.severity();
        String evidence = a.evidence().equals(b.evidence()) || a.evidence().contains(b.evidence())
                ? a.evidence() : a.evidence() + "; " + b.evidence();
        return new Trigger(a.ruleId(), a.startMs(), Math.max(a.endMs(), b.endMs()), severity, evidence, a.source());
    }
}
