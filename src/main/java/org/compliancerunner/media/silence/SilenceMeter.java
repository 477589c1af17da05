package org.compliancerunner.media.silence;

import java.util.Arrays;

import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.MediaListener;

/** Records the peak level of every {@value #STEP_MS} ms of the sound track, for silence rules. */
public final class SilenceMeter implements MediaListener {

    static final int STEP_MS = 50;

    private float[] peaks = new float[1024];
    private int steps;
    private long framesInStep;
    private long stepFrames;
    private float stepPeak;
    private long decodedMs;

    @Override
    public boolean wantsAudio() {
        return true;
    }

    @Override
    public void onAudio(AudioFormat format, float[] samples, int frames) {
        if (stepFrames == 0) {
            stepFrames = Math.max(1, (long) format.sampleRate() * STEP_MS / 1000);
        }
        int channels = format.channels();
        int frame = 0;
        while (frame < frames) {
            // one step at a time, so the inner loop is a plain maximum over the values
            int take = (int) Math.min(frames - frame, stepFrames - framesInStep);
            float peak = stepPeak;
            for (int i = frame * channels, end = (frame + take) * channels; i < end; i++) {
                // a plain comparison: Math.max is a call in analyze's C1-compiled code, and pays for NaN rules
                float magnitude = Math.abs(samples[i]);
                if (magnitude > peak) {
                    peak = magnitude;
                }
            }
            stepPeak = peak;
            frame += take;
            framesInStep += take;
            if (framesInStep == stepFrames) {
                closeStep();
            }
        }
    }

    @Override
    public void onEnd(long decodedMs) {
        if (framesInStep > 0) {
            closeStep();
        }
        this.decodedMs = decodedMs;
    }

    public AudioLevels levels() {
        return new AudioLevels(STEP_MS, Arrays.copyOf(peaks, steps), decodedMs > 0 ? decodedMs : (long) steps * STEP_MS);
    }

    private void closeStep() {
        if (steps == peaks.length) {
            peaks = Arrays.copyOf(peaks, steps * 2);
        }
        peaks[steps++] = stepPeak > 0 ? (float) (20 * Math.log10(stepPeak)) : Float.NEGATIVE_INFINITY;
        stepPeak = 0;
        framesInStep = 0;
    }
}
