package org.compliancerunner.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compliancerunner.demo.SampleMedia;
import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaDecoderTest {

    private final MediaDecoder decoder = new MediaDecoder();

    @TempDir
    Path dir;

    @Test
    void deliversSixteenKilohertzMonoSpeechForTheWholeFile() throws Exception {
        RecordingListener speech = new RecordingListener(false, true);

        DecodeSummary summary = decoder.decode(Fixtures.require("video/autocut_test001.mp4"), List.of(speech));

        assertThat(speech.started.audio()).isEqualTo("aac 48000 Hz 2 ch");
        assertThat((double) speech.speechSamples).isCloseTo(10.26 * 16_000, within(10.26 * 16_000 * 0.01));
        assertThat(speech.nonZeroSamples).isGreaterThan(speech.speechSamples / 2);
        assertThat(speech.peak).isBetween(0.05f, 1f);
        assertThat(speech.largestBlock).isLessThanOrEqualTo(SpeechResampler.BLOCK);
        assertThat(speech.endedAt).isEqualTo(summary.decodedMs());
        assertThat(summary.decodedMs()).isBetween(10_160L, 10_360L);
        assertThat((double) summary.audioSamples()).isCloseTo(10.26 * 48_000, within(10.26 * 48_000 * 0.01));
    }

    @Test
    void resamplesAnAudioOnlyFile() throws Exception {
        RecordingListener speech = new RecordingListener(false, true);

        DecodeSummary summary = decoder.decode(Fixtures.require("speech/jfk.wav"), List.of(speech));

        assertThat(speech.started.hasVideo()).isFalse();
        assertThat(summary.videoFrames()).isZero();
        assertThat((double) speech.speechSamples).isCloseTo(summary.audioSamples(), within(summary.audioSamples() * 0.01));
        assertThat(speech.nonZeroSamples).isPositive();
    }

    @Test
    void doesNotDecodePicturesWhenNoListenerWantsThem() throws Exception {
        DecodeSummary summary = decoder.decode(Fixtures.require("video/autocut_test001.mp4"),
                List.of(new RecordingListener(false, true), new RecordingListener(false, false)));

        assertThat(summary.videoFrames()).isZero();
        assertThat(summary.audioSamples()).isPositive();
    }

    @Test
    void decodesPicturesWhenAListenerWantsThem() throws Exception {
        RecordingListener speech = new RecordingListener(false, true);
        RecordingListener picture = new RecordingListener(true, false);

        DecodeSummary summary = decoder.decode(Fixtures.require("video/autocut_test001.mp4"), List.of(speech, picture));

        // Every picture of the 10.26 s stream, at the rate the container states; speech is served by the same pass.
        double fps = Double.parseDouble(picture.started.video().replaceAll(".* ([\\d.]+) fps$", "$1"));
        assertThat((double) summary.videoFrames()).as(picture.started.video()).isCloseTo(fps * 10.26, within(3.0));
        assertThat(speech.speechSamples).isPositive();
        assertThat(picture.speechSamples).isZero();
        assertThat(picture.endedAt).isPositive();
    }

    @Test
    void decodesPicturesOfAVideoWithoutAudioToProveItIsWhole() throws Exception {
        DecodeSummary summary = decoder.decode(Fixtures.require("video/2Hz_5s.mp4"), List.of(new RecordingListener(false, true)));

        assertThat(summary.videoFrames()).isEqualTo(25);
        assertThat(summary.decodedMs()).isBetween(4_900L, 5_100L);
    }

    @Test
    void failsATruncatedMp4WithAReason() throws Exception {
        Path truncated = BrokenFiles.truncatedAutocut(dir);
        RecordingListener listener = new RecordingListener(false, true);

        assertThatThrownBy(() -> decoder.decode(truncated, List.of(listener)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("truncated");
        assertThat(listener.endedAt).isEqualTo(-1);
    }

    @Test
    void failsAFileThatOpensButEndsEarly() throws Exception {
        Path whole = dir.resolve("whole.mp4");
        SampleMedia.writeClip(whole, 10, 10, 160, 90, true);
        Path truncated = dir.resolve("cut.mp4");
        SampleMedia.writeTruncated(whole, truncated, 0.5);
        RecordingListener listener = new RecordingListener(false, true);

        assertThatThrownBy(() -> decoder.decode(truncated, List.of(listener)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("cut.mp4")
                .hasMessageMatching(".*stopped at \\d+\\.\\d s of 10\\.\\d s — the file is truncated or corrupt.*")
                // FFmpeg's own last error line, without the memory address it prefixes for developers.
                .hasMessageContaining("partial file")
                .hasMessageNotContaining("@ 0x");
        assertThat(listener.started).isNotNull();
        assertThat(listener.endedAt).isEqualTo(-1);
    }

    @Test
    void acceptsASoundTrackThatEndsBeforeThePicture() throws Exception {
        Path clip = dir.resolve("short-sound.mp4");
        SampleMedia.writeClip(clip, 10, 3, 160, 90, false);
        RecordingListener speech = new RecordingListener(false, true);

        DecodeSummary summary = decoder.decode(clip, List.of(speech));

        assertThat(speech.started.durationMs()).isGreaterThan(9_000);
        assertThat(summary.decodedMs()).isBetween(2_800L, 3_300L);
        assertThat(speech.endedAt).isEqualTo(summary.decodedMs());
    }

    @Test
    void failsRandomBytesCleanly() throws Exception {
        Path noise = BrokenFiles.noise(dir);
        RecordingListener listener = new RecordingListener(true, true);

        assertThatThrownBy(() -> decoder.decode(noise, List.of(listener)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("noise.mp4")
                .hasMessageContaining("does not recognise it as audio or video");
        assertThat(listener.started).isNull();
    }

    @Test
    void decodesDifferentFilesAtTheSameTime() throws Exception {
        Path video = Fixtures.require("video/autocut_test001.mp4");
        Path wav = Fixtures.require("speech/jfk.wav");
        long alone = decoder.decode(video, List.of(new RecordingListener(false, true))).audioSamples();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DecodeSummary>> runs = List.of(
                    pool.submit(() -> decoder.decode(video, List.of(new RecordingListener(false, true)))),
                    pool.submit(() -> decoder.decode(wav, List.of(new RecordingListener(false, true)))),
                    pool.submit(() -> decoder.decode(video, List.of(new RecordingListener(true, true)))),
                    pool.submit(() -> decoder.decode(wav, List.of(new RecordingListener(false, true)))));
            assertThat(runs.get(0).get().audioSamples()).isEqualTo(alone);
            assertThat(runs.get(2).get().audioSamples()).isEqualTo(alone);
            assertThat(runs.get(1).get().audioSamples()).isEqualTo(runs.get(3).get().audioSamples());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void picturesAndSoundAreAnalysedOnTheirOwnThreadsInOrder() throws Exception {
        Path clip = dir.resolve("lanes.mp4");
        SampleMedia.writeClip(clip, 4, 160, 90);
        ThreadRecorder recorder = new ThreadRecorder(-1, -1);

        DecodeSummary summary = decoder.decode(clip, List.of(recorder));

        assertThat(recorder.pictureThreads).hasSize(1).doesNotContain(Thread.currentThread());
        assertThat(recorder.soundThreads).hasSize(1).doesNotContain(Thread.currentThread())
                .doesNotContainAnyElementsOf(recorder.pictureThreads);
        assertThat(recorder.indexes).hasSize((int) summary.videoFrames());
        for (int i = 0; i < recorder.indexes.size(); i++) {
            assertThat(recorder.indexes.get(i)).isEqualTo(i);
        }
        assertThat(recorder.soundFrames).isEqualTo(summary.audioSamples());
        // the decoder refills a few buffers instead of holding pictures the analysis has not caught up with
        assertThat(recorder.pixelBuffers).hasSizeBetween(1, 8);
        assertThat(analysisThreadsOf("lanes.mp4")).isEmpty();
    }

    @Test
    void aPictureListenerThatFailsStopsThePassWithItsException() throws Exception {
        Path clip = dir.resolve("failing-pictures.mp4");
        SampleMedia.writeClip(clip, 10, 160, 90);
        ThreadRecorder failing = new ThreadRecorder(20, -1);
        RecordingListener other = new RecordingListener(true, true);

        assertThatThrownBy(() -> decoder.decode(clip, List.of(failing, other)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("picture 20 is bad");
        assertThat(other.endedAt).as("a failed pass has no end").isEqualTo(-1);
        assertThat(analysisThreadsOf("failing-pictures.mp4")).isEmpty();
    }

    @Test
    void aSoundListenerThatFailsStopsThePassWithItsException() throws Exception {
        Path clip = dir.resolve("failing-sound.mp4");
        SampleMedia.writeClip(clip, 10, 160, 90);

        assertThatThrownBy(() -> decoder.decode(clip, List.of(new ThreadRecorder(-1, 48_000))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("sound after 48000 frames is bad");
        assertThat(analysisThreadsOf("failing-sound.mp4")).isEmpty();
    }

    @Test
    void anInterruptedPassStopsItsAnalysisThreads() throws Exception {
        Path clip = dir.resolve("interrupted.mp4");
        SampleMedia.writeClip(clip, 10, 160, 90);
        Thread caller = Thread.currentThread();
        MediaListener interrupting = new MediaListener() {
            @Override
            public boolean wantsVideo() {
                return true;
            }

            @Override
            public void onPicture(Picture picture) {
                if (picture.index() == 30) {
                    caller.interrupt();
                }
            }
        };

        try {
            assertThatThrownBy(() -> decoder.decode(clip, List.of(interrupting, new RecordingListener(false, true))))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("interrupted.mp4 was interrupted at");
        } finally {
            Thread.interrupted();
        }
        assertThat(analysisThreadsOf("interrupted.mp4")).isEmpty();
    }

    private static List<Thread> analysisThreadsOf(String file) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("-" + file) && thread.isAlive()).toList();
    }

    /** Records which threads hand pictures and sound over; throws at a given picture or sound frame when asked. */
    private static final class ThreadRecorder implements MediaListener {
        private final long failAtPicture;
        private final long failAtSound;
        final Set<Thread> pictureThreads = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Thread> soundThreads = Collections.newSetFromMap(new IdentityHashMap<>());
        final Set<Object> pixelBuffers = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<Long> indexes = new ArrayList<>();
        long soundFrames;

        ThreadRecorder(long failAtPicture, long failAtSound) {
            this.failAtPicture = failAtPicture;
            this.failAtSound = failAtSound;
        }

        @Override
        public boolean wantsVideo() {
            return true;
        }

        @Override
        public boolean wantsAudio() {
            return true;
        }

        @Override
        public void onPicture(Picture picture) {
            if (picture.index() == failAtPicture) {
                throw new IllegalStateException("picture " + failAtPicture + " is bad");
            }
            pictureThreads.add(Thread.currentThread());
            pixelBuffers.add(picture.rgb());
            indexes.add(picture.index());
        }

        @Override
        public void onAudio(AudioFormat format, float[] samples, int frames) {
            if (failAtSound >= 0 && soundFrames >= failAtSound) {
                throw new IllegalStateException("sound after " + failAtSound + " frames is bad");
            }
            soundThreads.add(Thread.currentThread());
            soundFrames += frames;
        }
    }
}
