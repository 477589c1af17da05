package org.compliancerunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.compliancerunner.sweep.SweepReport;
import org.compliancerunner.sweep.SweepSummary;
import org.compliancerunner.catalog.Video;
import org.compliancerunner.catalog.VideoStatus;
import org.compliancerunner.policy.StoredTrigger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SweepReportPrinterTest {

    private final SweepReportPrinter printer = new SweepReportPrinter(new JsonOutput(JsonMapper.builder().build()));

    @Test
    void aLargeSweepListsOnlyTheVideosThatNeedAttention() {
        List<Video> videos = new ArrayList<>();
        // what SweepReports lists for a sweep over 20 videos: those not DONE or with triggers
        videos.add(video(7, VideoStatus.FAILED, "decoding stopped at 3.0 s"));
        videos.add(video(12, VideoStatus.DONE, null));
        StoredTrigger trigger = new StoredTrigger(12, "clip-12", "claims.guarantee", "broadcast-default", 1, 4_000, 8_250,
                "medium", "\"guaranteed returns\"", "captions:srt");
        SweepReport report = new SweepReport(9, 4, "COMPLETED", null, LocalDateTime.of(2026, 1, 1, 2, 0),
                LocalDateTime.of(2026, 1, 1, 2, 0, 30), "broadcast-default", 1L, new SweepSummary(25, 24, 1, 0, 1),
                videos, false, List.of(trigger));

        StringWriter text = new StringWriter();
        printer.printText(new PrintWriter(text), report);

        assertThat(text.toString())
                .contains("Sweep 9 COMPLETED in 30.0 s — rule pack broadcast-default v1")
                .contains("25 video(s): 24 done, 1 failed · 1 trigger(s)")
                .contains("#7 clip-7  FAILED  decoding stopped at 3.0 s")
                .contains("#12 clip-12", "00:00:04.000–00:00:08.250", "claims.guarantee", "\"guaranteed returns\"")
                .contains("23 more video(s) DONE with no triggers")
                .doesNotContain("#3 clip-3");
    }

    @Test
    void aSweepWithMoreVideosNeedingAttentionThanListedSaysSoInsteadOfCallingTheRestClean() {
        SweepReport report = new SweepReport(9, 4, "COMPLETED", null, null, null, "p", 1L,
                new SweepSummary(1_000_000, 999_000, 1_000, 0, 0),
                List.of(video(7, VideoStatus.FAILED, "not found"), video(8, VideoStatus.FAILED, "not found")), true,
                List.of());

        StringWriter text = new StringWriter();
        printer.printText(new PrintWriter(text), report);

        assertThat(text.toString())
                .contains("#7 clip-7  FAILED  not found", "#8 clip-8  FAILED  not found")
                .contains("999998 more video(s) not listed, some failed or with triggers")
                .doesNotContain("DONE with no triggers");
    }

    @Test
    void aStoppedSweepSaysHowToFinishItAndWhichVideosAreLeft() {
        SweepReport report = new SweepReport(3, 2, "STOPPED", "org.springframework.batch.core.job.JobInterruptedException",
                null, null, "p", 1L, new SweepSummary(2, 1, 0, 1, 0),
                List.of(video(1, VideoStatus.DONE, null), video(2, VideoStatus.QUEUED, null)), false, List.of());

        StringWriter text = new StringWriter();
        printer.printText(new PrintWriter(text), report);

        assertThat(text.toString())
                .contains("Stopped on request; finish it with: restart 3")
                .contains("2 video(s): 1 done, 0 failed, 1 unfinished")
                .contains("#2 clip-2  QUEUED  not checked yet")
                .doesNotContain("JobInterruptedException");
    }

    @Test
    void jsonCarriesTheFieldsScriptsRelyOn() {
        SweepReport report = new SweepReport(3, 2, "FAILED", "boom", null, null, "p", 1L,
                new SweepSummary(5, 2, 1, 2, 4), List.of(), false, List.of());

        StringWriter json = new StringWriter();
        printer.printJson(new PrintWriter(json), report);

        assertThat(json.toString().trim()).isEqualTo("{\"jobExecutionId\":3,\"status\":\"FAILED\","
                + "\"videos\":{\"done\":2,\"failed\":1,\"unfinished\":2},\"triggers\":4,\"durationMs\":null}");
    }

    private static Video video(long id, VideoStatus status, String reason) {
        return new Video(id, "nightly", "clip-" + id, "/media/clip-" + id + ".mp4", "/media/clip-" + id + ".mp4",
                "0".repeat(64), 10_000L, "h264", status, reason, "ops", "captions:srt", 50L, 20L, null, null);
    }
}
