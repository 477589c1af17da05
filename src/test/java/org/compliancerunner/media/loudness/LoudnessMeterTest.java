package org.compliancerunner.media.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.ChannelRole;
import org.compliancerunner.media.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoudnessMeterTest {

    private static final List<ChannelRole> STEREO = List.of(ChannelRole.FRONT, ChannelRole.FRONT);
    private static final List<ChannelRole> FIVE_ONE = List.of(ChannelRole.FRONT, ChannelRole.FRONT,
            ChannelRole.FRONT, ChannelRole.LFE, ChannelRole.SURROUND, ChannelRole.SURROUND);

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000, 96_000})
    void aSineAtMinusTwentyDbfsReadsMinusTwentyLufsAtEverySampleRate(int rate) {
        float[] sine = sine(rate, 2, 997, 0.1, 0, 10.0, 0, 2);

        Loudness loudness = measure(new AudioFormat(rate, 2, STEREO), sine, 4096);

        assertThat(loudness.integrated()).isCloseTo(-20.0, within(0.1));
        assertThat(loudness.momentaryMax()).isCloseTo(-20.0, within(0.1));
        assertThat(loudness.shortTermMax()).isCloseTo(-20.0, within(0.1));
        assertThat(loudness.range()).isCloseTo(0.0, within(0.1));
        assertThat(loudness.truePeak()).isCloseTo(-20.0, within(0.1));
        assertThat(loudness.timeline()).hasSize(10);
        assertThat(loudness.timeline().subList(2, 10)).allSatisfy(s -> assertThat(s).isCloseTo(-20.0, within(0.1)));
    }

    @Test
    void surroundChannelsWeighOneAndAHalfDecibelMoreThanFrontOnes() {
        AudioFormat format = new AudioFormat(48_000, 6, FIVE_ONE);

        double front = measure(format, sine(48_000, 6, 997, 0.1, 0, 5.0, 0, 1), 1024).integrated();
        double surround = measure(format, sine(48_000, 6, 997, 0.1, 0, 5.0, 4, 5), 1024).integrated();

        assertThat(surround - front).isCloseTo(10 * Math.log10(1.41), within(0.01));
    }

    @Test
    void theLfeChannelIsNotLoudnessButStillCountsForTruePeak() {
        Loudness lfe = measure(new AudioFormat(48_000, 6, FIVE_ONE), sine(48_000, 6, 60, 0.5, 0, 5.0, 3, 4), 1024);

        assertThat(lfe.integrated()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lfe.momentaryMax()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lfe.truePeak()).isCloseTo(20 * Math.log10(0.5), within(0.1));
    }

    @Test
    void silenceMeasuresMinusInfinityWithoutFailing() {
        Loudness silence = measure(new AudioFormat(48_000, 2, STEREO), new float[2 * 48_000 * 5], 4096);

        assertThat(silence.integrated()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silence.momentaryMax()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silence.shortTermMax()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silence.truePeak()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(silence.range()).isZero();
        assertThat(silence.timeline()).hasSize(5).containsOnly(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aFileWithoutSoundReadsAsSilence() {
        LoudnessMeter meter = new LoudnessMeter();
        meter.onEnd(0);

        assertThat(meter.result().integrated()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(meter.result().truePeak()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(meter.result().timeline()).isEmpty();
    }

    @Test
    void hasNoResultBeforeTheEndOfTheFile() {
        LoudnessMeter meter = new LoudnessMeter();
        meter.onAudio(new AudioFormat(48_000, 2, STEREO), new float[2 * 4800], 4800);

        assertThatThrownBy(meter::result).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theResultDoesNotDependOnHowTheDecoderCutsTheStream() {
        AudioFormat format = new AudioFormat(44_100, 2, STEREO);
        float[] programme = concat(sine(44_100, 2, 997, 0.1, 0, 4.0, 0, 2), sine(44_100, 2, 300, 0.02, 0, 3.3, 0, 2));

        Loudness whole = measure(format, programme, programme.length / 2);
        Loudness oddCuts = measure(format, programme, 997);
        Loudness singleFrames = measure(format, programme, 1);

        assertThat(oddCuts.integrated()).isCloseTo(whole.integrated(), within(1e-9));
        assertThat(oddCuts.range()).isCloseTo(whole.range(), within(1e-9));
        assertThat(singleFrames.momentaryMax()).isCloseTo(whole.momentaryMax(), within(1e-9));
        assertThat(singleFrames.truePeak()).isCloseTo(whole.truePeak(), within(1e-9));
        assertThat(singleFrames.timeline()).hasSize(7);
        for (int second = 0; second < 7; second++) {
            assertThat(singleFrames.timeline().get(second)).isCloseTo(whole.timeline().get(second), within(1e-9));
        }
    }

    @Test
    void aBurstOffTheHundredMillisecondGridStillReadsItsMomentaryLevel() {
        // 400 ms of tone starting 180 ms in: no block on the 100 ms grid covers more than 380 ms of it.
        float[] burst = concat(new float[2 * 8640], sine(48_000, 2, 997, 0.1, 0, 0.4, 0, 2), new float[2 * 48_000]);

        Loudness loudness = measure(new AudioFormat(48_000, 2, STEREO), burst, 4096);

        assertThat(loudness.momentaryMax()).isCloseTo(-20.0, within(0.1));
    }

    @ParameterizedTest
    @ValueSource(ints = {44_100, 48_000})
    void findsThePeakBetweenSamples(int rate) {
        // A quarter-rate sine at 45°: every sample is at ±0.707 while the waveform peaks at 1.0 (0 dBTP).
        float[] sine = sine(rate, 2, rate / 4.0, 1.0, Math.PI / 4, 2.0, 0, 2);

        Loudness loudness = measure(new AudioFormat(rate, 2, STEREO), sine, 4096);

        assertThat(loudness.truePeak()).isBetween(-0.4, 0.2);
    }

    /** Channels are measured in pairs where they can be: each must still read exactly what it reads alone. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 6})
    void theTruePeakOfAChannelIsTheSameWhicheverChannelItIs(int channels) {
        // the quarter-rate sine peaks between samples; the tone under it keeps each interpolation different
        float[] alone = concat(sine(48_000, 1, 12_000, 0.5, Math.PI / 4, 0.5, 0, 1), sine(48_000, 1, 997, 0.7, 0.3, 0.5, 0, 1));
        double reference = measure(new AudioFormat(48_000, 1, List.of(ChannelRole.FRONT)), alone, 1024).truePeak();
        List<ChannelRole> roles = Collections.nCopies(channels, ChannelRole.FRONT);
        for (int channel = 0; channel < channels; channel++) {
            float[] interleaved = new float[alone.length * channels];
            for (int i = 0; i < alone.length; i++) {
                interleaved[i * channels + channel] = alone[i];
            }

            Loudness loudness = measure(new AudioFormat(48_000, channels, roles), interleaved, 1024);

            assertThat(loudness.truePeak()).as("channel %d of %d", channel, channels).isEqualTo(reference);
        }
    }

    @Test
    void speechGatedLoudnessCountsOnlyTheBlocksInsideTheSpeechMap() {
        // 10 s of loud music at -20 LUFS, then 10 s of quieter dialogue at -30 LUFS
        float[] programme = concat(sine(48_000, 2, 997, 0.1, 0, 10.0, 0, 2), sine(48_000, 2, 997, 0.0316, 0, 10.0, 0, 2));
        LoudnessMeter meter = meter(new AudioFormat(48_000, 2, STEREO), programme, 4096);

        double dialogue = meter.integratedOver(List.of(new Interval(10_200, 20_000)));

        assertThat(dialogue).isCloseTo(-30.0, within(0.1));
        assertThat(meter.result().integrated()).isCloseTo(-22.6, within(0.2));
        assertThat(meter.integratedOver(List.of(new Interval(0, 9_800)))).isCloseTo(-20.0, within(0.1));
    }

    @Test
    void speechGatedLoudnessIsNotMeasuredWithoutSpeech() {
        LoudnessMeter meter = meter(new AudioFormat(48_000, 2, STEREO), sine(48_000, 2, 997, 0.1, 0, 5.0, 0, 2), 4096);

        assertThat(meter.integratedOver(List.of())).isNaN();
        assertThat(meter.integratedOver(List.of(new Interval(30_000, 40_000)))).isNaN();
        assertThat(meter.result().speechGatedMeasured()).isFalse();
    }

    private static Loudness measure(AudioFormat format, float[] interleaved, int chunkFrames) {
        return meter(format, interleaved, chunkFrames).result();
    }

    private static LoudnessMeter meter(AudioFormat format, float[] interleaved, int chunkFrames) {
        LoudnessMeter meter = new LoudnessMeter();
        int channels = format.channels();
        float[] chunk = new float[chunkFrames * channels];
        int frames = interleaved.length / channels;
        for (int from = 0; from < frames; from += chunkFrames) {
            int n = Math.min(chunkFrames, frames - from);
            System.arraycopy(interleaved, from * channels, chunk, 0, n * channels);
            meter.onAudio(format, chunk, n);
        }
        meter.onEnd(frames * 1000L / format.sampleRate());
        return meter;
    }

    /** A sine of {@code amplitude} (peak, full scale = 1) in channels {@code [first, last)}, silence elsewhere. */
    static float[] sine(int rate, int channels, double hz, double amplitude, double phase, double seconds,
                        int first, int last) {
        int frames = (int) Math.round(rate * seconds);
        float[] samples = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            float value = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate + phase));
            for (int channel = first; channel < last; channel++) {
                samples[i * channels + channel] = value;
            }
        }
        return samples;
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
