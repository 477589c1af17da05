package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Re-running one video: requeue puts it back, the next sweep checks it again, and it is not charged twice. */
class RequeueCommandTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCheckedVideoIsCheckedAgainByTheNextSweepAndChargedOnce() throws Exception {
        Path work = Files.createDirectories(HOME.resolve("media/requeue"));
        SampleMedia.writeClip(work.resolve("again.mp4"), 1.0, 64, 36, 300);
        CliDriver.Result ingest = cli.run("ingest", work.resolve("again.mp4").toString(), "--project", "requeue", "--json");
        long videoId = JSON.readTree(ingest.out()).get("id").asLong();
        assertThat(cli.run("sweep", "--project", "requeue").exitCode()).isZero();
        assertThat(status(videoId)).isEqualTo("DONE");

        CliDriver.Result requeue = cli.run("videos", "requeue", String.valueOf(videoId));

        assertThat(requeue.exitCode()).as(requeue.err()).isZero();
        assertThat(status(videoId)).isEqualTo("PENDING");
        CliDriver.Result twice = cli.run("videos", "requeue", String.valueOf(videoId));
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(twice.err()).contains("is PENDING", "only DONE or FAILED");

        CliDriver.Result sweep = cli.run("sweep", "--project", "requeue", "--json");
        assertThat(JSON.readTree(sweep.out()).get("videos").get("done").asInt()).isEqualTo(1);
        assertThat(status(videoId)).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT coalesce(sum(charged_minutes), 0) FROM billing_entries WHERE video_id = :id")
                .param("id", videoId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anUnknownVideoIsNamedAndNothingChanges() {
        CliDriver.Result requeue = cli.run("videos", "requeue", "987654321");

        assertThat(requeue.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(requeue.err()).contains("no video 987654321");
    }

    private String status(long videoId) {
        return jdbc.sql("SELECT status FROM videos WHERE id = :id").param("id", videoId).query(String.class).single();
    }
}
