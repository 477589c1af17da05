package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AudioWindowsTest {

    record Window(long startMs, int length, float first, float last) {
    }

    @Test
    void cutsSeventySecondsIntoThirtySecondWindowsWithTheirStartTimes() throws Exception {
        List<Window> windows = new ArrayList<>();
        AudioWindows cutter = new AudioWindows(30, (samples, length, startMs) ->
                windows.add(new Window(startMs, length, samples[0], samples[length - 1])));

        // 70 s fed in uneven chunks; each sample holds its own index so the order is checkable.
        int total = 70 * 16_000;
        float[] chunk = new float[7_777];
        for (int fed = 0; fed < total; ) {
            int n = Math.min(chunk.length, total - fed);
            for (int i = 0; i < n; i++) {
                chunk[i] = fed + i;
            }
            cutter.add(chunk, n);
            fed += n;
        }
        assertThat(windows).hasSize(2);
        cutter.flush();

        assertThat(windows).containsExactly(
                new Window(0, 480_000, 0, 479_999),
                new Window(30_000, 480_000, 480_000, 959_999),
                new Window(60_000, 160_000, 960_000, 1_119_999));
    }

    @Test
    void flushWithNothingBufferedHandsOverNothing() throws Exception {
        List<Long> starts = new ArrayList<>();
        AudioWindows cutter = new AudioWindows(1, (samples, length, startMs) -> starts.add(startMs));

        cutter.add(new float[16_000], 16_000);
        cutter.flush();

        assertThat(starts).containsExactly(0L);
    }
}
