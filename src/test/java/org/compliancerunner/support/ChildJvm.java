package org.compliancerunner.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.compliancerunner.ComplianceRunnerApplication;

/**
 * compliance-runner in a JVM of its own, on the tests' class path, as a separate process would run it: what crash
 * tests kill, stop and restart. It shares the test's database and home, reads captions for speech, and writes
 * everything it prints to {@code log}.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param databaseUrl the test's database, or null for the embedded server under {@code home}, as a user without
     *                    one configured gets
     * @param options     JVM options before the main class, e.g. {@code -Xmx256m} or {@code -Dcompliance.x=y}
     * @param args        the command line, e.g. {@code sweep --project p}
     */
    public static Process start(String databaseUrl, Path home, Path log, List<String> options, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (databaseUrl != null) {
            command.add("-Dspring.datasource.url=" + databaseUrl);
        }
        command.addAll(List.of(
                "-Dcompliance.home=" + home,
                "-Dcompliance.media.roots=" + home,
                "-Dcompliance.speech.engine=captions",
                "-Dcompliance.sweep.lease=30s"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ComplianceRunnerApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (databaseUrl == null) {
            builder.environment().remove("SPRING_DATASOURCE_URL");
        }
        return builder.start();
    }
}
