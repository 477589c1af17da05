package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.compliancerunner.catalog.SweepQueue;
import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.ChildJvm;
import org.compliancerunner.support.HangingInspection;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A video whose inspection never returns (a test-only inspector that ignores interrupts, as a native call would): the
 * time budget fails that video and its partition goes on; {@code stop} ends the sweep and its process while the
 * video still hangs, and no other sweep takes its claims while that process is finishing.
 */
@TestPropertySource(properties = {HangingInspection.MARKER + "=hang", "compliance.sweep.video-timeout.factor=0",
        "compliance.sweep.video-timeout.minimum=15s", "compliance.sweep.video-timeout.grace=1s"})
class VideoTimeLimitTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    StaleSweepRecovery recovery;

    @Autowired
    SweepQueue queue;

    @AfterAll
    static void release() {
        HangingInspection.releaseAll();
    }

    @Test
    void aVideoThatHangsFailsOnItsBudgetAndThePartitionGoesOnWithTheOthers() throws Exception {
        Path media = clips("time-limit");
        assertThat(cli.run("ingest", media.toString(), "--project", "time-limit").exitCode()).isZero();

        // one partition: the hanging video comes first and the other three are behind it
        JsonNode summary = completedSweep("--project", "time-limit", "--partitions", "1");

        assertThat(summary.get("videos").get("done").asInt()).isEqualTo(3);
        assertThat(summary.get("videos").get("failed").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT v.failure_reason FROM videos v JOIN projects p ON p.id = v.project_id
                        WHERE p.name = 'time-limit' AND v.media_path LIKE '%a-hang.mp4'""")
                .query(String.class).single())
                .isEqualTo("timed out after 15 s (compliance.sweep.video-timeout: 15 s per video)");
        // the partition went on although the hanging thread never stopped
        assertThat(HangingInspection.hanging()).isPositive();
    }

    @Test
    void stopEndsTheSweepProcessWhileAVideoHangsAndNoSweepOvertakesItMeanwhile() throws Exception {
        Path media = clips("stop-hang");
        assertThat(cli.run("ingest", media.toString(), "--project", "stop-hang").exitCode()).isZero();
        Path log = Files.createTempFile("stop-hang", ".log");
        // a budget of an hour: only the stop can end this sweep; a long grace keeps the process finishing a while
        Process sweep = ChildJvm.start(environment.getProperty("spring.datasource.url"), HOME, log,
                List.of("-D" + HangingInspection.MARKER + "=hang", "-Dcompliance.sweep.video-timeout.minimum=1h",
                        "-Dcompliance.sweep.video-timeout.grace=20s"),
                List.of("sweep", "--project", "stop-hang", "--partitions", "1", "--json"));
        try {
            await().atMost(Duration.ofMinutes(3))
                    .failFast("the sweep process ended before it reached the hanging video: " + log, () -> !sweep.isAlive())
                    .until(() -> "PROCESSING".equals(hangingVideoStatus("stop-hang")));
            long execution = executionOf("stop-hang");

            CliDriver.Result stop = cli.run("stop", String.valueOf(execution));
            assertThat(stop.exitCode()).as(stop.err()).isZero();

            // while that process is finishing, its claims stay its own: the take-over a new sweep starts with leaves them
            long instance = instanceOf(execution);
            assertThat(recovery.liveInstances()).contains(instance);
            queue.releaseAbandoned(recovery.liveInstances());
            assertThat(hangingVideoStatus("stop-hang")).isEqualTo("PROCESSING");

            assertThat(sweep.waitFor(3, TimeUnit.MINUTES)).as("the stopped sweep process exits: " + log).isTrue();
            // its report says STOPPED, and a stopped sweep exits 1 for the scheduler that launched it
            assertThat(Files.readString(log)).contains("\"jobExecutionId\":" + execution + ",\"status\":\"STOPPED\"");
            assertThat(sweep.exitValue()).as(log.toString()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id")
                    .param("id", execution).query(String.class).single()).isEqualTo("STOPPED");
            // neither FAILED by a budget nor released: the video waits for restart ID
            assertThat(hangingVideoStatus("stop-hang")).isEqualTo("PROCESSING");
            assertThat(jdbc.sql("SELECT count(*) FROM sweep_leases WHERE job_execution_id = :id")
                    .param("id", execution).query(Long.class).single()).isZero();
        } finally {
            sweep.destroyForcibly();
        }
    }

    /** Three short captioned clips and, first by name, one whose inspection hangs. */
    private static Path clips(String project) throws Exception {
        Path media = Files.createDirectories(HOME.resolve("media/" + project));
        int variant = 200 + Math.floorMod(project.hashCode(), 100) * 4; // distinct content: ingest deduplicates
        SampleMedia.writeClip(media.resolve("a-hang.mp4"), 1.0, 64, 36, variant);
        for (int i = 0; i < 3; i++) {
            SampleMedia.writeClip(media.resolve("clip-" + i + ".mp4"), 1.0, 64, 36, variant + 1 + i);
        }
        return media;
    }

    private String hangingVideoStatus(String project) {
        return jdbc.sql("""
                        SELECT v.status FROM videos v JOIN projects p ON p.id = v.project_id
                        WHERE p.name = :project AND v.media_path LIKE '%a-hang.mp4'""")
                .param("project", project).query(String.class).single();
    }

    private long instanceOf(long execution) {
        return jdbc.sql("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", execution).query(Long.class).single();
    }

    private long executionOf(String project) {
        return jdbc.sql("""
                        SELECT max(e.job_execution_id) FROM batch_job_execution e
                        WHERE e.job_instance_id = (SELECT DISTINCT claimed_by FROM videos v JOIN projects p ON p.id = v.project_id
                                                   WHERE p.name = :project AND claimed_by IS NOT NULL)""")
                .param("project", project).query(Long.class).single();
    }
}
