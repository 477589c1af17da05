package org.compliancerunner.media.technical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.compliancerunner.captions.CaptionProblem;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.captions.Cue;
import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.flash.FlashVerdict;
import org.compliancerunner.media.flash.FrameResult;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.silence.AudioLevels;
import org.compliancerunner.support.Fixtures;
import org.compliancerunner.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.compliancerunner.media.Interval;

/** Measurements survive the database whole: silence as −∞, absent parts as absent, replaced rather than added. */
class MeasurementStoreTest extends IntegrationTest {

    @Autowired
    MeasurementStore store;

    @Test
    void roundTripsEveryPartAndReplacesOnRewrite() {
        long videoId = registeredVideo("store-roundtrip");
        Measurements full = new Measurements(
                new Loudness(-23.04, 5.2, -1.3, -18.5, -20.25, List.of(-24.0, Double.NEGATIVE_INFINITY, -22.5), -27.5),
                new AudioLevels(50, new float[] {-12.5f, Float.NEGATIVE_INFINITY, -70f}, 150),
                List.of(new Interval(0, 360), new Interval(3_000, 3_680)), List.of(new Interval(3_000, 9_000)),
                new FlashReport(FlashVerdict.FAIL, Map.of(FrameResult.PASS, 90, FrameResult.FLASH_FAIL, 6),
                        List.of(new Interval(1_000, 1_240)), 7, 1),
                List.of(new Interval(100, 900)),
                new CaptionTrack(CaptionTrack.SRT, "clip.srt", true, 23.976, List.of(
                        new Cue(2, 1, 0, 900, List.of("<i>first</i>", "{\\an8}second")),
                        new Cue(6, null, 1_000, 1_500, List.of())), List.of(new CaptionProblem(9, "malformed time"))),
                List.of("a note"));

        store.replace(videoId, full);
        assertThat(store.find(videoId)).contains(full);

        Measurements audioOnly = new Measurements(new Loudness(Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, List.of()), null, null, null, null,
                List.of("no video stream: black, freeze and flash not measured"));
        store.replace(videoId, audioOnly);

        assertThat(store.find(videoId)).contains(audioOnly);
        assertThat(jdbc.sql("SELECT count(*) FROM measurements WHERE video_id = :id").param("id", videoId)
                .query(Long.class).single()).isEqualTo(1L);
    }

    private long registeredVideo(String project) {
        cli.run("ingest", Fixtures.require("video/autocut_test001.mp4").toString(), "--project", project);
        return jdbc.sql("SELECT v.id FROM videos v JOIN projects p ON p.id = v.project_id WHERE p.name = :p")
                .param("p", project).query(Long.class).single();
    }
}
