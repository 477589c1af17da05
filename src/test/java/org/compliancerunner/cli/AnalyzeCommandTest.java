package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.demo.SampleMedia.ClipFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.IFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code analyze} on a broken upload: exit 1, the reason in words, what could be measured, never a stack trace. */
class AnalyzeCommandTest {

    private static final String STACK_FRAME = "\tat ";

    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext context;
    private static Path empty;
    private static Path cutOff;

    /** What {@code analyze} printed and how it exited. */
    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void standaloneAnalysis() throws Exception {
        // the context the process builds for "analyze": no database, only decode, speech and policy
        context = new SpringApplicationBuilder(StandaloneCommands.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run();
        empty = Files.createFile(dir.resolve("empty.mp4"));
        Path whole = dir.resolve("whole.mp4");
        SampleMedia.writeClip(whole, 10, 160, 90, ClipFormat.standard().withIndexFirst());
        cutOff = dir.resolve("cut-off.mp4");
        SampleMedia.writeTruncated(whole, cutOff, 0.5);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void anEmptyFileExitsOneWithTheReason() {
        Run run = analyze(empty.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEqualTo("error: cannot open empty.mp4: the file is empty" + System.lineSeparator());
        assertThat(run.out()).contains("Nothing measured.");
        assertThat(run.out() + run.err()).doesNotContain(STACK_FRAME);
    }

    @Test
    void aCutOffFileExitsOneAndStillShowsWhatWasMeasured() {
        Run run = analyze(cutOff.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).startsWith("error: decoding cut-off.mp4 stopped at ")
                .contains("the file is truncated or corrupt");
        assertThat(run.out()).containsPattern("Loudness +integrated -2\\d\\.\\d LUFS")
                .containsPattern("Note +measured only the first \\d\\.\\d s: ");
        assertThat(run.out() + run.err()).doesNotContain(STACK_FRAME);
    }

    @Test
    void anEmptyFileAsJsonIsOneObjectWithTheError() {
        Run run = analyze(empty.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode found = oneObject(run.out());
        assertThat(found.get("error").asString()).isEqualTo("cannot open empty.mp4: the file is empty");
        assertThat(found.get("loudness").isNull()).isTrue();
        assertThat(run.err()).isEqualTo("error: " + found.get("error").asString() + System.lineSeparator());
        assertThat(run.out() + run.err()).doesNotContain(STACK_FRAME);
    }

    @Test
    void aCutOffFileAsJsonCarriesItsErrorAndLoudness() {
        Run run = analyze(cutOff.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        JsonNode found = oneObject(run.out());
        String error = found.get("error").asString();
        assertThat(error).startsWith("decoding cut-off.mp4 stopped at ").contains("truncated or corrupt");
        assertThat(found.get("loudness").get("integrated").asDouble()).isCloseTo(-23.2, within(0.5));
        assertThat(found.get("intervals").get("black").isArray()).isTrue();
        assertThat(found.get("notes").get(0).asString()).startsWith("measured only the first ").endsWith(error);
        assertThat(found.get("triggers")).isEmpty();
        assertThat(run.err()).isEqualTo("error: " + error + System.lineSeparator());
        assertThat(run.out() + run.err()).doesNotContain(STACK_FRAME);
    }

    @Test
    void theCaptionsAsWrittenAreInTheJsonBesideTheSpeechMap() {
        Path video = org.compliancerunner.support.Fixtures.require("video/autocut_test001.mp4");

        Run run = analyze(video.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode found = oneObject(run.out());
        JsonNode captions = found.get("captions");
        assertThat(captions.get("format").asString()).isEqualTo("srt");
        assertThat(captions.get("origin").asString()).isEqualTo("autocut_test001.srt");
        assertThat(captions.get("cues")).hasSize(2);
        JsonNode second = captions.get("cues").get(1);
        assertThat(second.get("line").asInt()).isEqualTo(6);
        assertThat(second.get("index").asInt()).isEqualTo(2);
        assertThat(second.get("startMs").asLong()).isEqualTo(5000);
        assertThat(second.get("lines").get(0).asString()).isEqualTo("Hello, my name is AutoCut. This is a video for testing.");
        assertThat(found.get("intervals").get("speech")).isNotEmpty();
        // the default pack: the cues follow each other with no gap, and the English one is a line of 55 characters
        assertThat(found.get("triggers").valueStream().filter(t -> t.get("ruleId").asString().equals("captions.quality"))
                .map(t -> t.get("evidence").asString()).toList())
                .hasSize(2).last().isEqualTo("cue at line 6: line of 55 characters > 42");
    }

    private static Run analyze(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // a fresh command each run, as each process has: picocli takes the fields' current values as their defaults
        AnalyzeCommand command = context.getAutowireCapableBeanFactory().createBean(AnalyzeCommand.class);
        int exitCode = CommandLineEntry.commandLine(command, context.getBean(IFactory.class))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static JsonNode oneObject(String out) {
        assertThat(out.strip()).doesNotContain("\n");
        JsonNode node = JsonMapper.builder().build().readTree(out);
        assertThat(node.isObject()).isTrue();
        return node;
    }
}
