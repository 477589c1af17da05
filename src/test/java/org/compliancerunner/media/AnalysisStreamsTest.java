package org.compliancerunner.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;

/** The decode pass hands analyzers the sound track at its own rate and small RGB pictures, in one pass. */
class AnalysisStreamsTest {

    private final MediaDecoder decoder = new MediaDecoder();

    @Test
    void deliversTheSoundTrackAtItsOwnRateWithChannelRolesAndDownscaledPictures() throws Exception {
        Analyzer analyzer = new Analyzer();

        DecodeSummary summary = decoder.decode(Fixtures.require("video/autocut_test001.mp4"), List.of(analyzer));

        assertThat(analyzer.format).isEqualTo(new AudioFormat(48_000, 2, List.of(ChannelRole.FRONT, ChannelRole.FRONT)));
        assertThat((double) analyzer.audioFrames).isCloseTo(summary.audioSamples(), within(1.0));
        assertThat(analyzer.peak).isBetween(0.05f, 1.0f);
        assertThat(analyzer.pictures).isEqualTo(summary.videoFrames()).isGreaterThan(200);
        assertThat(analyzer.width).isEqualTo(AnalysisPictures.MAX_WIDTH);
        assertThat(analyzer.height).isEqualTo(180);
        // the fixture's picture is white in its first half and black from 5.09 s (ffmpeg blackdetect)
        assertThat(analyzer.meanAt(1_000)).isGreaterThan(200);
        assertThat(analyzer.meanAt(8_000)).isLessThan(20);
        // each picture's shared luma plane is its own, though the decoder reuses the buffers it is computed in
        assertThat(analyzer.lumaMismatches).isZero();
    }

    @Test
    void deliversNothingExtraToListenersThatDidNotAsk() throws Exception {
        Analyzer pictures = new Analyzer() {
            @Override
            public boolean wantsAudio() {
                return false;
            }
        };

        decoder.decode(Fixtures.require("video/autocut_test001.mp4"), List.of(pictures));

        assertThat(pictures.audioFrames).isZero();
        assertThat(pictures.pictures).isPositive();
    }

    private static class Analyzer implements MediaListener {
        AudioFormat format;
        long audioFrames;
        float peak;
        long pictures;
        int width;
        int height;
        long lumaMismatches;
        final List<long[]> means = new ArrayList<>();

        @Override
        public boolean wantsAudio() {
            return true;
        }

        @Override
        public boolean wantsVideo() {
            return true;
        }

        @Override
        public void onAudio(AudioFormat format, float[] samples, int frames) {
            this.format = format;
            audioFrames += frames;
            for (int i = 0; i < frames * format.channels(); i++) {
                peak = Math.max(peak, Math.abs(samples[i]));
            }
        }

        @Override
        public void onPicture(Picture picture) {
            pictures++;
            width = picture.width();
            height = picture.height();
            long sum = 0;
            for (int y = 0; y < picture.height(); y++) {
                for (int x = 0; x < picture.width(); x++) {
                    sum += picture.red(x, y) + picture.green(x, y) + picture.blue(x, y);
                }
            }
            means.add(new long[] {picture.timestampMs(), sum / (3L * picture.width() * picture.height())});
            int[] fromRgb = new Picture(picture.index(), picture.timestampMs(), picture.width(), picture.height(),
                    picture.stride(), picture.rgb()).luma();
            if (!Arrays.equals(fromRgb, picture.luma())) {
                lumaMismatches++;
            }
        }

        long meanAt(long ms) {
            return means.stream().filter(m -> m[0] >= ms).findFirst().orElseThrow()[1];
        }
    }
}
