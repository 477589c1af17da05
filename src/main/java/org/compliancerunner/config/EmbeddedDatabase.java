package org.compliancerunner.config;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server used when no {@code SPRING_DATASOURCE_URL} is set: a real server whose data stays under
 * {@code $COMPLIANCE_HOME/pgdata}. The first command starts it and it stays up for the next ones, which connect to it
 * (a command costs a connection, not a server start); it stops after {@code compliance.embedded.idle-shutdown} without
 * a client ({@link IdleWatchdog}) or on {@code db stop}. Starting and attaching happen under the home's
 * {@link HomeLock}, so commands started together share one server.
 *
 * <p>It listens on loopback only, has no Unix socket, and every connection needs the password kept in
 * {@code $COMPLIANCE_HOME/database.password} (owner-only), so other local users and processes cannot read it. A home
 * made before passwords (the server trusted every local connection) gets one on its first start.
 */
final class EmbeddedDatabase {

    static final String PASSWORD_FILE = "database.password";
    /** The server's own output and the watchdog's, beside the data directory. */
    static final String LOG_FILE = "database.log";
    // the first line of the pg_hba.conf this class writes: a data directory with it needs a password already
    private static final String SECURED = "# compliance-runner: password (scram-sha-256) for every connection";
    private static final String HBA = SECURED + """

            # the password is in $COMPLIANCE_HOME/%s, readable by its owner only
            local  all  all                 scram-sha-256
            host   all  all  127.0.0.1/32   scram-sha-256
            host   all  all  ::1/128        scram-sha-256
            """.formatted(PASSWORD_FILE);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final String jdbcUrl;
    private final String password;

    private EmbeddedDatabase(String jdbcUrl, String password) {
        this.jdbcUrl = jdbcUrl;
        this.password = password;
    }

    /**
     * Connects to this home's running server, or starts it (waiting for another command that is starting it right
     * now), and makes sure a watchdog will stop it after {@code idleShutdown} without clients; zero keeps it running
     * until {@code db stop}.
     */
    static EmbeddedDatabase start(Path home, Duration idleShutdown) {
        Path data = home.resolve("pgdata");
        try {
            OwnerOnlyFiles.directory(home, false);
            String password = OwnerOnlyFiles.secret(home.resolve(PASSWORD_FILE));
            try (HomeLock lock = HomeLock.acquire(home)) {
                Optional<EmbeddedServer.Running> running = EmbeddedServer.running(home);
                if (running.isEmpty()) {
                    EmbeddedFirstStart.prepare(home, (binaries, firstData) -> {
                        OwnerOnlyFiles.directory(binaries, true);
                        return launch(binaries, firstData, password, true, home);
                    });
                    // the server's binaries: whoever could write here could run code as this user
                    OwnerOnlyFiles.directory(home.resolve("pg"), true);
                    // not closed: the server belongs to no JVM and outlives this command
                    releaseDataDirectoryLock(launch(home.resolve("pg"), data, password, false, home));
                    running = EmbeddedServer.running(home);
                    if (running.isEmpty()) {
                        throw new IOException("the server started but left no postmaster.pid in " + data);
                    }
                }
                IdleWatchdog.touch(home);
                if (!idleShutdown.isZero() && !idleShutdown.isNegative()
                        && IdleWatchdog.running(home, running.get().pid()).isEmpty()) {
                    IdleWatchdog.launch(home, idleShutdown, running.get().pid());
                }
                return new EmbeddedDatabase(url(running.get().port()), password);
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof EmbeddedDatabaseException known ? known
                    : new EmbeddedDatabaseException(EmbeddedFirstStart.why(home, e), e);
        }
    }

    /** Starts a server on these binaries and data; a data directory without a password gets one first thing. */
    private static EmbeddedPostgres launch(Path binaries, Path data, String password, boolean firstStart, Path home)
            throws IOException {
        ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(home.resolve(LOG_FILE).toFile());
        boolean secured = secured(data);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                // its output outlives this JVM, so it goes to a file rather than to a pipe that closes with it
                .setOutputRedirector(serverLog)
                .setErrorRedirector(serverLog)
                // the server stays up after this process ends: stopped by the idle watchdog or db stop
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

    /**
     * The server library locks the data directory for as long as its handle lives, which here is the whole process:
     * a long-running {@code serve} would then keep every other process from starting the server again after a
     * {@code db stop}. The {@link HomeLock} already guards starting, so the library's lock is let go once it has
     * started the server. Should the library change, the lock stays until this process ends, as before.
     */
    private static void releaseDataDirectoryLock(EmbeddedPostgres server) {
        try {
            Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
            Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
            lock.setAccessible(true);
            stream.setAccessible(true);
            ((FileLock) lock.get(server)).release();
            ((FileOutputStream) stream.get(server)).close();
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            log.debug("The embedded server's data directory lock stays until this process ends", e);
        }
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

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }
}
