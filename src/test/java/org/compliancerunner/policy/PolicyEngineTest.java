package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptSegment;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {

    private final PolicyEngine engine = new PolicyEngine();

    private static RulePack pack(Rule... rules) {
        return new RulePack("test", 1, RulePack.checksumOf("x"), "x", Arrays.asList(rules));
    }

    private static PhraseRule phrase(String... phrases) {
        return new PhraseRule("language.test", Severity.HIGH, List.of(phrases));
    }

    private static Transcript said(String... texts) {
        TranscriptSegment[] segments = new TranscriptSegment[texts.length];
        for (int i = 0; i < texts.length; i++) {
            segments[i] = new TranscriptSegment(i * 10_000L, i * 10_000L + 9_000, texts[i], "captions:srt");
        }
        return new Transcript("captions:srt", List.of(segments), null);
    }

    private List<Trigger> evaluate(Rule rule, Transcript transcript) {
        return engine.evaluate(pack(rule), transcript, 120_000);
    }

    @Test
    void phraseMatchesWholeWordsIgnoringCaseAccentsAndCompatibilityForms() {
        assertThat(evaluate(phrase("cafe noir"), said("Un CAFÉ Noir, s'il vous plaît"))).hasSize(1);
        assertThat(evaluate(phrase("café"), said("the cafe is open"))).hasSize(1);
        // NFKC: full-width letters and the "ﬁ" ligature are the letters they look like
        assertThat(evaluate(phrase("damn"), said("ＤＡＭＮ it"))).hasSize(1);
        assertThat(evaluate(phrase("fine"), said("that is ﬁne"))).hasSize(1);
        // case folding: ß and ss compare equal
        assertThat(evaluate(phrase("strasse"), said("Die Straße ist lang"))).hasSize(1);
        // "e" + combining acute accent is folded like the precomposed "é"
        assertThat(evaluate(phrase("cafe"), said("cafe\u0301 society"))).hasSize(1);
    }

    @Test
    void phraseNeverMatchesInsideALongerWord() {
        assertThat(evaluate(phrase("ass"), said("the class passed its assessment", "bass guitar, glass"))).isEmpty();
        assertThat(evaluate(phrase("ass"), said("what an ass."))).hasSize(1);
        assertThat(evaluate(phrase("hell"), said("hello shell hellish"))).isEmpty();
    }

    @Test
    void whitespaceAndPunctuationBetweenPhraseWordsAreTolerated() {
        assertThat(evaluate(phrase("bloody hell"), said(
                "bloody  hell", "bloody-hell", "Bloody... Hell!", "bloody\nhell"))).hasSize(4);
        // but the words must be separate: no separator, no match
        assertThat(evaluate(phrase("bloody hell"), said("bloodyhell"))).isEmpty();
        // hyphen in the rule is a separator too, so "risk-free" and "risk free" are the same phrase
        assertThat(evaluate(phrase("risk-free"), said("it is risk free"))).hasSize(1);
    }

    @Test
    void phraseWorksInNonLatinScripts() {
        // Cyrillic and Greek words are delimited by Unicode letters, not ASCII \b
        assertThat(evaluate(phrase("чёрт"), said("Ну, ЧЁРТ возьми!"))).hasSize(1);
        assertThat(evaluate(phrase("чёрт"), said("чёртик"))).isEmpty();
        assertThat(evaluate(phrase("ΚΑΛΗΜΕΡΑ"), said("καλημέρα σας"))).hasSize(1);
        // Han has no spaces: each ideograph is a word, so a phrase is found inside a sentence
        assertThat(evaluate(phrase("保证收益"), said("我们保证收益很高"))).hasSize(1);
        // Arabic
        assertThat(evaluate(phrase("مضمون"), said("ربح مضمون اليوم"))).hasSize(1);
    }

    @Test
    void evidenceQuotesTheWordsWithContextAndNamesThePhrase() {
        List<Trigger> triggers = evaluate(phrase("for testing"),
                said("Well, now this text is for testing the engine and nothing else"));
        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("language.test");
            assertThat(t.severity()).isEqualTo(Severity.HIGH);
            assertThat(t.source()).isEqualTo("captions:srt");
            assertThat(t.evidence()).isEqualTo("\"…this text is for testing the engine and…\" matched \"for testing\" (phrase \"for testing\")");
        });
    }

    @Test
    void timingIsInterpolatedByCharacterPositionAndStaysInsideTheSegment() {
        // 40 characters over 4 s: 100 ms a character
        String text = "aaaaaaaaa damn bbbbbbbbbbbbbbbbbbb damn";
        Transcript transcript = new Transcript("whisper",
                List.of(new TranscriptSegment(10_000, 10_000 + 100L * text.length(), text, "whisper")), null);
        List<Trigger> triggers = evaluate(phrase("damn"), transcript);
        assertThat(triggers).extracting(Trigger::startMs, Trigger::endMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11_000L, 11_400L),
                org.assertj.core.groups.Tuple.tuple(13_500L, 13_900L));
        assertThat(triggers).allSatisfy(t -> {
            assertThat(t.startMs()).isBetween(10_000L, 13_900L);
            assertThat(t.endMs()).isBetween(t.startMs(), 13_900L);
        });
    }

    @Test
    void phraseSplitAcrossAdjacentCaptionsMatchesAndSpansBoth() {
        Transcript transcript = new Transcript("captions:srt", List.of(
                new TranscriptSegment(1_000, 2_000, "you will get guaranteed", "captions:srt"),
                new TranscriptSegment(2_200, 3_000, "returns on this", "captions:srt")), null);
        List<Trigger> triggers = evaluate(phrase("guaranteed returns"), transcript);
        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.startMs()).isBetween(1_000L, 2_000L);
            assertThat(t.endMs()).isBetween(2_200L, 3_000L);
            assertThat(t.evidence()).startsWith("\"you will get guaranteed returns on this\"");
        });
        // a long pause is a new utterance: no match across it
        Transcript apart = new Transcript("captions:srt", List.of(
                new TranscriptSegment(1_000, 2_000, "guaranteed", "captions:srt"),
                new TranscriptSegment(9_000, 10_000, "returns", "captions:srt")), null);
        assertThat(evaluate(phrase("guaranteed returns"), apart)).isEmpty();
    }

    @Test
    void segmentsOutOfOrderAreReadInTimeOrder() {
        Transcript transcript = new Transcript("captions:srt", List.of(
                new TranscriptSegment(2_200, 3_000, "hell", "captions:srt"),
                new TranscriptSegment(1_000, 2_000, "bloody", "captions:srt")), null);
        assertThat(evaluate(phrase("bloody hell"), transcript)).hasSize(1);
    }

    @Test
    void regexRunsCaseInsensitivelyOnFoldedTextWithUnicodeClasses() {
        RegexRule rule = new RegexRule("claims.guarantee", Severity.MEDIUM, "\\bguaranteed? (results|returns)\\b");
        List<Trigger> triggers = evaluate(rule, said("We offer GUARANTEED   Returns to all", "guaranteedreturns"));
        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.startMs()).isBetween(0L, 9_000L);
            assertThat(t.evidence()).isEqualTo("\"We offer GUARANTEED Returns to all guaranteedreturns\" (matched \"GUARANTEED Returns\")");
            assertThat(t.severity()).isEqualTo(Severity.MEDIUM);
        });
        // \w is Unicode: an accented word is one word, matched after accents are folded
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\bgaranti\\w*"), said("résultat garantié"))).hasSize(1);
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\bgarantié\\b"), said("GARANTIÉ"))).hasSize(1);
    }

    @Test
    void aPatternThatWouldBacktrackForEverIsJudgedAndFindsNothing() {
        // java.util.regex took over 11 minutes on this; a hang here would time the test run out
        List<Trigger> triggers = evaluate(new RegexRule("r", Severity.HIGH, "(.*a){20}z"), said("a".repeat(40)));
        assertThat(triggers).isEmpty();
        assertThat(evaluate(new RegexRule("r", Severity.HIGH, "(.*a){20}z"), said("a".repeat(40) + "z"))).hasSize(1);
    }

    @Test
    void wordClassesAndBoundariesAreUnicodeInEveryScript() {
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\bгарант\\w*\\b"), said("Это ГАРАНТИЯ дохода"))).singleElement()
                .satisfies(t -> assertThat(t.evidence()).endsWith("(matched \"ГАРАНТИЯ\")"));
        // inside a longer Cyrillic word there is no word boundary
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\bгарант"), said("сверхгарантия"))).isEmpty();
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\Bгарант"), said("сверхгарантия"))).hasSize(1);
        // a lazy run up to a boundary extends to the end of the Greek word, as it did with Java's engine
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\bεγγυ\\w*?\\b"), said("με εγγυημένη απόδοση")))
                .singleElement().satisfies(t -> assertThat(t.evidence()).endsWith("(matched \"εγγυημένη\")"));
        // \d is any decimal digit, Arabic-Indic ones too
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "\\d+ ?%"), said("عائد ٣٠ %"))).hasSize(1);
        // ^ stays the start of the text when a match is retried further on
        assertThat(evaluate(new RegexRule("r", Severity.LOW, "^\\bдоход"), said("мой доход"))).isEmpty();
    }

    @Test
    void requiredPhraseAbsentFromTheEndWindowIsFlaggedOverTheWindow() {
        RequiredPhraseRule rule = new RequiredPhraseRule("disclaimer.financial", Severity.HIGH,
                List.of("capital at risk", "your capital is at risk"), new Window(Window.From.END, 30));
        // said at 0-9 s of a 120 s video: outside the last 30 s
        List<Trigger> triggers = evaluate(rule, said("Your capital at risk. Invest now"));
        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.ruleId()).isEqualTo("disclaimer.financial");
            assertThat(t.startMs()).isEqualTo(90_000);
            assertThat(t.endMs()).isEqualTo(120_000);
            assertThat(t.evidence()).isEqualTo("required \"capital at risk\" or \"your capital is at risk\" "
                    + "not said in the last 30 s (90000–120000 ms)");
            assertThat(t.source()).isEqualTo("captions:srt");
        });
    }

    @Test
    void requiredPhrasePresentInTheWindowIsQuiet() {
        RequiredPhraseRule end = new RequiredPhraseRule("disclaimer.financial", Severity.HIGH,
                List.of("capital at risk"), new Window(Window.From.END, 30));
        Transcript transcript = new Transcript("captions:srt", List.of(
                new TranscriptSegment(0, 5_000, "invest with us", "captions:srt"),
                new TranscriptSegment(95_000, 99_000, "Capital at risk.", "captions:srt")), null);
        assertThat(engine.evaluate(pack(end), transcript, 120_000)).isEmpty();

        RequiredPhraseRule start = new RequiredPhraseRule("disclaimer.intro", Severity.LOW,
                List.of("paid promotion"), new Window(Window.From.START, 10));
        assertThat(engine.evaluate(pack(start), transcript, 120_000))
                .singleElement().satisfies(t -> {
                    assertThat(t.startMs()).isZero();
                    assertThat(t.endMs()).isEqualTo(10_000);
                    assertThat(t.evidence()).contains("in the first 10 s");
                });
        Transcript withIntro = new Transcript("captions:srt", List.of(
                new TranscriptSegment(8_000, 12_000, "this is a paid promotion", "captions:srt")), null);
        assertThat(engine.evaluate(pack(start), withIntro, 120_000)).isEmpty();
    }

    @Test
    void requiredPhraseWithoutWindowLooksAtTheWholeVideo() {
        RequiredPhraseRule anywhere = new RequiredPhraseRule("disclaimer.terms", Severity.LOW,
                List.of("terms apply"), null);
        assertThat(evaluate(anywhere, said("nothing here", "terms apply"))).isEmpty();
        assertThat(evaluate(anywhere, said("nothing here"))).singleElement().satisfies(t -> {
            assertThat(t.startMs()).isZero();
            assertThat(t.endMs()).isEqualTo(120_000);
            assertThat(t.evidence()).contains("anywhere in the video");
        });
    }

    @Test
    void unavailableSpeechIsOneFindingAndNothingElse() {
        RulePack pack = pack(phrase("damn"),
                new RequiredPhraseRule("disclaimer", Severity.HIGH, List.of("capital at risk"), null));
        List<Trigger> triggers = engine.evaluate(pack, Transcript.unavailable("no captions and no speech engine"), 60_000);
        assertThat(triggers).containsExactly(new Trigger(PolicyEngine.SPEECH_UNAVAILABLE, 0, 60_000, Severity.MEDIUM,
                "no captions and no speech engine", "policy"));
        assertThat(PolicyEngine.SPEECH_UNAVAILABLE).isEqualTo("speech.unavailable");
    }

    @Test
    void duplicatesOfARuleAtOneStartAreMergedAndOrderIsByStartThenRule() {
        // "damn" and "damn it" start at the same word: the database keys triggers on (rule, start)
        RulePack pack = pack(new PhraseRule("b.rule", Severity.LOW, List.of("damn", "damn it")),
                new PhraseRule("a.rule", Severity.HIGH, List.of("damn")));
        List<Trigger> triggers = engine.evaluate(pack, said("oh damn it", "damn"), 30_000);
        assertThat(triggers).extracting(Trigger::ruleId, Trigger::startMs).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.rule", triggers.get(0).startMs()),
                org.assertj.core.groups.Tuple.tuple("b.rule", triggers.get(0).startMs()),
                org.assertj.core.groups.Tuple.tuple("a.rule", 10_000L),
                org.assertj.core.groups.Tuple.tuple("b.rule", 10_000L));
        Trigger merged = triggers.get(1);
        assertThat(merged.evidence()).contains("(phrase \"damn\")").contains("(phrase \"damn it\")");
        assertThat(merged.endMs()).isEqualTo(9_000);
    }

    @Test
    void mergeKeepsTheWorstSeverityAndTheLatestEnd() {
        List<Trigger> merged = PolicyEngine.merged(List.of(
                new Trigger("r", 100, 200, Severity.LOW, "a", "s"),
                new Trigger("r", 100, 500, Severity.CRITICAL, "b", "s"),
                new Trigger("r", 50, 60, Severity.INFO, "c", "s")));
        assertThat(merged).containsExactly(
                new Trigger("r", 50, 60, Severity.INFO, "c", "s"),
                new Trigger("r", 100, 500, Severity.CRITICAL, "a; b", "s"));
    }
}
