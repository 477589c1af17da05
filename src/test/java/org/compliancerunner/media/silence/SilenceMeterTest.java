package org.compliancerunner.media.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.ChannelRole;
import org.junit.jupiter.api.Test;

class SilenceMeterTest {

    private static final int RATE = 48_000;
    private static final int STEP_FRAMES = RATE * SilenceMeter.STEP_MS / 1000;

    /** Step i peaks at (i + 1) / 10 in one sample of one channel, wherever the decoder's frames happen to end. */
    @Test
    void eachStepReadsItsOwnPeakHoweverTheStreamIsCut() {
        int channels = 3;
        int steps = 8;
        float[] samples = new float[steps * STEP_FRAMES * channels];
        for (int step = 0; step < steps; step++) {
            // the peak sits at a step's first, last or an inner frame, in a different channel each time
            int frame = step * STEP_FRAMES + new int[] {0, STEP_FRAMES - 1, 777}[step % 3];
            samples[frame * channels + step % channels] = (step % 2 == 0 ? 1 : -1) * (step + 1) / 10f;
        }
        SilenceMeter meter = new SilenceMeter();
        AudioFormat format = new AudioFormat(RATE, channels, Collections.nCopies(channels, ChannelRole.FRONT));
        int[] cuts = {1, 1023, 2400, 7, 4096, 2399, 5000};
        for (int at = 0, cut = 0; at < steps * STEP_FRAMES; cut++) {
            int frames = Math.min(cuts[cut % cuts.length], steps * STEP_FRAMES - at);
            float[] chunk = new float[frames * channels];
            System.arraycopy(samples, at * channels, chunk, 0, chunk.length);
            meter.onAudio(format, chunk, frames);
            at += frames;
        }
        meter.onEnd(steps * SilenceMeter.STEP_MS);

        float[] peaks = meter.levels().peakDb();
        assertThat(peaks).hasSize(steps);
        for (int step = 0; step < steps; step++) {
            assertThat((double) peaks[step]).as("step %d", step).isCloseTo(20 * Math.log10((step + 1) / 10.0),
                    within(1e-4));
        }
    }
}
