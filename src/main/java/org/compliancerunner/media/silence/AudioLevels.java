package org.compliancerunner.media.silence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.compliancerunner.media.Interval;

/**
 * The sound track's peak level over every channel in fixed steps (dBFS, −∞ for digital silence). Kept instead of
 * silence intervals so a rule with another threshold can be judged later without decoding again.
 */
public record AudioLevels(int stepMs, float[] peakDb, long durationMs) {

    public AudioLevels {
        peakDb = peakDb.clone();
    }

    /** Stretches of at least {@code minMs} whose peak stays below {@code thresholdDb}, like ffmpeg's silencedetect. */
    public List<Interval> silences(double thresholdDb, long minMs) {
        List<Interval> silences = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= peakDb.length; i++) {
            boolean quiet = i < peakDb.length && peakDb[i] < thresholdDb;
            if (quiet && start < 0) {
                start = i;
            } else if (!quiet && start >= 0) {
                long from = (long) start * stepMs;
                long to = Math.min(durationMs, (long) i * stepMs);
                if (to - from >= minMs) {
                    silences.add(new Interval(from, to));
                }
                start = -1;
            }
        }
        return silences;
    }

    @Override
    public float[] peakDb() {
        return peakDb.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AudioLevels levels && levels.stepMs == stepMs && levels.durationMs == durationMs
                && Arrays.equals(levels.peakDb, peakDb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * stepMs + Long.hashCode(durationMs)) + Arrays.hashCode(peakDb);
    }

    @Override
    public String toString() {
        return "AudioLevels[" + peakDb.length + " steps of " + stepMs + " ms]";
    }
}
