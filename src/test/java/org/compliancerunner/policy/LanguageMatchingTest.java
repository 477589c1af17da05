package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phrase, near and required-phrase rules compared by normalised words: stems and lemmas per language. */
class LanguageMatchingTest {

    private final PolicyEngine engine = new PolicyEngine();

    private static RulePack pack(String language, Rule... rules) {
        return new RulePack("test", 1, RulePack.checksumOf("x"), "x", List.of(rules), language);
    }

    private static Transcript said(String... texts) {
        TranscriptSegment[] segments = new TranscriptSegment[texts.length];
        for (int i = 0; i < texts.length; i++) {
            segments[i] = new TranscriptSegment(i * 10_000L, i * 10_000L + 9_000, texts[i], "captions:srt");
        }
        return new Transcript("captions:srt", List.of(segments), null);
    }

    private List<Trigger> evaluate(String language, Rule rule, Transcript transcript) {
        return engine.evaluate(pack(language, rule), transcript, 120_000);
    }

    private static PhraseRule phrase(String phrase) {
        return new PhraseRule("claims.test", Severity.HIGH, List.of(phrase));
    }

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            гарантированный доход | Наш фонд обещает гарантированного дохода каждому | гарантированного дохода
            гарантированный доход | Гарантированные доходы.                          | Гарантированные доходы
            елки                  | Ёлки, это без риска!                              | Ёлки
            guaranteed return     | We are guaranteeing returns                       | guaranteeing returns
            risk free investment  | risk-free investments                             | risk-free investments
            """)
    void theIssuesTableIsFoundWithLanguageAuto(String rulePhrase, String caption, String matched) {
        List<Trigger> found = evaluate("auto", phrase(rulePhrase), said(caption));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).matchedText()).isEqualTo(matched);
    }

    @Test
    void russianLemmasJoinSuppletiveFormsThatStemsCannot() {
        // "люди" is the plural of "человек": no stemmer joins them, the dictionary does
        assertThat(evaluate("ru", phrase("хороший человек"), said("Там были хорошие люди"))).hasSize(1);
        // English irregular verbs: "went" is "go"
        assertThat(evaluate("en", phrase("go home"), said("Then he went home"))).hasSize(1);
    }

    @Test
    void differentWordsWithTheSameStemAreNotTheSamePhrase() {
        // "стали" (became) and "сталь" (steel) share a stem; the dictionary tells them apart in the phrase
        assertThat(evaluate("ru", phrase("сталь высокий"), said("они стали высокими"))).hasSize(1);
        assertThat(evaluate("ru", phrase("доход"), said("доходчиво объяснил"))).isEmpty();
    }

    @Test
    void evidenceShowsWhatWasSaidAndTheRulePhrase() {
        Trigger trigger = evaluate("ru", phrase("гарантированный доход"),
                said("Наш фонд обещает гарантированного дохода каждому")).get(0);

        assertThat(trigger.evidence()).endsWith(
                "matched \"гарантированного дохода\" (phrase \"гарантированный доход\")");
        assertThat(trigger.matchedText()).isEqualTo("гарантированного дохода");
    }

    @Test
    void exactPhraseKeepsSurfaceMatching() {
        PhraseRule exact = new PhraseRule("brand", Severity.LOW, List.of("Acme Returns"), null, true, 0);

        assertThat(evaluate("en", exact, said("Acme Returns is a brand"))).hasSize(1);
        assertThat(evaluate("en", exact, said("Acme returned the goods"))).isEmpty();
        // the same phrase without exact: "returned" is a form of "return"
        assertThat(evaluate("en", phrase("acme return"), said("Acme returned the goods"))).hasSize(1);
    }

    @Test
    void maxGapAllowsThatManyWordsBetweenThePhrasesWords() {
        PhraseRule adjacent = new PhraseRule("g", Severity.LOW, List.of("guaranteed return"), null, false, 0);
        PhraseRule gapTwo = new PhraseRule("g", Severity.LOW, List.of("guaranteed return"), null, false, 2);
        Transcript twoBetween = said("guaranteed and high returns");
        Transcript threeBetween = said("guaranteed and very high returns");

        assertThat(evaluate("en", adjacent, twoBetween)).isEmpty();
        assertThat(evaluate("en", gapTwo, twoBetween)).hasSize(1);
        assertThat(evaluate("en", gapTwo, threeBetween)).isEmpty();
        // still in order: the gap does not let the words swap
        assertThat(evaluate("en", gapTwo, said("returns are guaranteed"))).isEmpty();
    }

    @Test
    void nearFindsTheWordsInEitherOrderWithinTheDistance() {
        NearRule near = new NearRule("claims.near", Severity.MEDIUM, List.of("guarantee", "return"), 4, null);

        assertThat(evaluate("en", near, said("we guarantee you strong returns"))).hasSize(1);
        assertThat(evaluate("en", near, said("returns like these are guaranteed"))).hasSize(1);
        assertThat(evaluate("en", near, said("returns are what a fund like ours never guarantees"))).isEmpty();
        assertThat(evaluate("en", near, said("we guarantee nothing"))).isEmpty();
    }

    @Test
    void nearInRussianMatchesInflectedWords() {
        NearRule near = new NearRule("claims.near", Severity.MEDIUM, List.of("гарантировать", "доход"), 3, null);

        assertThat(evaluate("ru", near, said("Доходы мы гарантируем"))).hasSize(1);
    }

    @Test
    void languageAutoAnalysesEachSentenceInItsOwnLanguage() {
        Transcript mixed = said("Наш фонд обещает гарантированного дохода каждому.",
                "And we are guaranteeing returns to everyone.");
        RulePack pack = pack("auto", phrase("гарантированный доход"),
                new PhraseRule("claims.en", Severity.HIGH, List.of("guaranteed return")));

        List<Trigger> found = engine.evaluate(pack, mixed, 20_000);

        assertThat(found).extracting(Trigger::ruleId).containsExactly("claims.test", "claims.en");
        assertThat(found).extracting(Trigger::matchedText)
                .containsExactly("гарантированного дохода", "guaranteeing returns");
    }

    @Test
    void requiredPhraseIsSatisfiedByAnInflectedForm() {
        RequiredPhraseRule required = new RequiredPhraseRule("disclaimer", Severity.HIGH,
                List.of("капитал под риск"), null, null);

        assertThat(evaluate("ru", required, said("Ваш капитал под риском."))).isEmpty();
        assertThat(evaluate("ru", required, said("Ваши деньги в безопасности."))).hasSize(1);
    }

    @Test
    void theLanguageListInHelpTextsIsTheSupportedList() {
        assertThat(org.compliancerunner.language.Languages.CODES)
                .isEqualTo(String.join(", ", org.compliancerunner.language.Languages.supported()));
    }

    @Test
    void aDeclaredLanguageIsUsedInsteadOfDetection() {
        // declared German, English words get German stems, which do not join "guaranteeing" and "guaranteed"
        Transcript text = said("we are guaranteeing returns");
        assertThat(evaluate("auto", phrase("guaranteed return"), text)).hasSize(1);
        assertThat(evaluate("auto", phrase("guaranteed return"), text.withLanguage("de"))).isEmpty();
    }

    @Test
    void aWordInAnotherScriptThanItsLineIsAnalysedInALanguageOfItsScript() {
        // mostly English letters, so the line is English; the Russian words in it are still analysed as Russian
        Transcript mixed = said("Группа выпустила второй альбом Strata Presents the End of the World in Moscow");
        assertThat(evaluate("auto", phrase("выпустить второй"), mixed)).hasSize(1);
        // and a stress mark does not make a different word
        assertThat(evaluate("auto", phrase("больший часть"), said("бо́льшая часть крестьянства"))).hasSize(1);
    }
}
