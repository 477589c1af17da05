package org.compliancerunner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.compliancerunner.ComplianceRunnerApplication;
import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.Fixtures;
import org.compliancerunner.support.IntegrationTest;
import org.compliancerunner.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Bad input gets a clear error that names it, and changes nothing. */
class BadInputTest extends IntegrationTest {

    @Test
    void aConfiguredDatabaseUrlIsUsedRatherThanTheEmbeddedServer(@org.springframework.beans.factory.annotation.Value(
            "${spring.datasource.url}") String configured) {
        String database = jdbc.sql("SELECT current_database()").query(String.class).single();

        assertThat(configured).contains("/" + database);
        assertThat(HOME.resolve("pgdata")).doesNotExist();
    }

    @Test
    void aPathOutsideTheRootsIsRefusedWithThePathAndTheProperty() {
        CliDriver.Result result = cli.run("ingest", "/etc/hostname", "--project", "bad-outside");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("/etc/hostname", "not allowed or not found", "compliance.media.roots");
        assertThat(videosIn("bad-outside")).isZero();
    }

    @Test
    void dotDotAndSymlinksCannotLeaveTheRoots() throws Exception {
        Path media = HOME.resolve("media");
        Path link = media.resolve("innocent.mp4");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));

        CliDriver.Result dotDot = cli.run("ingest", media + "/../../../../etc/hostname", "--project", "bad-escape");
        CliDriver.Result symlink = cli.run("ingest", link.toString(), "--project", "bad-escape");

        assertThat(dotDot.exitCode()).isEqualTo(1);
        assertThat(dotDot.err()).contains("not allowed or not found");
        assertThat(symlink.exitCode()).isEqualTo(1);
        // where the link leads is not said: the message would tell what exists outside the roots
        assertThat(symlink.err()).contains(link.toString(), "not allowed or not found").doesNotContain("/etc/hostname");
        assertThat(videosIn("bad-escape")).isZero();
    }

    @Test
    void aFileThatIsNotMediaRegistersNothingAndTheRestStillRegisters() throws Exception {
        Path text = Files.writeString(HOME.resolve("media/notes.mp4"), "this is a text file with a video's name\n");
        Path video = Fixtures.require("video/autocut_test001.mp4");

        CliDriver.Result result = cli.run("ingest", text.toString(), video.toString(), "--project", "bad-media");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(text.toString(), "not a media file", "nothing registered");
        assertThat(result.out()).contains("autocut_test001", "registered").doesNotContain("notes");
        assertThat(videosIn("bad-media")).isEqualTo(1);
    }

    @Test
    void aDirectoryIngestSkipsWhatIsNotMediaAndRegistersTheRest() throws Exception {
        Path folder = Files.createDirectories(HOME.resolve("media/mixed"));
        Files.copy(Fixtures.require("video/fades.mp4"), folder.resolve("fades.mp4"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(folder.resolve("notes.yaml"), "not: media\n");
        Files.writeString(folder.resolve("fades.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHello\n");

        CliDriver.Result result = cli.run("ingest", folder.toString(), "--project", "bad-mixed");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("skipped:", "notes.yaml", "not a media file").doesNotContain("fades.srt");
        assertThat(result.out()).contains("fades", "registered");
        assertThat(videosIn("bad-mixed")).isEqualTo(1);
    }

    @Test
    void aPatternTheLinearEngineCannotRunRefusesTheSweepWithItsLine() throws Exception {
        Path rules = Files.writeString(HOME.resolve("media/lookahead-rules.yaml"), "pack: lookahead\nversion: 1\nrules:\n"
                + "  - {id: a, kind: phrase, phrases: [damn]}\n"
                + "  - {id: b, kind: regex, pattern: 'guaranteed(?= returns)'}\n");
        long executionsBefore = jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();

        CliDriver.Result result = cli.run("sweep", "--project", "lookahead-rules", "--rules", rules.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("line 5: rules[1].pattern: lookaround is not supported");
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single()).isEqualTo(executionsBefore);
    }

    @Test
    void aBrokenRulePackRefusesTheSweepAndChangesNothing() throws Exception {
        Path video = Fixtures.require("video/autocut_test001.mp4");
        assertThat(cli.run("ingest", video.toString(), "--project", "bad-rules").exitCode()).isZero();
        Path rules = Files.writeString(HOME.resolve("media/broken-rules.yaml"),
                "pack: broken\nversion: 1\nrules:\n  - {id: bad.regex, kind: regex, pattern: '(unclosed'}\n");
        long executionsBefore = jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();

        CliDriver.Result result = cli.run("sweep", "--project", "bad-rules", "--rules", rules.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing was changed", "line 4", "rules[0].pattern");
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single()).isEqualTo(executionsBefore);
        assertThat(jdbc.sql("SELECT status FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = 'bad-rules'")
                .query(String.class).list()).containsExactly("PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM rule_packs WHERE name = 'broken'").query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownSpeechEngineStopsStartUpNamingTheProperty() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(ComplianceRunnerApplication.class)
                .properties("compliance.cli.enabled=false", "compliance.speech.engine=klingon",
                        "spring.datasource.url=" + TestDatabase.freshDatabaseUrl(), "compliance.home=" + HOME);

        assertThatThrownBy(application::run)
                .satisfies(failure -> assertThat(messages(failure)).contains("compliance.speech.engine", "klingon"));
    }

    private long videosIn(String project) {
        return jdbc.sql("SELECT count(*) FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :p")
                .param("p", project).query(Long.class).single();
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
