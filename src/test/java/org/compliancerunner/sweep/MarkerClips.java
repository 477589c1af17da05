package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.compliancerunner.demo.SampleMedia;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Captioned clips that each say the marker phrase once, with a rule pack that finds it: after any crash and recovery,
 * every video must be DONE with exactly one finding and one transcript segment, and what finished before the crash
 * must not have been redone. What the crash tests build on and check.
 */
record MarkerClips(Path media, int clips) {

    /** Writes the clips (once per directory) and the pack {@code pack}; clip i lasts {@code seconds.applyAsDouble(i)}. */
    static MarkerClips write(Path media, String pack, int clips, IntToDoubleFunction seconds)
            throws IOException {
        Files.createDirectories(media);
        Files.writeString(media.resolve("rules.yaml"), "pack: " + pack + "\nversion: 1\nrules:\n"
                + "  - {id: " + pack + ".marker, kind: phrase, severity: low, phrases: [\"marker phrase\"]}\n");
        for (int i = 0; i < clips; i++) {
            Path clip = media.resolve(String.format("clip-%02d.mp4", i));
            if (!Files.exists(clip)) {
                SampleMedia.writeClip(clip, seconds.applyAsDouble(i), 160, 90, i);
                SampleMedia.writeCaptions(media.resolve(String.format("clip-%02d.srt", i)),
                        List.of(new SampleMedia.Cue(1000, 3000, "Clip " + i + " says the marker phrase once.")));
            }
        }
        return new MarkerClips(media, clips);
    }

    Path rules() {
        return media.resolve("rules.yaml");
    }

    /** Each video of the project and when it was processed (null while it is not). */
    static Map<Long, OffsetDateTime> processedAt(JdbcClient jdbc, String project) {
        Map<Long, OffsetDateTime> processed = new HashMap<>();
        jdbc.sql("SELECT v.id, v.processed_at FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :project")
                .param("project", project)
                .query((rs, n) -> processed.put(rs.getLong("id"), rs.getObject("processed_at", OffsetDateTime.class)))
                .list();
        return processed;
    }

    static long count(JdbcClient jdbc, String project, String status) {
        return jdbc.sql("SELECT count(*) FROM videos v JOIN projects p ON p.id = v.project_id "
                        + "WHERE p.name = :project AND v.status = :status")
                .param("project", project).param("status", status).query(Long.class).single();
    }

    /** The one sweep execution that claimed the project's videos (the one a crash test interrupted). */
    static long execution(JdbcClient jdbc, String project) {
        return jdbc.sql("""
                        SELECT e.job_execution_id FROM batch_job_execution e
                        WHERE e.job_instance_id = (SELECT DISTINCT claimed_by FROM videos v JOIN projects p ON p.id = v.project_id
                                                   WHERE p.name = :project AND claimed_by IS NOT NULL)""")
                .param("project", project).query(Long.class).single();
    }

    /** The videos already processed, when at least {@code atLeast} are and at least one is not. */
    Map<Long, OffsetDateTime> committed(JdbcClient jdbc, String project, int atLeast) {
        Map<Long, OffsetDateTime> committed = new HashMap<>();
        processedAt(jdbc, project).forEach((id, at) -> {
            if (at != null) {
                committed.put(id, at);
            }
        });
        assertThat(committed.size()).as("videos committed before the crash").isBetween(atLeast, clips - 1);
        return committed;
    }

    /** Every clip DONE once: one finding and one segment each, and those committed before the crash untouched. */
    void assertEachDoneOnce(JdbcClient jdbc, String project, Map<Long, OffsetDateTime> committed) {
        assertThat(count(jdbc, project, "DONE")).isEqualTo(clips);
        Map<Long, OffsetDateTime> after = processedAt(jdbc, project);
        committed.forEach((id, at) -> assertThat(after.get(id)).as("video %d finished before the crash is not redone", id)
                .isEqualTo(at));
        List<Map<String, Object>> perVideo = jdbc.sql("""
                        SELECT v.id, (SELECT count(*) FROM triggers t WHERE t.video_id = v.id) AS triggers,
                               (SELECT count(*) FROM transcript_segments s WHERE s.video_id = v.id) AS segments
                        FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :project""")
                .param("project", project).query().listOfRows();
        assertThat(perVideo).hasSize(clips).allSatisfy(row -> {
            assertThat(row.get("triggers")).as("triggers of video %s", row.get("id")).isEqualTo(1L);
            assertThat(row.get("segments")).as("segments of video %s", row.get("id")).isEqualTo(1L);
        });
    }
}
