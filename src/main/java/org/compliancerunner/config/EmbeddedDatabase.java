package org.compliancerunner.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server used when no {@code SPRING_DATASOURCE_URL} is set: a real server whose data stays under
 * {@code $COMPLIANCE_HOME/pgdata}. A second process on the same home attaches to the running server instead of
 * starting another one on the same data directory.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final String jdbcUrl;

    private EmbeddedDatabase(EmbeddedPostgres server, String jdbcUrl) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
    }

    static EmbeddedDatabase start(Path home) {
        Path data = home.resolve("pgdata");
        try {
            Integer runningPort = Files.isDirectory(data) ? runningServerPort(data) : null;
            if (runningPort != null) {
                return new EmbeddedDatabase(null, url(runningPort));
            }
            EmbeddedFirstStart.prepare(home, EmbeddedDatabase::launch);
            EmbeddedPostgres server = launch(home.resolve("pg"), data);
            return new EmbeddedDatabase(server, url(server.getPort()));
        } catch (IOException | RuntimeException e) {
            throw e instanceof EmbeddedDatabaseException known ? known
                    : new EmbeddedDatabaseException(EmbeddedFirstStart.why(home, e), e);
        }
    }

    private static EmbeddedPostgres launch(Path binaries, Path data) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                // stopped by close() after everything that uses it, not by a JVM hook racing Spring's own
                .setRegisterShutdownHook(false)
                .start();
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The port of a live server already running on this data directory, read from its postmaster.pid. */
    private static Integer runningServerPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) {
            return null;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Integer.valueOf(lines.get(3).trim()) : null;
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
