package org.compliancerunner.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL server of one COMPLIANCE_HOME as the operating system sees it: whether it runs (its
 * {@code postmaster.pid}), and stopping it with its own {@code pg_ctl}. No JVM owns the server: the first command
 * starts it and it outlives that command, so later commands only connect.
 */
public final class EmbeddedServer {

    /** A live server: its postmaster's pid, the loopback port it listens on, and when it started. */
    public record Running(long pid, int port, Instant since, Path data) {
    }

    private EmbeddedServer() {
    }

    /** The server running on this home's data directory, if one does; a stale pid file (after kill -9) is none. */
    public static Optional<Running> running(Path home) {
        Path data = home.resolve("pgdata");
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            // line 1 pid, 2 data directory, 3 start time (epoch seconds), 4 port, 8 status (starting, ready, stopping)
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            boolean postgres = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    // a pid reused by another program after a crash is not our server
                    .map(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true))
                    .orElse(false);
            if (!postgres) {
                return Optional.empty();
            }
            return Optional.of(new Running(pid, Integer.parseInt(lines.get(3).trim()),
                    Instant.ofEpochSecond(Long.parseLong(lines.get(2).trim())), data));
        } catch (IOException | RuntimeException e) {
            // a pid file being written or removed right now: as good as not running
            return Optional.empty();
        }
    }

    /**
     * Stops this home's server if it runs, and its watchdog, and returns what was stopped. Commands that want to
     * connect meanwhile wait, then start a new server.
     */
    public static Optional<Running> stop(Path home) throws IOException {
        try (HomeLock lock = HomeLock.acquire(home)) {
            Optional<Running> server = running(home);
            if (server.isPresent()) {
                stop(home, server.get());
                IdleWatchdog.end(home, server.get().pid());
            }
            return server;
        }
    }

    /** A connection to the running server with the home's password, for a look without starting anything. */
    public static DataSource dataSource(Path home, Running server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {server.port()});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        dataSource.setPassword(OwnerOnlyFiles.secret(home.resolve(EmbeddedDatabase.PASSWORD_FILE)));
        return dataSource;
    }

    /** The server's log, where the idle watchdog also says when it stopped it. */
    public static Path log(Path home) {
        return home.resolve(EmbeddedDatabase.LOG_FILE);
    }

    /**
     * Stops the server with a fast shutdown (open sessions are ended, nothing committed is lost) and waits until it
     * is gone. The caller holds the {@link HomeLock}, so no command connects while it stops.
     */
    static void stop(Path home, Running server) throws IOException {
        Path pgCtl = pgCtl(home).orElseThrow(() -> new IOException("no pg_ctl under " + home.resolve("pg")));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as root, the server was started in a user namespace (PostgreSQL refuses to run as root): so is pg_ctl
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", server.data().toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                if (running(home).isPresent()) {
                    throw new IOException("pg_ctl could not stop the server (pid " + server.pid() + "): " + said);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the embedded database", e);
        }
        awaitGone(server.pid(), Duration.ofSeconds(10));
    }

    private static void awaitGone(long pid, Duration atMost) {
        ProcessHandle.of(pid).ifPresent(process -> {
            try {
                process.onExit().get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillThere) {
                // pg_ctl said it stopped; the process table may lag behind
            }
        });
    }

    /** The {@code pg_ctl} of the binaries unpacked under this home ({@code pg/PG-<hash>/bin}). */
    private static Optional<Path> pgCtl(Path home) throws IOException {
        Path binaries = home.resolve("pg");
        if (!Files.isDirectory(binaries)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(binaries, "PG-*")) {
            for (Path version : versions) {
                Path pgCtl = version.resolve("bin").resolve("pg_ctl");
                if (Files.isExecutable(pgCtl)) {
                    return Optional.of(pgCtl);
                }
            }
        }
        return Optional.empty();
    }
}
