package org.compliancerunner.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The packaged jar, started as a user starts it: {@code java -jar target/compliance-runner.jar ...}. Its class path is
 * the jar's, not the tests', and its contract is the process's exit status and what it prints.
 */
public final class PackagedJar {

    public static final Path JAR = Path.of("target", "compliance-runner.jar");

    private PackagedJar() {
    }

    /** A process builder for the jar with these arguments, its home in {@code home}. */
    public static ProcessBuilder builder(Path home, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("COMPLIANCE_HOME", home.toString());
        return builder;
    }

    /** Runs the jar to its end (at most five minutes) and returns its exit status and output. */
    public static Run run(Path home, List<String> args) throws IOException, InterruptedException {
        return run(home, args, builder -> { });
    }

    /** Runs the jar as {@link #run(Path, List)} does, its process builder adjusted first. */
    public static Run run(Path home, List<String> args, Consumer<ProcessBuilder> adjust)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder = builder(home, args);
        adjust.accept(builder);
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("compliance-runner " + args + " did not end in 5 minutes: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** As a user without a database configured runs it: on the embedded server under its home. */
    public static void withoutDatasourceUrl(ProcessBuilder builder) {
        builder.environment().remove("SPRING_DATASOURCE_URL");
    }

    /** What one run of the jar left: its exit status and what it printed. */
    public record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }
}
