package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.compliancerunner.cli.CliDriver;
import org.compliancerunner.support.Fixtures;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A new pack version re-judges stored transcripts and measurements, without the media file, and says what changed. */
class ReevaluateTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void judgesStoredFindingsAgainAndReportsAddedRemovedUnchanged() throws Exception {
        Path work = Files.createDirectories(HOME.resolve("media/reevaluate"));
        Path video = Files.copy(Fixtures.require("video/autocut_test001.mp4"), work.resolve("spot.mp4"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Fixtures.require("video/autocut_test001.srt"), work.resolve("spot.srt"), StandardCopyOption.REPLACE_EXISTING);
        Path v1 = Files.writeString(work.resolve("v1.yaml"), """
                pack: reeval
                version: 1
                rules:
                  - {id: test.for-testing, kind: phrase, severity: high, phrases: ["for testing"]}
                  - {id: test.autocut, kind: phrase, severity: low, phrases: ["autocut"]}
                """);
        Path v2 = Files.writeString(work.resolve("v2.yaml"), """
                pack: reeval
                version: 2
                rules:
                  - {id: test.for-testing, kind: phrase, severity: high, phrases: ["for testing"]}
                  - {id: test.hello, kind: phrase, phrases: ["hello"]}
                  - {id: audio.loudness, kind: loudness, target: -23.0, tolerance: 1.0}
                """);
        assertThat(cli.run("ingest", video.toString(), "--project", "reeval").exitCode()).isZero();
        assertThat(cli.run("sweep", "--project", "reeval", "--rules", v1.toString()).exitCode()).isZero();
        long videoId = jdbc.sql("SELECT v.id FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = 'reeval'")
                .query(Long.class).single();
        assertThat(ruleIds(videoId)).containsExactlyInAnyOrder("test.autocut", "test.autocut", "test.for-testing");
        // the sweep opened a review item for the high-severity finding only; an operator confirms it
        JsonNode item = JSON.readTree(cli.run("review", "next", "--project", "reeval", "--operator", "ana", "--json").out());
        assertThat(item.get("ruleId").asString()).isEqualTo("test.for-testing");
        assertThat(cli.run("review", "next", "--project", "reeval", "--operator", "ben", "--json").out()).isBlank();
        CliDriver.Result confirmed = cli.run("review", "confirm", item.get("id").asString(), "--comment", "real claim",
                "--operator", "ana", "--json");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(JSON.readTree(confirmed.out()).get("verdict").asString()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM notify_events WHERE type = 'review.completed' "
                + "AND payload->>'videoId' = :id").param("id", String.valueOf(videoId)).query(Long.class).single()).isEqualTo(1L);
        // judging again needs no media: only what the sweep stored
        Files.delete(video);

        CliDriver.Result result = cli.run("reevaluate", "--rules", v2.toString(), "--project", "reeval", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = JSON.readTree(result.out());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("videos").asInt()).isEqualTo(1);
        assertThat(summary.get("triggers").get("added").asInt()).isEqualTo(2);
        assertThat(summary.get("triggers").get("removed").asInt()).isEqualTo(2);
        assertThat(summary.get("triggers").get("unchanged").asInt()).isEqualTo(1);
        assertThat(ruleIds(videoId)).containsExactlyInAnyOrder("test.for-testing", "test.hello", "audio.loudness");
        assertThat(jdbc.sql("SELECT pack_version FROM videos WHERE id = :id").param("id", videoId).query(Integer.class)
                .single()).isEqualTo(2);
        // receivers hear of the video flagged by the new version as they do after a sweep
        assertThat(flaggedRules(videoId, "reeval", 2)).containsExactly("[\"audio.loudness\", \"test.for-testing\", \"test.hello\"]");

        // the decision on the finding that persists is kept; the new medium-severity findings wait for review
        assertThat(jdbc.sql("SELECT state FROM review_items WHERE id = :id").param("id", item.get("id").asLong())
                .query(String.class).single()).isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("SELECT rule_id FROM review_items WHERE video_id = :id AND state = 'OPEN' ORDER BY rule_id")
                .param("id", videoId).query(String.class).list()).containsExactly("audio.loudness", "test.hello");

        CliDriver.Result again = cli.run("reevaluate", "--rules", v2.toString(), "--project", "reeval", "--json");
        JsonNode same = JSON.readTree(again.out());
        assertThat(same.get("triggers").get("added").asInt()).isZero();
        assertThat(same.get("triggers").get("removed").asInt()).isZero();
        assertThat(same.get("triggers").get("unchanged").asInt()).isEqualTo(3);

        // restart is for sweeps; for a re-evaluation it says what to do instead
        CliDriver.Result restart = cli.run("restart", same.get("jobExecutionId").asString());
        assertThat(restart.exitCode()).isEqualTo(1);
        assertThat(restart.err()).contains("is a re-evaluation, which is not restarted").contains("run reevaluate --rules FILE again");

        // judged by another pack altogether, the old pack's open questions no longer hold the video's verdict
        Path other = Files.writeString(work.resolve("other.yaml"),
                "pack: other\nversion: 1\nrules:\n  - {id: x.never, kind: phrase, phrases: [\"zebra crossing\"]}\n");
        assertThat(cli.run("reevaluate", "--rules", other.toString(), "--project", "reeval").exitCode()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM review_items WHERE video_id = :id AND state <> 'OBSOLETE'")
                .param("id", videoId).query(Long.class).single()).isZero();
        assertThat(flaggedRules(videoId, "other", 1)).as("a pack that found nothing flags nothing").isEmpty();

        // a pack in dictionary form finds the inflected words of the stored transcript ("for testing"), no decoding
        Path lemmas = Files.writeString(work.resolve("lemmas.yaml"),
                "pack: lemmas\nversion: 1\nrules:\n  - {id: x.test, kind: phrase, phrases: [\"video for test\"]}\n");
        assertThat(cli.run("reevaluate", "--rules", lemmas.toString(), "--project", "reeval").exitCode()).isZero();
        assertThat(ruleIds(videoId)).containsExactly("x.test");

        // the captions as written were kept with the measurements: caption rules judge them without the file
        Path captions = Files.writeString(work.resolve("captions.yaml"), """
                pack: captions
                version: 1
                rules:
                  - {id: c.quality, kind: caption-quality, preset: netflix}
                  - {id: c.sync, kind: caption-sync}
                  - {id: c.missing, kind: uncaptioned-speech}
                """);
        assertThat(cli.run("reevaluate", "--rules", captions.toString(), "--project", "reeval").exitCode()).isZero();
        List<String> found = cli.run("triggers", "--video", String.valueOf(videoId), "--json").out().lines()
                .filter(line -> !line.isBlank()).map(JSON::readTree)
                .map(t -> t.get("ruleId").asString() + " " + t.get("startMs").asLong() + " " + t.get("evidence").asString())
                .toList();
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("c.quality 0 cue at line 2: gap to the next cue 0 frame(s) (0 ms at ");
        assertThat(found.get(1)).isEqualTo("c.quality 5000 cue at line 6: line of 55 characters > 42");
    }

    @Test
    void aBadSinceOrPackChangesNothing() throws Exception {
        Path pack = Files.writeString(HOME.resolve("media/bad-reeval.yaml"), "pack: x\nversion: 1\nrules: []\n");
        long before = jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single();

        CliDriver.Result badDate = cli.run("reevaluate", "--rules", pack.toString(), "--since", "yesterday");
        CliDriver.Result badPack = cli.run("reevaluate", "--rules", pack.toString());

        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--since", "yesterday");
        assertThat(badPack.exitCode()).isEqualTo(2);
        assertThat(badPack.err()).contains("nothing was changed", "rules");
        assertThat(jdbc.sql("SELECT count(*) FROM batch_job_execution").query(Long.class).single()).isEqualTo(before);
    }

    /** The rules each {@code video.flagged} event of one pack version names for the video. */
    private List<String> flaggedRules(long videoId, String pack, int version) {
        return jdbc.sql("""
                        SELECT payload->>'rules' FROM notify_events WHERE type = 'video.flagged'
                          AND payload->>'videoId' = :id AND payload->>'pack' = :pack AND payload->>'packVersion' = :version""")
                .param("id", String.valueOf(videoId)).param("pack", pack).param("version", String.valueOf(version))
                .query(String.class).list();
    }

    private List<String> ruleIds(long videoId) {
        return cli.run("triggers", "--video", String.valueOf(videoId), "--json").out().lines()
                .filter(line -> !line.isBlank()).map(line -> JSON.readTree(line).get("ruleId").asString()).toList();
    }
}
