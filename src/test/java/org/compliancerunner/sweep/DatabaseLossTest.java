package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.ChildJvm;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The database goes away in the middle of a sweep for longer than the pool waits for a connection: the sweep must
 * end FAILED with that reason (not UNKNOWN, which Spring Batch refuses to restart), its process must exit 1, and
 * {@code restart ID} must finish every video exactly once.
 */
class DatabaseLossTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void aSweepThatLostItsDatabaseEndsFailedAndRestartFinishesIt() throws Exception {
        MarkerClips clips = MarkerClips.write(HOME.resolve("media/db-loss"), "dbloss", 24, i -> 6.0 + i % 3);
        String project = "db-loss";
        CliDriver.Result ingest = cli.run("ingest", clips.media().toString(), "--project", project);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        String url = environment.getProperty("spring.datasource.url");
        URI server = URI.create(url.substring("jdbc:".length()));
        Path log = Files.createTempFile("db-loss-sweep", ".log");
        try (TcpRelay relay = new TcpRelay(server.getHost(), server.getPort())) {
            String relayed = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + relay.port() + "/");
            Process sweep = ChildJvm.start(relayed, HOME, log, List.of("-Dcompliance.sweep.chunk-size=1",
                            "-Dspring.datasource.hikari.connection-timeout=2000", "-Dcompliance.sweep.lease=30s"),
                    List.of("sweep", "--project", project, "--rules", clips.rules().toString(), "--partitions", "2"));
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                        .failFast("the sweep ended before the database went away: " + log, () -> !sweep.isAlive())
                        .until(() -> MarkerClips.count(jdbc, project, "DONE") >= 4);
                relay.down(true);
                Thread.sleep(8_000); // four times the pool's connection timeout: every write in between fails
                relay.down(false);
                assertThat(sweep.waitFor(3, TimeUnit.MINUTES)).as("the sweep process ends: " + log).isTrue();
            } finally {
                sweep.destroyForcibly();
            }
            String printed = Files.readString(log);
            assertThat(sweep.exitValue()).as(printed).isEqualTo(1);
            assertThat(printed).contains(LostDatabase.REASON);
        }

        long execution = MarkerClips.execution(jdbc, project);
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", execution)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT count(*) FROM batch_step_execution WHERE job_execution_id = :id AND status = 'UNKNOWN'")
                .param("id", execution).query(Long.class).single()).isZero();
        Map<Long, OffsetDateTime> committed = new HashMap<>();
        MarkerClips.processedAt(jdbc, project).forEach((id, at) -> {
            if (at != null) {
                committed.put(id, at);
            }
        });

        CliDriver.Result restart = cli.run("restart", String.valueOf(execution), "--json");

        assertThat(restart.exitCode()).as(restart.err() + restart.out()).isZero();
        assertThat(restart.out()).contains("\"status\":\"COMPLETED\"");
        clips.assertEachDoneOnce(jdbc, project, committed);
    }
}
