package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.RulePackParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

class RulesCommandTest {

    private final RulePackParser rulePacks = new RulePackParser();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == RulesTestCommand.class) {
                    return type.cast(new RulesTestCommand(rulePacks, new PolicyEngine(),
                            new JsonOutput(JsonMapper.builder().build())));
                }
                return type == RulesCommand.Validate.class
                        ? type.cast(new RulesCommand.Validate(rulePacks)) : CommandLine.defaultFactory().create(type);
            }
        };
        return new CommandLine(new RulesCommand(), factory)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void validPackPrintsNameVersionRulesAndChecksum() throws Exception {
        String body = "pack: demo\nversion: 4\nrules:\n  - {id: a, kind: phrase, phrases: [damn]}\n"
                + "  - {id: b, kind: regex, pattern: 'x+'}\n";
        Path file = Files.writeString(dir.resolve("demo.yaml"), body);

        assertThat(run("validate", file.toString())).isZero();
        assertThat(out.toString().trim()).isEqualTo("OK " + file + ": pack demo version 4, 2 rules, sha256 "
                + RulePack.checksumOf(body));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void invalidPackPrintsEachProblemAsFileLineFieldMessageAndExitsTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"),
                "pack: demo\nversion: three\nrules:\n  - id: a\n    kind: phrase\n    phrase: [damn]\n");

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                file + ":2: version: must be a positive whole number, not \"three\"",
                file + ":6: rules[0].phrase: unknown key \"phrase\" (did you mean \"phrases\"?); "
                        + "a phrase rule allows id, kind, severity, phrases, language, exact, maxGap",
                file + ":4: rules[0].phrases: missing; give a list, e.g. phrases: [\"damn\", \"bloody hell\"]");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aPatternThatNeedsBacktrackingIsRefusedWithFileLineAndHint() throws Exception {
        Path file = Files.writeString(dir.resolve("lookahead.yaml"), "pack: demo\nversion: 1\nrules:\n"
                + "  - {id: a, kind: phrase, phrases: [damn]}\n"
                + "  - {id: b, kind: regex, pattern: 'guaranteed(?= returns)'}\n");

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(file + ":5: rules[1].pattern: lookaround is not supported: "
                + "patterns run in linear time (RE2 syntax); rewrite without (?=…), e.g. match the following words too");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingFileExitsTwoWithAClearMessage() {
        Path file = dir.resolve("absent.yaml");
        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo(file + ": no such file; check the path of the rule pack");
    }

    @Test
    void usageErrorExitsTwo() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
        assertThat(run("validate", "a.yaml", "--bogus")).isEqualTo(2);
    }

    @Test
    void jsonReportsValidAndInvalidPacks() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"),
                "pack: demo\nversion: 1\nrules:\n  - {id: a, kind: phrase, phrases: [damn]}\n");
        assertThat(run("validate", good.toString(), "--json")).isZero();
        Map<String, Object> valid = JsonMapper.builder().build().readValue(out.toString(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(valid).containsEntry("file", good.toString()).containsEntry("valid", true)
                .containsEntry("pack", "demo").containsEntry("version", 1).containsEntry("rules", 1)
                .containsEntry("problems", List.of());
        assertThat((String) valid.get("checksum")).hasSize(64);

        out.getBuffer().setLength(0);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "pack: demo\nversion: 1\nrules: []\n");
        assertThat(run("validate", bad.toString(), "--json")).isEqualTo(2);
        Map<String, Object> invalid = JsonMapper.builder().build().readValue(out.toString(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(invalid).containsEntry("valid", false).containsEntry("pack", null);
        assertThat(invalid.get("problems")).isEqualTo(List.of(
                Map.of("line", 3, "field", "rules", "message", "must be a non-empty list of rules")));
    }

    @Test
    void validatePointsAtBadLanguagesNearRulesAndEmptyPhrasesByLine() throws Exception {
        Path file = Files.writeString(dir.resolve("lang.yaml"), """
                pack: demo
                version: 1
                language: xx
                rules:
                  - {id: a, kind: phrase, language: ja, phrases: [damn]}
                  - {id: b, kind: near, words: [guarantee], within: 4}
                  - {id: c, kind: near, words: [guarantee, return], within: 0}
                  - {id: d, kind: phrase, phrases: ["!!!"]}
                """);

        assertThat(run("validate", file.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(5).satisfiesExactly(
                line -> assertThat(line).startsWith(file + ":3: language: unknown language code \"xx\""),
                line -> assertThat(line).startsWith(file + ":5: rules[0].language: no analyzer for language \"ja\" (Japanese)"),
                line -> assertThat(line).startsWith(file + ":6: rules[1].words: a near rule needs at least two words"),
                line -> assertThat(line).startsWith(file + ":7: rules[2].within: must be a whole number of words from 1"),
                line -> assertThat(line).startsWith(file + ":8: rules[3].phrases[0]: \"!!!\" has no letters or digits"));
    }

    @Test
    void rulesTestPrintsOneJsonTriggerPerLineWithWhatWasSaid() throws Exception {
        Path pack = Files.writeString(dir.resolve("pack.yaml"), """
                pack: demo
                version: 1
                language: ru
                rules:
                  - {id: claims.income, kind: phrase, severity: high, phrases: ["гарантированный доход"]}
                """);
        Path transcript = Files.writeString(dir.resolve("t.srt"), """
                1
                00:00:01,000 --> 00:00:04,000
                Наш фонд обещает гарантированного дохода каждому

                2
                00:00:05,000 --> 00:00:07,000
                Без комментариев
                """);

        assertThat(run("test", pack.toString(), transcript.toString(), "--json")).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        Map<?, ?> trigger = JsonMapper.builder().build().readValue(lines.get(0), Map.class);
        assertThat(trigger.get("ruleId")).isEqualTo("claims.income");
        assertThat(((Number) trigger.get("startMs")).longValue()).isBetween(1000L, 4000L);
        assertThat(((Number) trigger.get("endMs")).longValue()).isBetween(1000L, 4000L);
        assertThat(trigger.get("matchedText")).isEqualTo("гарантированного дохода");
    }

    @Test
    void rulesTestJudgesACaptionFilesCuesAsWritten() throws Exception {
        Path pack = Files.writeString(dir.resolve("pack.yaml"), """
                pack: demo
                version: 1
                rules:
                  - {id: captions.quality, kind: caption-quality, preset: netflix}
                  - {id: captions.missing, kind: uncaptioned-speech}
                """);
        Path captions = Files.writeString(dir.resolve("fast.srt"), """
                1
                00:00:01,000 --> 00:00:02,000
                Printing, in the only sense
                with which we are at present concerned,
                """);

        assertThat(run("test", pack.toString(), captions.toString())).isZero();
        // no speech map without the media: only the captions as written are judged
        assertThat(out.toString()).contains("captions.quality  cue at line 2: reading speed 66 cps > 17")
                .doesNotContain("captions.missing");
    }

    @Test
    void rulesTestReadsPlainTextOneSegmentPerLine() throws Exception {
        Path pack = Files.writeString(dir.resolve("pack.yaml"),
                "pack: demo\nversion: 1\nrules:\n  - {id: a, kind: phrase, phrases: [\"guaranteed return\"]}\n");
        Path transcript = Files.writeString(dir.resolve("t.txt"), "nothing here\nwe are guaranteeing returns\n");

        assertThat(run("test", pack.toString(), transcript.toString())).isZero();
        assertThat(out.toString()).contains("00:00:01.", "matched \"guaranteeing returns\" (phrase \"guaranteed return\")");
    }

    @Test
    void rulesTestRefusesATranscriptThatIsNotUtf8NamingFileAndEncoding() throws Exception {
        Path pack = Files.writeString(dir.resolve("pack.yaml"),
                "pack: demo\nversion: 1\nrules:\n  - {id: a, kind: phrase, phrases: [доход]}\n");
        Path transcript = Files.write(dir.resolve("cp1251.txt"),
                "Гарантированный доход".getBytes(java.nio.charset.Charset.forName("windows-1251")));

        assertThat(run("test", pack.toString(), transcript.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(transcript.toString(), "is not UTF-8", "windows-1251");
    }

    @Test
    void rulesTestRefusesALanguageWithoutAnAnalyzer() throws Exception {
        Path pack = Files.writeString(dir.resolve("pack.yaml"),
                "pack: demo\nversion: 1\nrules:\n  - {id: a, kind: phrase, phrases: [x]}\n");
        Path transcript = Files.writeString(dir.resolve("t.txt"), "x\n");

        assertThat(run("test", pack.toString(), transcript.toString(), "--language", "ja")).isEqualTo(2);
        assertThat(err.toString()).contains("--language ja: no analyzer");
    }
}
