package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.compliancerunner.media.Interval;
import org.junit.jupiter.api.Test;

/** whisper hears only the windows with speech, and silence around the speech inside them. */
class SpeechReplayTest {

    private static final int RATE = AudioWindows.SAMPLE_RATE;

    /** 5 s of speech-like noise, 40 s of music-like tones, 5 s of speech-like noise. */
    private static float[] speechMusicSpeech() {
        float[] track = new float[50 * RATE];
        Random random = new Random(7);
        for (int i = 0; i < track.length; i++) {
            boolean speech = i < 5 * RATE || i >= 45 * RATE;
            track[i] = speech ? (float) (random.nextGaussian() * 0.2)
                    : (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE) + 0.2 * Math.sin(2 * Math.PI * 660 * i / RATE));
        }
        return track;
    }

    private record Window(long startMs, float[] samples) {
    }

    private static List<Window> replay(float[] track, SpeechGate gate, int[] skipped) throws Exception {
        List<Window> sent = new ArrayList<>();
        try (PcmWavFile wav = new PcmWavFile(Files.createTempFile("replay-", ".wav"))) {
            // the decoder hands over odd-sized pieces
            for (int from = 0; from < track.length; from += 4099) {
                int n = Math.min(4099, track.length - from);
                float[] piece = new float[n];
                System.arraycopy(track, from, piece, 0, n);
                wav.write(piece, n);
            }
            SpeechReplay replay = new SpeechReplay(10, gate);
            replay.play(wav, (samples, length, startMs) -> {
                float[] copy = new float[length];
                System.arraycopy(samples, 0, copy, 0, length);
                sent.add(new Window(startMs, copy));
            });
            skipped[0] = replay.windowsSkipped();
        }
        return sent;
    }

    @Test
    void windowsOfMusicAreNotSentAndNonSpeechInsideAWindowIsSilent() throws Exception {
        SpeechGate gate = SpeechGate.of(List.of(new Interval(0, 5_000), new Interval(45_000, 50_000)));
        int[] skipped = new int[1];

        List<Window> sent = replay(speechMusicSpeech(), gate, skipped);

        assertThat(sent).extracting(Window::startMs).containsExactly(0L, 40_000L);
        assertThat(skipped[0]).isEqualTo(3);
        long padding = SpeechGate.PADDING_MS * RATE / 1000;
        float[] first = sent.get(0).samples();
        assertThat(rms(first, 0, 5 * RATE)).isGreaterThan(0.15);
        assertThat(rms(first, (int) (5 * RATE + padding), first.length)).isZero();
        float[] last = sent.get(1).samples();
        assertThat(rms(last, 0, (int) (5 * RATE - padding))).isZero();
        assertThat(rms(last, 5 * RATE, last.length)).isGreaterThan(0.15);
    }

    @Test
    void withoutASpeechMapEveryWindowIsSentAsItWas() throws Exception {
        float[] track = speechMusicSpeech();
        int[] skipped = new int[1];

        List<Window> sent = replay(track, null, skipped);

        assertThat(sent).extracting(Window::startMs).containsExactly(0L, 10_000L, 20_000L, 30_000L, 40_000L);
        assertThat(skipped[0]).isZero();
        float[] third = sent.get(2).samples();
        for (int i = 0; i < third.length; i += 997) {
            assertThat(third[i]).isCloseTo(track[20 * RATE + i], org.assertj.core.api.Assertions.within(1e-4f));
        }
    }

    private static double rms(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
