package org.compliancerunner.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaException;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.MediaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMediaTest {

    // what a transcriber asks the decode pass for
    private static final MediaListener SPEECH = new MediaListener() {
        @Override
        public boolean wantsSpeechAudio() {
            return true;
        }
    };

    private final MediaProbe probe = new MediaProbe();
    private final MediaDecoder decoder = new MediaDecoder();

    @TempDir
    Path dir;

    @Test
    void writesAClipThatProbesAsWritten() throws Exception {
        Path clip = dir.resolve("clip.mp4");

        SampleMedia.writeClip(clip, 2, 320, 180);

        MediaInfo info = probe.probe(clip);
        assertThat(info.video()).isEqualTo("h264 320x180 25 fps");
        assertThat(info.audio()).isEqualTo("aac 48000 Hz 2 ch");
        assertThat(info.durationMs()).isBetween(1_950L, 2_100L);
    }

    @Test
    void writesCaptionsAsSrt() throws Exception {
        Path srt = dir.resolve("c.srt");

        SampleMedia.writeCaptions(srt, List.of(
                new SampleMedia.Cue(4_000, 8_000, "First line."),
                new SampleMedia.Cue(3_723_004, 3_725_000, "Second.")));

        assertThat(Files.readString(srt)).isEqualTo("""
                1
                00:00:04,000 --> 00:00:08,000
                First line.

                2
                01:02:03,004 --> 01:02:05,000
                Second.

                """);
    }

    @Test
    void writesTheDemoSet() throws Exception {
        Path demo = SampleMedia.writeDemoSet(dir.resolve("demo"));

        MediaInfo adSpot = probe.probe(demo.resolve("ad-spot.mp4"));
        assertThat(adSpot.durationMs()).isBetween(11_900L, 12_200L);
        assertThat(adSpot.video()).startsWith("h264 640x360");
        assertThat(adSpot.hasAudio()).isTrue();
        assertThat(Files.readString(demo.resolve("ad-spot.srt")))
                .contains("00:00:04,000 --> 00:00:08,000\nOur fund offers guaranteed returns\nfor every investor.");
        assertThat(probe.probe(demo.resolve("station-ident.mp4")).hasVideo()).isTrue();
        assertThat(Files.readString(demo.resolve("station-ident.srt"))).doesNotContainIgnoringCase("guaranteed");

        Path broken = demo.resolve("broken-upload.mp4");
        assertThat(probe.sniff(broken)).contains("mp4");
        assertThatThrownBy(() -> decoder.decode(broken, List.of(SPEECH)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void writingTheDemoSetTwiceOverwrites() throws Exception {
        Path demo = dir.resolve("demo");
        SampleMedia.writeDemoSet(demo);
        long first = Files.size(demo.resolve("broken-upload.mp4"));

        SampleMedia.writeDemoSet(demo);

        assertThat(Files.size(demo.resolve("broken-upload.mp4"))).isEqualTo(first);
        assertThat(probe.probe(demo.resolve("ad-spot.mp4")).durationMs()).isBetween(11_900L, 12_200L);
    }
}
