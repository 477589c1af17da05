package org.compliancerunner.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server used when no {@code SPRING_DATASOURCE_URL} is set: a real server whose data stays under
 * {@code $COMPLIANCE_HOME/pgdata}. A second process on the same home attaches to the running server instead of
 * starting another one on the same data directory.
 *
 * <p>It listens on loopback only, has no Unix socket, and every connection needs the password kept in
 * {@code $COMPLIANCE_HOME/database.password} (owner-only), so other local users and processes cannot read it. A home
 * made before passwords (the server trusted every local connection) gets one on its first start.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String PASSWORD_FILE = "database.password";
    // the first line of the pg_hba.conf this class writes: a data directory with it needs a password already
    private static final String SECURED = "# compliance-runner: password (scram-sha-256) for every connection";
    private static final String HBA = SECURED + """

            # the password is in $COMPLIANCE_HOME/%s, readable by its owner only
            local  all  all                 scram-sha-256
            host   all  all  127.0.0.1/32   scram-sha-256
            host   all  all  ::1/128        scram-sha-256
            """.formatted(PASSWORD_FILE);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final String jdbcUrl;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, String jdbcUrl, String password) {
        this.server = server;
        this.jdbcUrl = jdbcUrl;
        this.password = password;
    }

    static EmbeddedDatabase start(Path home) {
        Path data = home.resolve("pgdata");
        try {
            OwnerOnlyFiles.directory(home, false);
            String password = OwnerOnlyFiles.secret(home.resolve(PASSWORD_FILE));
            Integer runningPort = Files.isDirectory(data) ? runningServerPort(data) : null;
            if (runningPort != null) {
                return new EmbeddedDatabase(null, url(runningPort), password);
            }
            EmbeddedFirstStart.prepare(home, (binaries, firstData) -> {
                OwnerOnlyFiles.directory(binaries, true);
                return launch(binaries, firstData, password, true);
            });
            // the server's binaries: whoever could write here could run code as this user
            OwnerOnlyFiles.directory(home.resolve("pg"), true);
            EmbeddedPostgres server = launch(home.resolve("pg"), data, password, false);
            return new EmbeddedDatabase(server, url(server.getPort()), password);
        } catch (IOException | RuntimeException e) {
            throw e instanceof EmbeddedDatabaseException known ? known
                    : new EmbeddedDatabaseException(EmbeddedFirstStart.why(home, e), e);
        }
    }

    /** Starts a server on these binaries and data; a data directory without a password gets one first thing. */
    private static EmbeddedPostgres launch(Path binaries, Path data, String password, boolean firstStart)
            throws IOException {
        boolean secured = secured(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                // stopped by close() after everything that uses it, not by a JVM hook racing Spring's own
                .setRegisterShutdownHook(false);
        if (secured) {
            builder.setConnectConfig("password", password);
        }
        EmbeddedPostgres server = builder.start();
        if (!secured) {
            requirePassword(server, data, password);
            if (!firstStart) {
                log.info("The embedded database made by an older version now requires the password in {}",
                        data.resolveSibling(PASSWORD_FILE));
            }
        }
        return server;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String password() {
        return password;
    }

    /** Sets the password and switches every connection to it; runs once per home, on a new or an older one. */
    private static void requirePassword(EmbeddedPostgres server, Path data, String password) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // URL-safe base64 needs no quoting
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(data.resolve("pg_hba.conf"), HBA);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the embedded database's password: " + e.getMessage(), e);
        }
    }

    private static boolean secured(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        return Files.isRegularFile(hba) && Files.readString(hba).startsWith(SECURED);
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
