package org.compliancerunner.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.compliancerunner.policy.RulePackException.Problem;
import org.junit.jupiter.api.Test;

class RulePackParserTest {

    private final RulePackParser parser = new RulePackParser();

    private List<Problem> problemsOf(String yaml) {
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> parser.parse(yaml, "pack.yaml"));
        assertThat(e).as("expected the pack to be refused").isNotNull();
        assertThat(e.source()).isEqualTo("pack.yaml");
        return e.details();
    }

    /** The problems of a pack "p", version 1, whose rules list is {@code rules}; line 4 is the first rule's. */
    private List<Problem> problemsOfRules(String rules) {
        return problemsOf("pack: p\nversion: 1\nrules:\n" + rules);
    }

    @Test
    void readsAllThreeKindsWithDefaultsAndChecksum() throws RulePackException {
        String yaml = """
                pack: demo
                version: 3
                rules:
                  - id: language.profanity
                    kind: phrase
                    severity: high
                    phrases: ["damn", "bloody hell"]
                  - id: claims.guarantee
                    kind: regex
                    pattern: '\\bguaranteed? returns\\b'
                  - id: disclaimer.financial
                    kind: required-phrase
                    phrases: ["capital at risk"]
                    window: {from: end, seconds: 30}
                  - id: disclaimer.anywhere
                    kind: required-phrase
                    severity: low
                    phrases: ["terms apply"]
                """;
        RulePack pack = parser.parse(yaml, "pack.yaml");

        assertThat(pack.name()).isEqualTo("demo");
        assertThat(pack.version()).isEqualTo(3);
        assertThat(pack.body()).isEqualTo(yaml);
        assertThat(pack.checksum()).hasSize(64).isEqualTo(RulePack.checksumOf(yaml));
        assertThat(pack.rules()).containsExactly(
                new PhraseRule("language.profanity", Severity.HIGH, List.of("damn", "bloody hell")),
                new RegexRule("claims.guarantee", Severity.MEDIUM, "\\bguaranteed? returns\\b"),
                new RequiredPhraseRule("disclaimer.financial", Severity.MEDIUM, List.of("capital at risk"),
                        new Window(Window.From.END, 30)),
                new RequiredPhraseRule("disclaimer.anywhere", Severity.LOW, List.of("terms apply"), null));
        assertThat(pack.rules()).extracting(Rule::kind).containsExactly("phrase", "regex", "required-phrase", "required-phrase");
    }

    @Test
    void checksumChangesWithAnyByteOfTheBody() throws RulePackException {
        String yaml = "pack: p\nversion: 1\nrules:\n  - {id: a, kind: phrase, phrases: [x]}\n";
        assertThat(parser.parse(yaml, "a").checksum()).isNotEqualTo(parser.parse(yaml + "# note\n", "b").checksum());
    }

    @Test
    void badYamlSyntaxNamesTheLine() {
        List<Problem> problems = problemsOf("""
                pack: demo
                version: 1
                rules:
                  - id: a
                    kind: phrase
                    phrases: ["damn", "hell"
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(7);
        assertThat(problems.get(0).message()).startsWith("invalid YAML: ");
    }

    @Test
    void badIndentationIsAYamlProblemOnItsLine() {
        List<Problem> problems = problemsOf("pack: demo\nversion: 1\n  rules: []\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("invalid YAML");
        });
    }

    @Test
    void missingPackIsReportedOnTheMapping() {
        List<Problem> problems = problemsOf("version: 1\nrules:\n  - {id: a, kind: phrase, phrases: [x]}\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.field()).isEqualTo("pack");
            assertThat(p.message()).startsWith("missing");
        });
    }

    @Test
    void versionMustBeAPositiveWholeNumber() {
        assertThat(problemsOf("pack: demo\nversion: three\nrules:\n  - {id: a, kind: phrase, phrases: [x]}\n"))
                .containsExactly(new Problem(2, "version", "must be a positive whole number, not \"three\""));
        assertThat(problemsOf("pack: demo\nversion: 0\nrules:\n  - {id: a, kind: phrase, phrases: [x]}\n"))
                .extracting(Problem::field).containsExactly("version");
    }

    @Test
    void rulesMustBeANonEmptyList() {
        assertThat(problemsOf("pack: demo\nversion: 1\nrules: []\n"))
                .containsExactly(new Problem(3, "rules", "must be a non-empty list of rules"));
    }

    @Test
    void duplicateIdNamesBothLines() {
        List<Problem> problems = problemsOf("""
                pack: demo
                version: 1
                rules:
                  - id: claims.x
                    kind: phrase
                    phrases: [a]
                  - id: claims.x
                    kind: phrase
                    phrases: [b]
                """);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.field()).isEqualTo("rules[1].id");
            assertThat(p.message()).contains("duplicate id \"claims.x\"").contains("line 4");
        });
    }

    @Test
    void idMustBeLowerCaseDottedWords() {
        assertThat(problemsOfRules("  - {id: Claims X, kind: phrase, phrases: [a]}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("rules[0].id");
                    assertThat(p.line()).isEqualTo(4);
                });
    }

    @Test
    void unknownKindListsTheKnownKinds() {
        assertThat(problemsOfRules("  - id: a\n    kind: profanity\n    phrases: [x]\n"))
                .containsExactly(new Problem(5, "rules[0].kind",
                        "unknown kind \"profanity\"; known kinds are phrase, near, regex, required-phrase, loudness, true-peak, black, freeze, silence, flash, caption-quality, uncaptioned-speech, captions-required, caption-sync"));
    }

    @Test
    void badSeverityListsTheSeverities() {
        assertThat(problemsOfRules("  - id: a\n    kind: phrase\n    severity: severe\n    phrases: [x]\n"))
                .containsExactly(new Problem(6, "rules[0].severity",
                        "\"severe\" is not a severity; use info, low, medium, high or critical"));
    }

    @Test
    void badRegexGivesTheCompilerReasonAndIndex() {
        List<Problem> problems = problemsOfRules("""
                  - id: a
                    kind: phrase
                    phrases: [x]
                  - id: b
                    kind: regex
                    pattern: 'guaranteed (returns'
                """);
        assertThat(problems).containsExactly(new Problem(9, "rules[1].pattern",
                "invalid regular expression (RE2 syntax): missing closing ) in `guaranteed (returns`"));
        assertThat(problems.get(0)).hasToString(
                "line 9: rules[1].pattern: invalid regular expression (RE2 syntax): missing closing ) in `guaranteed (returns`");
    }

    @Test
    void constructsThatNeedBacktrackingAreRefusedWithTheirLineAndAHint() {
        List<Problem> problems = problemsOfRules("""
                  - {id: ahead, kind: regex, pattern: 'guaranteed(?= returns)'}
                  - {id: behind, kind: regex, pattern: '(?<!no )risk'}
                  - {id: backref, kind: regex, pattern: '(\\w+) \\1'}
                  - {id: possessive, kind: regex, pattern: 'a*+b'}
                  - {id: atomic, kind: regex, pattern: '(?>ab|a)c'}
                  - {id: fine, kind: regex, pattern: '\\bguaranteed? (results|returns)\\b'}
                  - {id: intersection, kind: regex, pattern: '[a-z&&[^aeiou]]+'}
                """);
        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(4, "rules[0].pattern"), tuple(5, "rules[1].pattern"), tuple(6, "rules[2].pattern"),
                tuple(7, "rules[3].pattern"), tuple(8, "rules[4].pattern"), tuple(10, "rules[6].pattern"));
        assertThat(problems.get(0).message()).isEqualTo("lookaround is not supported: patterns run in linear time "
                + "(RE2 syntax); rewrite without (?=…), e.g. match the following words too");
        assertThat(problems.get(1).message()).startsWith("lookaround is not supported").contains("(?<!…)");
        assertThat(problems.get(2).message()).startsWith("backreferences (\\1) are not supported");
        assertThat(problems.get(3).message()).startsWith("possessive quantifiers (*+) are not supported");
        assertThat(problems.get(4).message()).startsWith("atomic groups (?>…) are not supported");
        assertThat(problems.get(5).message()).startsWith("character class intersection (&&) is not supported");
    }

    @Test
    void javaOnlyClassesAreRefusedByTheEngineItself() {
        assertThat(problemsOfRules("  - {id: a, kind: regex, pattern: '\\p{IsLatin}+'}\n"))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .isEqualTo("invalid regular expression (RE2 syntax): invalid character class range in `\\p{IsLatin}`"));
    }

    @Test
    void regexThatMatchesNothingAtAllIsRefused() {
        assertThat(problemsOfRules("  - {id: a, kind: regex, pattern: 'x*'}\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("matches empty text"));
    }

    @Test
    void phraseTypoNamesTheKeyAndTheAllowedKeys() {
        List<Problem> problems = problemsOfRules("""
                  - id: a
                    kind: phrase
                    phrase: [damn]
                """);
        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(6, "rules[0].phrase"),
                tuple(4, "rules[0].phrases"));
        assertThat(problems.get(0).message())
                .isEqualTo("unknown key \"phrase\" (did you mean \"phrases\"?); a phrase rule allows id, kind, severity, phrases, language, exact, maxGap");
    }

    @Test
    void phrasesMustBeANonEmptyListOfNonBlankText() {
        assertThat(problemsOfRules("  - {id: a, kind: phrase, phrases: []}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("rules[0].phrases");
                    assertThat(p.message()).startsWith("must not be empty");
                });
        assertThat(problemsOfRules("  - id: a\n    kind: phrase\n    phrases: [ok, '  ', '!!']\n"))
                .extracting(Problem::line, Problem::field).containsExactly(
                        tuple(6, "rules[0].phrases[1]"),
                        tuple(6, "rules[0].phrases[2]"));
        assertThat(problemsOfRules("  - {id: a, kind: phrase, phrases: damn}\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("must be a list"));
    }

    @Test
    void windowNeedsStartOrEndAndPositiveSeconds() {
        List<Problem> problems = problemsOfRules("""
                  - id: a
                    kind: required-phrase
                    phrases: [capital at risk]
                    window:
                      from: middle
                      seconds: -5
                      length: 3
                """);
        assertThat(problems).extracting(Problem::line, Problem::field).containsExactlyInAnyOrder(
                tuple(8, "rules[0].window.from"),
                tuple(9, "rules[0].window.seconds"),
                tuple(10, "rules[0].window.length"));
        assertThat(problemsOfRules("  - {id: a, kind: required-phrase, phrases: [x], window: 30}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("rules[0].window");
                    assertThat(p.message()).startsWith("must be a mapping");
                });
    }

    @Test
    void reportsEveryProblemOfAPackAtOnce() {
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> parser.parse("""
                pack: ""
                version: three
                rules:
                  - id: a
                    kind: phrase
                    phrases: []
                  - id: a
                    kind: magic
                  - kind: regex
                    pattern: '(['
                    severity: extreme
                """, "multi.yaml"));
        assertThat(e.problems()).containsExactly(
                "line 1: pack: must not be blank",
                "line 2: version: must be a positive whole number, not \"three\"",
                "line 6: rules[0].phrases: must not be empty; give at least one, e.g. phrases: [\"damn\", \"bloody hell\"]",
                "line 7: rules[1].id: duplicate id \"a\", already used on line 4; ids must be unique in a pack",
                "line 8: rules[1].kind: unknown kind \"magic\"; known kinds are phrase, near, regex, required-phrase, loudness, true-peak, black, freeze, silence, flash, caption-quality, uncaptioned-speech, captions-required, caption-sync",
                "line 9: rules[2].id: missing; every rule needs an id, e.g. id: language.profanity",
                "line 11: rules[2].severity: \"extreme\" is not a severity; use info, low, medium, high or critical",
                "line 10: rules[2].pattern: invalid regular expression (RE2 syntax): missing closing ] in `[`");
        assertThat(e.getMessage()).startsWith("multi.yaml: line 1: pack");
    }

    @Test
    void unknownTopLevelKeyAndDuplicateKeyAreProblems() {
        assertThat(problemsOf("pack: p\nversion: 1\nversion: 2\nrule:\n  - {id: a, kind: phrase, phrases: [x]}\n"))
                .extracting(Problem::line, Problem::field).contains(
                        tuple(3, "version"),
                        tuple(4, "rule"));
    }

    @Test
    void emptyBodyIsRefusedWithWhatAPackNeeds() {
        assertThat(problemsOf("")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("empty").contains("pack, version and rules"));
    }
}
