package org.compliancerunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.PackagedJar;
import org.compliancerunner.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exit status of the packaged jar, as a CronJob or a shell script sees it: 0 success, 1 a sweep that did not
 * complete or a refused input, 2 a usage error or an invalid rule pack, 3 {@code analyze --fail-on}.
 */
class ExitCodesIT {

    private static Path home;
    private static Path media;
    private static String database;
    private static HttpServer http;

    @BeforeAll
    static void prepare() throws IOException {
        home = Files.createTempDirectory("exit-codes-home");
        media = SampleMedia.writeDemoSet(home.resolve("media"));
        Files.writeString(media.resolve("notes.mp4"), "these are meeting notes, not a video\n".repeat(100));
        Files.writeString(home.resolve("bad-pack.yaml"), "pack: bad\nversion: 1\nrules:\n  - {id: x, kind: nonsense}\n");
        database = TestDatabase.freshDatabaseUrl();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
    }

    @AfterAll
    static void stop() {
        http.stop(0);
    }

    private static PackagedJar.Run run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + database);
        all.add("--compliance.media.roots=" + media);
        all.add("--compliance.speech.engine=captions");
        return PackagedJar.run(home, all);
    }

    @Test
    void databaseCommandsReturnTheirOutcome() throws Exception {
        PackagedJar.Run unknownExecution = run("status", "999");
        assertThat(unknownExecution.exitCode()).as(unknownExecution.toString()).isEqualTo(1);
        assertThat(unknownExecution.err()).contains("no sweep execution 999").doesNotContain("Incorrect result size");

        PackagedJar.Run restartUnknown = run("restart", "999");
        assertThat(restartUnknown.exitCode()).as(restartUnknown.toString()).isEqualTo(1);
        assertThat(restartUnknown.err()).contains("No sweep execution 999");

        PackagedJar.Run outsideRoots = run("ingest", "/etc/hostname");
        assertThat(outsideRoots.exitCode()).as(outsideRoots.toString()).isEqualTo(1);

        PackagedJar.Run notMedia = run("ingest", media.resolve("notes.mp4").toString());
        assertThat(notMedia.exitCode()).as(notMedia.toString()).isEqualTo(1);

        PackagedJar.Run missingDownload = run("ingest", "http://127.0.0.1:" + http.getAddress().getPort() + "/gone.mp4");
        assertThat(missingDownload.exitCode()).as(missingDownload.toString()).isEqualTo(1);

        PackagedJar.Run badPack = run("sweep", "--rules", home.resolve("bad-pack.yaml").toString());
        assertThat(badPack.exitCode()).as(badPack.toString()).isEqualTo(2);

        PackagedJar.Run ingest = run("ingest", media.resolve("ad-spot.mp4").toString(),
                media.resolve("station-ident.mp4").toString(), "--project", "exit-codes");
        assertThat(ingest.exitCode()).as(ingest.toString()).isZero();
        PackagedJar.Run sweep = run("sweep", "--project", "exit-codes", "--json");
        assertThat(sweep.exitCode()).as(sweep.toString()).isZero();
        assertThat(sweep.out()).contains("\"status\":\"COMPLETED\"");
        String id = sweep.out().replaceAll("(?s).*\"jobExecutionId\":(\\d+).*", "$1");

        PackagedJar.Run restartCompleted = run("restart", id);
        assertThat(restartCompleted.exitCode()).as(restartCompleted.toString()).isEqualTo(1);
        assertThat(restartCompleted.err()).contains("already completed");

        PackagedJar.Run status = run("status", id);
        assertThat(status.exitCode()).as(status.toString()).isZero();
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitOne() throws Exception {
        PackagedJar.Run unreachable = PackagedJar.run(home,
                List.of("status", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere"));
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(1);
        assertThat(unreachable.err().strip()).startsWith("error: cannot connect to the database")
                .contains("spring.datasource.url").doesNotContain("\n").doesNotContain("\tat ");
        assertThat(unreachable.out()).isEmpty();
    }

    @Test
    void helpAndVersionAnswerWithoutStartingTheApplication() throws Exception {
        Path empty = Files.createTempDirectory("help-home");
        PackagedJar.Run help = PackagedJar.run(empty, List.of("--help"), PackagedJar::withoutDatasourceUrl);
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: compliance-runner [-hV] [COMMAND]").contains("  sweep ", "Exit codes:");
        assertThat(help.err()).isEmpty();

        PackagedJar.Run nothing = PackagedJar.run(empty, List.of(), PackagedJar::withoutDatasourceUrl);
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(2);
        assertThat(nothing.err()).isEqualTo(help.out());
        assertThat(nothing.out()).isEmpty();

        PackagedJar.Run version = PackagedJar.run(empty, List.of("--version"), PackagedJar::withoutDatasourceUrl);
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("compliance-runner ");

        // serve would start the web server, the database and the job definitions, and log as it does
        PackagedJar.Run serveHelp = PackagedJar.run(empty, List.of("serve", "--help"), PackagedJar::withoutDatasourceUrl);
        assertThat(serveHelp.exitCode()).as(serveHelp.toString()).isZero();
        assertThat(serveHelp.out()).startsWith("Usage: compliance-runner serve");
        assertThat(serveHelp.err()).isEmpty();

        assertOnlyCapturedOutput(empty);
    }

    @Test
    void samplesAndAnalyzeNeedNoDatabase() throws Exception {
        Path empty = Files.createTempDirectory("standalone-home");
        Path clips = Files.createTempDirectory("standalone-clips");
        PackagedJar.Run samples = PackagedJar.run(empty, List.of("samples", clips.toString(), "--count", "1"),
                PackagedJar::withoutDatasourceUrl);
        assertThat(samples.exitCode()).as(samples.toString()).isZero();
        assertThat(samples.out()).contains("1/1 clips written");
        // FFmpeg loads on a thread of its own meanwhile: nothing of that (SLF4J's start-up warnings) on stderr
        assertThat(samples.err()).isEmpty();

        PackagedJar.Run analyze = PackagedJar.run(empty, List.of("analyze", clips.resolve("sample-0001.mp4").toString(),
                "--json"), PackagedJar::withoutDatasourceUrl);
        assertThat(analyze.exitCode()).as(analyze.toString()).isZero();
        assertThat(analyze.out()).contains("\"integrated\"");
        assertThat(analyze.err()).isEmpty();
        assertOnlyCapturedOutput(empty);
    }

    // nothing under the home but what the runs printed: no embedded database was started
    private static void assertOnlyCapturedOutput(Path home) throws IOException {
        try (var written = Files.list(home)) {
            assertThat(written.map(path -> path.getFileName().toString()))
                    .allMatch(name -> name.matches("(out|err)\\d+\\.txt"), "only captured output");
        }
    }

    @Test
    void usageErrorsAreTwo() throws Exception {
        PackagedJar.Run unknownCommand = run("bogus");
        assertThat(unknownCommand.exitCode()).as(unknownCommand.toString()).isEqualTo(2);
        assertThat(unknownCommand.err()).contains("bogus");

        PackagedJar.Run unknownOption = run("status", "--nope");
        assertThat(unknownOption.exitCode()).as(unknownOption.toString()).isEqualTo(2);

        PackagedJar.Run invalidPack = run("rules", "validate", home.resolve("bad-pack.yaml").toString());
        assertThat(invalidPack.exitCode()).as(invalidPack.toString()).isEqualTo(2);
        assertThat(invalidPack.err()).contains("bad-pack.yaml:4");

        // the commands without a database validate their settings too, and name the one that is wrong
        PackagedJar.Run badSetting = run("analyze", media.resolve("station-ident.mp4").toString(),
                "--compliance.speech.activity.threshold=2");
        assertThat(badSetting.exitCode()).as(badSetting.toString()).isEqualTo(2);
        assertThat(badSetting.err()).contains("compliance.speech.activity.threshold=2.0", "0.95")
                .doesNotContain("\tat ");
    }

    @Test
    void analyzeGatesOnFindingsAndFailsOnBrokenFiles() throws Exception {
        PackagedJar.Run loud = run("analyze", media.resolve("ad-spot.mp4").toString(), "--fail-on", "high");
        assertThat(loud.exitCode()).as(loud.toString()).isEqualTo(3);

        PackagedJar.Run clean = run("analyze", media.resolve("station-ident.mp4").toString(), "--fail-on", "high");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();

        PackagedJar.Run broken = run("analyze", media.resolve("broken-upload.mp4").toString());
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
    }
}
