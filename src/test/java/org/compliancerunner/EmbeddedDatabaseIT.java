package org.compliancerunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.config.EmbeddedServer;
import org.compliancerunner.support.PackagedJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded database of the packaged jar across commands, as a user's shell sees it: the first command starts the
 * server and later ones connect to it, {@code db status} and {@code db stop} look at it from outside, and it stops
 * itself when idle. Each test leaves no server and no watchdog behind.
 */
class EmbeddedDatabaseIT {

    private static Path home;

    @BeforeAll
    static void prepare() throws IOException {
        home = Files.createTempDirectory("embedded-database-home");
    }

    @AfterEach
    void stopTheServer() throws IOException {
        EmbeddedServer.stop(home);
    }

    @AfterAll
    static void noServerLeft() {
        assertThat(EmbeddedServer.running(home)).isEmpty();
        assertThat(watchdogs()).isEmpty();
    }

    @Test
    void commandsStartedTogetherShareOneServerThatLaterCommandsReuse() throws Exception {
        // both start on a home with no server: one starts it, the other waits for it and connects
        Process first = jar(List.of("status")).start();
        Process second = jar(List.of("videos")).start();
        assertThat(first.waitFor(5, TimeUnit.MINUTES) && second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(first.exitValue()).as(new String(first.getErrorStream().readAllBytes())).isZero();
        assertThat(second.exitValue()).as(new String(second.getErrorStream().readAllBytes())).isZero();

        EmbeddedServer.Running server = EmbeddedServer.running(home).orElseThrow();
        assertThat(postmasters()).as("one server on the data directory").hasSize(1);

        PackagedJar.Run triggers = run("triggers");
        assertThat(triggers.exitCode()).as(triggers.toString()).isZero();
        assertThat(EmbeddedServer.running(home)).as("the next command connected to the same server").contains(server);

        PackagedJar.Run status = run("db", "status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("is running on localhost:" + server.port())
                .contains("pid " + server.pid()).contains("stops after 15 min without a client");
        PackagedJar.Run json = run("db", "status", "--json");
        assertThat(json.out()).contains("\"running\":true").contains("\"port\":" + server.port());
    }

    @Test
    void dbStopRefusesWhileASweepRunsAndStopsTheServerOtherwise() throws Exception {
        assertThat(run("status").exitCode()).isZero();
        EmbeddedServer.Running server = EmbeddedServer.running(home).orElseThrow();
        // a sweep as its process leaves it while it works: STARTED, with a fresh heartbeat in its lease
        sql(server, "INSERT INTO batch_job_instance VALUES (9001, 0, 'sweep', 'k9001')",
                "INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time, "
                        + "status, last_updated) VALUES (9001, 1, 9001, now(), now(), 'STARTED', now())",
                "INSERT INTO sweep_leases (job_execution_id, host, pid, heartbeat_at) VALUES (9001, 'worker-1', 4242, now())");

        PackagedJar.Run refused = run("db", "stop");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("sweep 9001 is running").contains("pid 4242 on worker-1").contains("stop 9001");
        assertThat(EmbeddedServer.running(home)).as("still up").contains(server);

        // its process died long ago: the lease is stale, so nothing runs
        sql(server, "UPDATE sweep_leases SET heartbeat_at = now() - interval '1 hour'");
        PackagedJar.Run stopped = run("db", "stop");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).contains("Stopped the embedded database (pid " + server.pid());
        assertThat(EmbeddedServer.running(home)).isEmpty();
        assertThat(watchdogs()).as("its watchdog ends with it").isEmpty();
        assertThat(run("db", "status").out()).contains("is not running");
        assertThat(run("db", "stop").out()).contains("is not running");
    }

    @Test
    void theServerStopsItselfAfterTheIdlePeriodEvenWhenItsJarWasReplacedMeanwhile() throws Exception {
        Path installed = Files.copy(PackagedJar.JAR, home.resolve("compliance-runner.jar"));
        PackagedJar.Run videos = PackagedJar.run(home, List.of("videos", "--compliance.embedded.idle-shutdown=5s"),
                builder -> {
                    PackagedJar.withoutDatasourceUrl(builder);
                    builder.command().replaceAll(arg -> arg.equals(PackagedJar.JAR.toString()) ? installed.toString() : arg);
                });
        assertThat(videos.exitCode()).as(videos.toString()).isZero();
        EmbeddedServer.Running server = EmbeddedServer.running(home).orElseThrow();
        await().atMost(Duration.ofMinutes(1)).until(() -> watchdogConnected(server));
        // an upgrade written over the jar in place while the watchdog waits: it can read no class from it any more
        Files.writeString(installed, "a newer version, half copied");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> EmbeddedServer.running(home).isEmpty() && watchdogs().isEmpty());
        assertThat(Files.readString(EmbeddedServer.log(home))).contains("stopped the embedded database after PT5S")
                .doesNotContain("NoClassDefFoundError");

        // and the next command starts it again
        assertThat(run("status").exitCode()).isZero();
        assertThat(EmbeddedServer.running(home)).isPresent();
    }

    private static PackagedJar.Run run(String... args) throws Exception {
        return PackagedJar.run(home, List.of(args), PackagedJar::withoutDatasourceUrl);
    }

    private static ProcessBuilder jar(List<String> args) {
        ProcessBuilder builder = PackagedJar.builder(home, args);
        PackagedJar.withoutDatasourceUrl(builder);
        return builder;
    }

    private static void sql(EmbeddedServer.Running server, String... statements) throws SQLException {
        try (Connection connection = EmbeddedServer.dataSource(home, server).getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static boolean watchdogConnected(EmbeddedServer.Running server) throws SQLException {
        try (Connection connection = EmbeddedServer.dataSource(home, server).getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE application_name = 'compliance-runner idle watchdog'")) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    private static List<ProcessHandle> postmasters() {
        String data = home.resolve("pgdata").toString();
        return processes(line -> line.contains("/bin/postgres") && line.contains("-D " + data + " "));
    }

    private static List<ProcessHandle> watchdogs() {
        return processes(line -> line.contains("IdleWatchdog") && line.contains(home.toString()));
    }

    private static List<ProcessHandle> processes(java.util.function.Predicate<String> commandLine) {
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(commandLine::test).orElse(false))
                .forEach(found::add);
        return found;
    }
}
