package org.compliancerunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which archive {@code bin/compliance-runner} hands the JVM: the AOT cache on JDK 25 and later, the class-data archive
 * before, none that the running JDK could not use. The launcher runs in a copy of the build's layout with a stand-in
 * java that prints the arguments it was given, and the JDK's feature version in its release file.
 */
class LauncherTest {

    @TempDir
    Path root;
    private Path javaHome;

    @BeforeEach
    void layout() throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path launcher = Files.copy(Path.of("bin/compliance-runner"), bin.resolve("compliance-runner"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path app = Files.createDirectories(root.resolve("target/app"));
        Files.writeString(root.resolve("target/compliance-runner.jar"), "jar");
        Files.writeString(app.resolve("compliance-runner.jar"), "extracted");
        // extracted after the jar was built, as the build does it
        Files.setLastModifiedTime(root.resolve("target/compliance-runner.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        javaHome = Files.createDirectories(root.resolve("jdk"));
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void jdk25UsesTheAotCacheOfTheCommand() throws Exception {
        jdk("25.0.1");
        archives("analyze.aot", "compliance-runner.aot");

        assertThat(launch("analyze", "clip.mp4")).contains("-XX:AOTCache=" + app("analyze.aot"))
                .doesNotContain("-XX:SharedArchiveFile=" + app("analyze.jsa"))
                .endsWith("-jar", app("compliance-runner.jar"), "analyze", "clip.mp4");
        assertThat(launch("status")).contains("-XX:AOTCache=" + app("compliance-runner.aot"));
    }

    @Test
    void jdk17UsesTheClassDataArchive() throws Exception {
        jdk("17.0.15");
        archives("analyze.jsa", "compliance-runner.jsa");

        assertThat(launch("analyze", "clip.mp4")).contains("-XX:SharedArchiveFile=" + app("analyze.jsa"))
                .noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
        assertThat(launch("videos")).contains("-XX:SharedArchiveFile=" + app("compliance-runner.jsa"));
    }

    @Test
    void anArchiveOfTheOtherKindIsLeftOut() throws Exception {
        archives("analyze.jsa");
        jdk("25");
        assertThat(launch("analyze", "clip.mp4")).noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile")
                || argument.startsWith("-XX:AOTCache"));

        Files.delete(root.resolve("target/app/analyze.jsa"));
        archives("analyze.aot");
        jdk("21.0.4");
        assertThat(launch("analyze", "clip.mp4")).noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile")
                || argument.startsWith("-XX:AOTCache"));
    }

    @Test
    void aRebuiltJarRunsAsItIsWithoutArchive() throws Exception {
        jdk("25.0.1");
        archives("compliance-runner.aot");
        Files.setLastModifiedTime(root.resolve("target/compliance-runner.jar"), FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(launch("status")).noneMatch(argument -> argument.startsWith("-XX:AOTCache"))
                .endsWith("-jar", root.toRealPath().resolve("target/compliance-runner.jar").toString(), "status");
    }

    private void jdk(String version) throws IOException {
        Files.writeString(javaHome.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    private void archives(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(root.resolve("target/app").resolve(name), "archive");
        }
    }

    private String app(String name) throws IOException {
        return root.toRealPath().resolve("target/app").resolve(name).toString();
    }

    /** The arguments the launcher gave java, one per line. */
    private List<String> launch(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(root.resolve("bin/compliance-runner").toString());
        builder.command().addAll(List.of(args));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("JAVA_OPTS");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
