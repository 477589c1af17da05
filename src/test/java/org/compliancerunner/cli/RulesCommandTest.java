package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
                        + "a phrase rule allows id, kind, severity, phrases",
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
}
