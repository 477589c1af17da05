package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.ChildJvm;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * kill -9 of a sweep process in the middle of analyze, then recovery both ways the README promises: restart of
 * the execution, or a new sweep. Every video must end DONE once, with no duplicate rows and nothing redone that
 * was already committed.
 */
class SweepCrashTest extends IntegrationTest {

    private static MarkerClips clips;

    @Autowired
    Environment environment;

    @BeforeAll
    static void writeClips() throws Exception {
        clips = MarkerClips.write(HOME.resolve("media/crash"), "crash", 40, i -> 6.0 + i % 3);
    }

    @Test
    void restartAfterKillFinishesEveryVideoExactlyOnce() throws Exception {
        String project = "crash-restart";
        ingest(project);
        Crash crash = killSweepMidway(project);

        CliDriver.Result restart = cli.run("restart", String.valueOf(crash.jobExecutionId()), "--json");

        assertThat(restart.exitCode()).as(restart.err() + restart.out()).isZero();
        assertThat(restart.out()).contains("\"status\":\"COMPLETED\"");
        assertEveryVideoDoneOnce(project, crash);
    }

    @Test
    void aNewSweepAfterKillRecoversTheDeadExecutionAndTakesOverItsVideos() throws Exception {
        String project = "crash-sweep";
        ingest(project);
        Crash crash = killSweepMidway(project);

        CliDriver.Result sweep = cli.run("sweep", "--project", project, "--rules", clips.rules().toString(), "--json");

        assertThat(sweep.exitCode()).as(sweep.err() + sweep.out()).isZero();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", crash.jobExecutionId()).query(String.class).single()).isEqualTo("FAILED");
        assertEveryVideoDoneOnce(project, crash);
    }

    private void ingest(String project) {
        CliDriver.Result ingest = cli.run("ingest", clips.media().toString(), "--project", project);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(MarkerClips.processedAt(jdbc, project)).hasSize(clips.clips());
    }

    /** Starts a sweep in a child JVM and kills it (SIGKILL) once some videos are committed and others are not. */
    private Crash killSweepMidway(String project) throws Exception {
        File log = Files.createTempFile("crash-sweep", ".log").toFile();
        Process sweep = ChildJvm.start(environment.getProperty("spring.datasource.url"), HOME, log.toPath(),
                List.of("-Dcompliance.sweep.chunk-size=1"),
                List.of("sweep", "--project", project, "--rules", clips.rules().toString(), "--partitions", "2"));
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .failFast("the sweep process ended before it could be killed: " + log, () -> !sweep.isAlive())
                    .until(() -> MarkerClips.count(jdbc, project, "DONE") >= 4);
        } finally {
            sweep.destroyForcibly();
            sweep.waitFor(30, TimeUnit.SECONDS);
        }
        Map<Long, OffsetDateTime> committed = clips.committed(jdbc, project, 4);
        long execution = MarkerClips.execution(jdbc, project);
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", execution)
                .query(String.class).single()).as("the killed execution still looks running").isEqualTo("STARTED");
        return new Crash(execution, committed);
    }

    private void assertEveryVideoDoneOnce(String project, Crash crash) {
        clips.assertEachDoneOnce(jdbc, project, crash.committed());
    }

    private record Crash(long jobExecutionId, Map<Long, OffsetDateTime> committed) {
    }
}
