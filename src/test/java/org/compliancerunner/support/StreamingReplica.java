package org.compliancerunner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a streaming replica of it ({@code initdb}, {@code pg_basebackup -R}), made from the machine's
 * PostgreSQL binaries in a temporary directory, on free ports of 127.0.0.1. As root the servers run as the
 * {@code postgres} system user, since initdb refuses root. {@link #close()} stops both and deletes everything; a
 * shutdown hook does the same if a test never gets there.
 */
public final class StreamingReplica implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String[] NEEDED = {"initdb", "pg_ctl", "pg_basebackup", "postgres"};

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private final Thread cleanUp = new Thread(this::stopQuietly, "streaming-replica-clean-up");
    private boolean replicaRunning;

    private StreamingReplica(Path bin) throws IOException {
        this.bin = bin;
        this.dir = Files.createTempDirectory("cr-replica");
        this.primaryPort = freePort();
        this.replicaPort = freePort();
    }

    /** The binaries' directory, or why there is none: the test is skipped, or under CI=true fails, then. */
    public static Path requireBinaries() {
        Path found = null;
        if (Files.isDirectory(INSTALLATIONS)) {
            try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
                found = versions.map(version -> version.resolve("bin"))
                        .filter(dir -> Stream.of(NEEDED).allMatch(name -> Files.isExecutable(dir.resolve(name))))
                        .max(Comparator.comparing(dir -> version(dir.getParent())))
                        .orElse(null);
            } catch (IOException e) {
                found = null;
            }
        }
        String reason = "no PostgreSQL binaries (" + String.join(", ", NEEDED) + ") under " + INSTALLATIONS
                + "/*/bin to start a primary and a streaming replica: install the postgresql package";
        if (found == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true: " + reason);
        }
        Fixtures.skipUnless(found != null, reason);
        return found;
    }

    /** Starts a primary and a replica streaming from it; both are stopped by {@link #close()}. */
    public static StreamingReplica start() {
        Path bin = requireBinaries();
        try {
            StreamingReplica servers = new StreamingReplica(bin);
            Runtime.getRuntime().addShutdownHook(servers.cleanUp);
            try {
                servers.startBoth();
            } catch (RuntimeException | Error e) {
                servers.close();
                throw e;
            }
            return servers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startBoth() throws IOException {
        if (asRoot()) {
            // the postgres user must reach its directories; nothing else on the machine needs to
            run(List.of("chown", "postgres:", dir.toString()), false);
        }
        Path primary = dir.resolve("primary");
        Path replica = dir.resolve("replica");
        run(List.of(tool("initdb"), "-D", primary.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync"), true);
        pgCtl(primary, primaryPort, "start");
        run(List.of(tool("pg_basebackup"), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres",
                "-D", replica.toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync"), true);
        pgCtl(replica, replicaPort, "start");
        replicaRunning = true;
    }

    public String primaryUrl() {
        return url(primaryPort);
    }

    public String replicaUrl() {
        return url(replicaPort);
    }

    /** Stops replaying the primary's changes: the replica keeps answering with what it had. */
    public void pauseReplay() {
        onReplica("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        onReplica("SELECT pg_wal_replay_resume()");
    }

    /** Stops the replica at once, as a crash would. */
    public void stopReplica() {
        if (replicaRunning) {
            pgCtl(dir.resolve("replica"), replicaPort, "stop");
            replicaRunning = false;
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private synchronized void stopQuietly() {
        for (String server : List.of("replica", "primary")) {
            Path data = dir.resolve(server);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(List.of(tool("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
                } catch (RuntimeException e) {
                    System.err.println("could not stop the test's " + server + " server: " + e.getMessage());
                }
            }
        }
        replicaRunning = false;
        deleteQuietly(dir);
    }

    private void onReplica(String sql) {
        try (Connection connection = DriverManager.getConnection(replicaUrl());
             Statement statement = connection.createStatement();
             ResultSet ignored = statement.executeQuery(sql)) {
            // run for its effect
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on the replica: " + e.getMessage(), e);
        }
    }

    private void pgCtl(Path data, int port, String action) {
        List<String> command = new ArrayList<>(List.of(tool("pg_ctl"), "-D", data.toString(), "-w", "-t", "60",
                "-l", data.resolveSibling(data.getFileName() + ".log").toString()));
        if (action.equals("start")) {
            command.addAll(List.of("-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                    + "-c max_connections=40 -c shared_buffers=16MB"));
        } else {
            command.addAll(List.of("-m", "immediate"));
        }
        command.add(action);
        run(command, true);
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " exited " + process.exitValue() + ":\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int version(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
