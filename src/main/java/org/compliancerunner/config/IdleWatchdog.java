package org.compliancerunner.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Stops the embedded server after {@code compliance.embedded.idle-shutdown} without a client.
 *
 * <p>Why a process of its own: PostgreSQL cannot exit when idle, and no compliance-runner JVM stays around between
 * commands to do it. Leaving it to the next command would leave a server running for days after the last one. So the
 * command that starts the server also starts this small JVM (a few MB of heap, no Spring), which looks at the server's
 * own sessions every {@link #poll poll interval}: any client session — a command's connection pool, {@code serve}, a
 * sweep — counts as activity, and so does a command that has just attached (it touches {@value #LAST_USED} while it
 * holds the {@link HomeLock}). Once nothing happened for the whole idle period it stops the server under the same lock,
 * so a command arriving at that moment waits and then starts a fresh one. It ends itself when the server is gone
 * ({@code db stop}, a crash), and the next command to start a server starts a new watchdog with it.
 */
public final class IdleWatchdog {

    /** Touched by every command that attaches to the server: activity even before its first connection. */
    static final String LAST_USED = "database.last-used";
    /** The watchdog's pid, so that {@code db stop} can end it and a command can tell whether one runs. */
    static final String PID_FILE = "database.watchdog";

    private IdleWatchdog() {
    }

    /** {@code IdleWatchdog HOME IDLE_DURATION POSTMASTER_PID}, as {@link #launch} starts it. */
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Duration idle = Duration.parse(args[1]);
        long postmaster = Long.parseLong(args[2]);
        String password = OwnerOnlyFiles.secret(home.resolve(EmbeddedDatabase.PASSWORD_FILE));
        loadWhatStoppingNeeds();
        Instant lastActive = Instant.now();
        Connection connection = null;
        // the first look is at once, which also loads what looking needs (the JDBC driver) while the jar is as it was
        for (boolean first = true; ; first = false) {
            if (!first) {
                Thread.sleep(poll(idle).toMillis());
            }
            Optional<EmbeddedServer.Running> server = EmbeddedServer.running(home);
            if (server.isEmpty() || server.get().pid() != postmaster) {
                return; // stopped by someone else, or replaced by a server with a watchdog of its own
            }
            try {
                if (connection == null || connection.isClosed()) {
                    connection = connect(server.get().port(), password);
                }
                if (clients(connection) > 0) {
                    lastActive = Instant.now();
                }
            } catch (SQLException e) {
                connection = null; // starting, stopping or restarting: look again next time
                continue;
            }
            lastActive = latest(lastActive, lastUsed(home));
            if (Duration.between(lastActive, Instant.now()).compareTo(idle) >= 0
                    && stopIfStillIdle(home, postmaster, connection, idle)) {
                System.err.println(Instant.now() + " stopped the embedded database after " + idle + " without a client");
                return;
            }
        }
    }

    /**
     * An upgrade or a rebuild may rewrite the jar while the watchdog waits, and classes cannot be read from a rewritten
     * jar: the watchdog would die with NoClassDefFoundError when the time came to stop the server, and leave it running.
     * So the classes that only stopping uses are loaded at start.
     */
    private static void loadWhatStoppingNeeds() {
        for (Class<?> needed : List.of(HomeLock.class, LinuxUtils.class)) {
            try {
                Class.forName(needed.getName(), true, needed.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e); // not possible: a class literal has loaded it already
            }
        }
    }

    /** Under the home's lock, so that no command attaches while the server goes away. */
    private static boolean stopIfStillIdle(Path home, long postmaster, Connection connection, Duration idle)
            throws IOException, SQLException {
        try (HomeLock lock = HomeLock.acquire(home)) {
            Optional<EmbeddedServer.Running> server = EmbeddedServer.running(home);
            if (server.isEmpty() || server.get().pid() != postmaster) {
                return true;
            }
            Instant used = lastUsed(home);
            if (clients(connection) > 0 || Duration.between(used, Instant.now()).compareTo(idle) < 0) {
                return false;
            }
            connection.close();
            EmbeddedServer.stop(home, server.get());
            return true;
        }
    }

    /** How often to look: a tenth of the idle period, between one and thirty seconds. */
    static Duration poll(Duration idle) {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenth;
    }

    private static int clients(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "compliance-runner idle watchdog");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", properties);
    }

    static Instant lastUsed(Path home) {
        try {
            return Files.getLastModifiedTime(home.resolve(LAST_USED)).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    static void touch(Path home) throws IOException {
        Path file = home.resolve(LAST_USED);
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The watchdog of this server (postmaster pid), if one runs; one left from an earlier server does not count. */
    static Optional<ProcessHandle> running(Path home, long postmaster) {
        try {
            String[] pids = Files.readString(home.resolve(PID_FILE)).strip().split(" ");
            if (Long.parseLong(pids[1]) != postmaster) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(pids[0])).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine()
                            .map(line -> line.contains(IdleWatchdog.class.getName())).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the watchdog for the server with this postmaster pid in a JVM of its own that outlives this process; its
     * output goes to the server's log beside the data directory.
     */
    static void launch(Path home, Duration idle, long postmaster) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // absolute, as the watchdog may outlive the directory this command ran in
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        if (bootJar(classPath)) {
            // the runnable jar: its own launcher finds the nested libraries (the JDBC driver)
            command.addAll(List.of("-Dloader.main=" + IdleWatchdog.class.getName(), "-cp", classPath,
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", classPath, IdleWatchdog.class.getName()));
        }
        command.addAll(List.of(home.toString(), idle.toString(), Long.toString(postmaster)));
        Path log = home.resolve(EmbeddedDatabase.LOG_FILE);
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Files.writeString(home.resolve(PID_FILE), process.pid() + " " + postmaster);
    }

    /** Ends the watchdog of this server once it was stopped by other means, rather than at its next look. */
    static void end(Path home, long postmaster) throws IOException {
        running(home, postmaster).ifPresent(ProcessHandle::destroy);
        Files.deleteIfExists(home.resolve(PID_FILE));
    }

    private static boolean bootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }
}
