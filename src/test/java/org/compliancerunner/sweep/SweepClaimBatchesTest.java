package org.compliancerunner.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.Videos;
import org.compliancerunner.support.CatalogRows;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A sweep claims its videos a batch at a time: the claim step only the first batch, the partitions the rest as they
 * run out, in priority order, each video once, and never more than the sweep's limit. The videos' files do not exist,
 * so each fails at once and what is measured is the claiming alone.
 */
@TestPropertySource(properties = "compliance.sweep.claim-batch=5")
class SweepClaimBatchesTest extends IntegrationTest {

    @Test
    void partitionsClaimTheBatchesAfterTheFirstAndFinishEveryVideoOnce() {
        List<Long> ids = seed("claims-all", 23);

        // a missing file fails its video, not the sweep
        JsonNode summary = completedSweep("--project", "claims-all", "--partitions", "3");

        assertThat(summary.get("videos").get("failed").asInt()).isEqualTo(23);
        long instance = instanceOf(summary);
        assertThat(claimStepWrites(summary.get("jobExecutionId").asLong())).isEqualTo(5);
        Map<String, Object> claims = jdbc.sql("""
                        SELECT count(*) AS videos, count(DISTINCT claim_order) AS orders, sum(attempts) AS attempts
                        FROM videos WHERE claimed_by = :instance AND status = 'FAILED' AND id = ANY (:ids)""")
                .param("instance", instance).param("ids", ids.toArray(Long[]::new)).query().singleRow();
        assertThat(claims).containsEntry("videos", 23L).containsEntry("orders", 23L).containsEntry("attempts", 23L);
    }

    @Test
    void aLimitAboveOneBatchClaimsExactlyThatManyInPriorityOrder() {
        List<Long> ids = seed("claims-limit", 20);
        // the last seven inserted outrank the rest: they must be claimed first, whatever their ids
        jdbc.sql("UPDATE videos SET priority = 5 WHERE id = ANY (:ids)")
                .param("ids", ids.subList(13, 20).toArray(Long[]::new)).update();

        JsonNode summary = completedSweep("--project", "claims-limit", "--partitions", "2", "--limit", "12");

        assertThat(summary.get("videos").get("failed").asInt()).isEqualTo(12);
        List<Long> claimed = jdbc.sql("SELECT id FROM videos WHERE claimed_by = :instance ORDER BY id")
                .param("instance", instanceOf(summary)).query(Long.class).list();
        assertThat(claimed).hasSize(12).containsAll(ids.subList(13, 20)).containsAll(ids.subList(0, 5));
        assertThat(jdbc.sql("SELECT count(*) FROM videos WHERE status = 'PENDING' AND id = ANY (:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(8L);
    }

    @Test
    void aLargeSweepsReportListsOnlyFailedVideosAndThoseWithTriggersOfTheirPackVersion() {
        long instance = 987_001;
        long projectId = CatalogRows.project(jdbc, "claims-report", "ops");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long id = CatalogRows.video(jdbc, projectId, "r" + i, "ops", i == 3 ? "FAILED" : "DONE");
            jdbc.sql("UPDATE videos SET claimed_by = :instance, pack_name = 'p', pack_version = 2 WHERE id = :id")
                    .param("instance", instance).param("id", id).update();
            ids.add(id);
        }
        trigger(ids.get(5), 2); // found by the version the video was judged with: listed
        trigger(ids.get(9), 1); // an older version's finding only: not listed

        List<Long> listed = context.getBean(Videos.class)
                .needingAttention(instance, 500).stream().map(Video::id).toList();

        assertThat(listed).containsExactly(ids.get(3), ids.get(5));
    }

    private void trigger(long videoId, int packVersion) {
        jdbc.sql("""
                        INSERT INTO triggers (video_id, pack_name, pack_version, rule_id, start_ms, end_ms, severity,
                                              evidence, source)
                        VALUES (:video, 'p', :version, 'r', 0, 1, 'low', 'e', 'captions:srt')""")
                .param("video", videoId).param("version", packVersion).update();
    }

    private List<Long> seed(String project, int count) {
        long projectId = CatalogRows.project(jdbc, project, "ops");
        return jdbc.sql("""
                        INSERT INTO videos (project_id, title, source, media_path, sha256, size_bytes, owner, created_at)
                        SELECT :project, 'v' || n, '/missing/' || n, :home || '/media/missing-' || n || '.mp4',
                               md5(:name || n) || md5(:name || n), 1, 'ops', now() - interval '1 hour' + n * interval '1 s'
                        FROM generate_series(1, :count) AS n ORDER BY n
                        RETURNING id""")
                .param("project", projectId).param("home", HOME.toString()).param("name", project)
                .param("count", count).query(Long.class).list().stream().sorted().toList();
    }

    private long instanceOf(JsonNode summary) {
        return jdbc.sql("SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id")
                .param("id", summary.get("jobExecutionId").asLong()).query(Long.class).single();
    }

    private long claimStepWrites(long jobExecutionId) {
        return jdbc.sql("SELECT write_count FROM batch_step_execution WHERE job_execution_id = :id AND step_name = 'claim'")
                .param("id", jobExecutionId).query(Long.class).single();
    }
}
