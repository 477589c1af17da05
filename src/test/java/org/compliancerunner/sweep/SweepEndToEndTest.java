package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.CatalogRows;
import org.compliancerunner.support.Fixtures;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ingest → sweep → report on real PostgreSQL with the captioned fixture and a truncated copy of it. */
class SweepEndToEndTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void flagsTheCaptionedPhraseFailsTheTruncatedFileAndLeavesNothingForASecondSweep() throws Exception {
        Path video = Fixtures.require("video/autocut_test001.mp4");
        Fixtures.require("video/autocut_test001.srt");
        Path work = Files.createDirectories(HOME.resolve("media/e2e"));
        byte[] bytes = Files.readAllBytes(video);
        Path truncated = Files.write(work.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length * 6 / 10));
        Path rules = Files.writeString(work.resolve("rules.yaml"), """
                pack: e2e
                version: 1
                rules:
                  - {id: test.for-testing, kind: phrase, severity: high, phrases: ["for testing"]}
                """);

        CliDriver.Result ingest = cli.run("ingest", video.toString(), truncated.toString(), "--project", "e2e", "--json");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        List<JsonNode> registered = jsonLines(ingest.out());
        assertThat(registered).hasSize(2).allSatisfy(line -> assertThat(line.get("status").asString()).isEqualTo("PENDING"));
        long videoId = registered.get(0).get("id").asLong();
        long truncatedId = registered.get(1).get("id").asLong();
        assertThat(registered.get(0).get("durationMs").asLong()).isBetween(10_200L, 10_300L);

        JsonNode summary = completedSweep("--project", "e2e", "--rules", rules.toString());
        assertThat(summary.get("videos").get("done").asInt()).isEqualTo(1);
        assertThat(summary.get("videos").get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("triggers").asInt()).isEqualTo(1);

        List<JsonNode> triggers = jsonLines(cli.run("triggers", "--video", String.valueOf(videoId), "--json").out());
        assertThat(triggers).hasSize(1);
        JsonNode trigger = triggers.get(0);
        assertThat(trigger.get("ruleId").asString()).isEqualTo("test.for-testing");
        assertThat(trigger.get("packVersion").asInt()).isEqualTo(1);
        assertThat(trigger.get("severity").asString()).isEqualTo("high");
        assertThat(trigger.get("startMs").asLong()).isBetween(5_000L, 10_260L);
        assertThat(trigger.get("endMs").asLong()).isBetween(trigger.get("startMs").asLong(), 10_260L);
        assertThat(trigger.get("evidence").asString()).containsIgnoringCase("for testing");
        assertThat(trigger.get("source").asString()).isEqualTo("captions:srt");

        List<JsonNode> failed = jsonLines(cli.run("videos", "--status", "FAILED", "--json").out());
        JsonNode broken = failed.stream().filter(line -> line.get("id").asLong() == truncatedId).findFirst().orElseThrow();
        assertThat(broken.get("failureReason").asString()).isNotBlank().containsAnyOf("truncated", "corrupt", "moov");

        Map<String, Object> segments = jdbc.sql("SELECT count(*) AS n, count(DISTINCT seq) AS d FROM transcript_segments "
                + "WHERE video_id = :id").param("id", videoId).query().singleRow();
        assertThat(segments.get("n")).isEqualTo(2L).isEqualTo(segments.get("d"));

        // minutes: the 10.26 s video is charged its one started minute, the failed one's reservation is returned
        assertThat(minutes(videoId, "charged_minutes")).isEqualTo(1L);
        assertThat(minutes(videoId, "open_minutes")).isZero();
        assertThat(minutes(truncatedId, "charged_minutes")).isZero();
        assertThat(minutes(truncatedId, "open_minutes")).isZero();
        long jobExecutionId = summary.get("jobExecutionId").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM notify_events WHERE type = 'video.flagged' AND payload->>'videoId' = :id")
                .param("id", String.valueOf(videoId)).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT payload->>'done' FROM notify_events WHERE type = 'job.completed' "
                        + "AND payload->>'jobExecutionId' = :id")
                .param("id", String.valueOf(jobExecutionId)).query(String.class).single()).isEqualTo("1");

        JsonNode second = completedSweep("--project", "e2e", "--rules", rules.toString());
        assertThat(second.get("videos").get("done").asInt()).isZero();
        assertThat(second.get("videos").get("failed").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM triggers WHERE video_id = :id").param("id", videoId)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theTextReportNamesTheRuleTheTimecodeAndTheFailureReason() throws Exception {
        Path video = Fixtures.require("video/autocut_test001.mp4");
        Path work = Files.createDirectories(HOME.resolve("media/report"));
        byte[] bytes = Files.readAllBytes(video);
        Path truncated = Files.write(work.resolve("half.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        Path rules = Files.writeString(work.resolve("rules.yaml"),
                "pack: report\nversion: 1\nrules:\n  - {id: test.autocut, kind: phrase, phrases: [autocut]}\n");
        assertThat(cli.run("ingest", video.toString(), truncated.toString(), "--project", "report").exitCode()).isZero();

        CliDriver.Result sweep = cli.run("sweep", "--project", "report", "--rules", rules.toString());

        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        assertThat(sweep.out())
                .contains("COMPLETED", "rule pack report v1", "2 video(s): 1 done, 1 failed")
                .contains("test.autocut", "autocut_test001", "FAILED", "half")
                .containsPattern("00:00:0\\d\\.\\d{3}–00:00:\\d\\d\\.\\d{3}");
    }

    @Test
    void moreRequestedPartitionsThanThePoolCanCarryStillComplete() throws Exception {
        Path work = Files.createDirectories(HOME.resolve("media/many-partitions"));
        for (int i = 0; i < 6; i++) {
            org.compliancerunner.demo.SampleMedia.writeClip(work.resolve("clip-" + i + ".mp4"), 1.0, 64, 36, 100 + i);
        }
        assertThat(cli.run("ingest", work.toString(), "--project", "many-partitions").exitCode()).isZero();

        JsonNode summary = completedSweep("--project", "many-partitions", "--partitions", "12");

        assertThat(summary.get("videos").get("done").asInt()).isEqualTo(6);
    }

    @Test
    void aFileThatKeptTakingItsProcessDownIsFailedInsteadOfRetriedForever() {
        long projectId = CatalogRows.project(jdbc, "crash-loop", "ops");
        long videoId = jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, status, owner,
                                            claimed_by, attempts)
                        VALUES (:project, 'poison', '/x', '/x', repeat('a', 64), 1, 'PROCESSING', 'ops', 987654, 3)
                        RETURNING id""").param("project", projectId).query(Long.class).single();

        assertThat(cli.run("sweep", "--project", "crash-loop", "--json").exitCode()).isZero();

        Map<String, Object> row = jdbc.sql("SELECT status, failure_reason FROM videos WHERE id = :id")
                .param("id", videoId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat((String) row.get("failure_reason")).contains("3 times", "not tried again");
    }

    private long minutes(long videoId, String column) {
        return jdbc.sql("SELECT coalesce(sum(" + column + "), 0) FROM billing_entries WHERE video_id = :id")
                .param("id", videoId).query(Long.class).single();
    }

    private static List<JsonNode> jsonLines(String output) {
        return output.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }
}
