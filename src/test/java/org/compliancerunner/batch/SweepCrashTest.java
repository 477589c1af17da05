package org.compliancerunner.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.media.SampleMedia;
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

    private static final int CLIPS = 40;
    private static final Path MEDIA = HOME.resolve("media/crash");
    private static final Path RULES = MEDIA.resolve("rules.yaml");

    @Autowired
    Environment environment;

    @BeforeAll
    static void writeClips() throws Exception {
        Files.createDirectories(MEDIA);
        Files.writeString(RULES, "pack: crash\nversion: 1\nrules:\n"
                + "  - {id: crash.marker, kind: phrase, severity: low, phrases: [\"marker phrase\"]}\n");
        for (int i = 0; i < CLIPS; i++) {
            Path clip = MEDIA.resolve(String.format("clip-%02d.mp4", i));
            if (!Files.exists(clip)) {
                SampleMedia.writeClip(clip, 6.0 + i % 3, 160, 90, i);
                SampleMedia.writeCaptions(MEDIA.resolve(String.format("clip-%02d.srt", i)),
                        List.of(new SampleMedia.Cue(1000, 3000, "Clip " + i + " says the marker phrase once.")));
            }
        }
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

        CliDriver.Result sweep = cli.run("sweep", "--project", project, "--rules", RULES.toString(), "--json");

        assertThat(sweep.exitCode()).as(sweep.err() + sweep.out()).isZero();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", crash.jobExecutionId()).query(String.class).single()).isEqualTo("FAILED");
        assertEveryVideoDoneOnce(project, crash);
    }

    private void ingest(String project) {
        CliDriver.Result ingest = cli.run("ingest", MEDIA.toString(), "--project", project);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(videos(project)).hasSize(CLIPS);
    }

    /** Starts a sweep in a child JVM and kills it (SIGKILL) once some videos are committed and others are not. */
    private Crash killSweepMidway(String project) throws Exception {
        File log = Files.createTempFile("crash-sweep", ".log").toFile();
        Process sweep = ChildJvm.start(environment.getProperty("spring.datasource.url"), HOME, log.toPath(),
                List.of("-Dcompliance.sweep.chunk-size=1"),
                List.of("sweep", "--project", project, "--rules", RULES.toString(), "--partitions", "2"));
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .failFast("the sweep process ended before it could be killed: " + log, () -> !sweep.isAlive())
                    .until(() -> count(project, "DONE") >= 4);
        } finally {
            sweep.destroyForcibly();
            sweep.waitFor(30, TimeUnit.SECONDS);
        }
        Map<Long, OffsetDateTime> committed = videos(project).entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(committed.size()).as("videos committed before the kill").isBetween(4, CLIPS - 1);
        long execution = jdbc.sql("""
                        SELECT e.job_execution_id FROM batch_job_execution e
                        WHERE e.job_instance_id = (SELECT DISTINCT claimed_by FROM videos v JOIN projects p ON p.id = v.project_id
                                                   WHERE p.name = :project AND claimed_by IS NOT NULL)""")
                .param("project", project).query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = :id").param("id", execution)
                .query(String.class).single()).as("the killed execution still looks running").isEqualTo("STARTED");
        return new Crash(execution, committed);
    }

    private void assertEveryVideoDoneOnce(String project, Crash crash) {
        assertThat(count(project, "DONE")).isEqualTo(CLIPS);
        Map<Long, OffsetDateTime> after = videos(project);
        crash.committed().forEach((id, processedAt) ->
                assertThat(after.get(id)).as("video %d finished before the kill is not redone", id).isEqualTo(processedAt));
        List<Map<String, Object>> perVideo = jdbc.sql("""
                        SELECT v.id, (SELECT count(*) FROM triggers t WHERE t.video_id = v.id) AS triggers,
                               (SELECT count(*) FROM transcript_segments s WHERE s.video_id = v.id) AS segments
                        FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :project""")
                .param("project", project).query().listOfRows();
        assertThat(perVideo).hasSize(CLIPS).allSatisfy(row -> {
            assertThat(row.get("triggers")).as("triggers of video %s", row.get("id")).isEqualTo(1L);
            assertThat(row.get("segments")).as("segments of video %s", row.get("id")).isEqualTo(1L);
        });
    }

    private Map<Long, OffsetDateTime> videos(String project) {
        Map<Long, OffsetDateTime> processed = new java.util.HashMap<>();
        jdbc.sql("SELECT v.id, v.processed_at FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :project")
                .param("project", project)
                .query((rs, n) -> processed.put(rs.getLong("id"), rs.getObject("processed_at", OffsetDateTime.class)))
                .list();
        return processed;
    }

    private long count(String project, String status) {
        return jdbc.sql("SELECT count(*) FROM videos v JOIN projects p ON p.id = v.project_id "
                        + "WHERE p.name = :project AND v.status = :status")
                .param("project", project).param("status", status).query(Long.class).single();
    }

    private record Crash(long jobExecutionId, Map<Long, OffsetDateTime> committed) {
    }
}
