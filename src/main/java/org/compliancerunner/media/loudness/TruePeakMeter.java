package org.compliancerunner.media.loudness;

/**
 * True peak per ITU-R BS.1770-4 Annex 2: the highest absolute value of the signal oversampled by a polyphase FIR
 * interpolator (4× below 96 kHz, 2× below 192 kHz, none above), over all channels.
 *
 * <p>The interpolator is a 49-tap Hann-windowed sinc with its cut-off at the original Nyquist frequency, as in
 * libebur128. Its phase 0 is a pure delay, so it is read as the input sample itself; only the in-between phases are
 * computed, all from one pass over the window.
 */
final class TruePeakMeter {

    private static final int TAPS = 49;

    private final int factor;
    private final int phaseTaps;
    // Coefficients of the in-between phases 1..factor-1, each weighing the input k samples back.
    private final double[] first;
    private final double[] second;
    private final double[] third;
    // Per channel the last phaseTaps inputs, stored twice so a window is always contiguous.
    private final double[][] history;
    private int position;
    private double peak;

    TruePeakMeter(int sampleRate, int channels) {
        factor = sampleRate < 96_000 ? 4 : sampleRate < 192_000 ? 2 : 1;
        phaseTaps = factor == 1 ? 0 : (TAPS - 1) / factor;
        first = phase(1);
        second = phase(2);
        third = phase(3);
        history = new double[channels][2 * phaseTaps];
    }

    /** The taps {@code j ≡ phase (mod factor)} of the windowed sinc; the end taps are zero under the window. */
    private double[] phase(int phase) {
        double[] c = new double[phaseTaps];
        if (phase >= factor) {
            return c;
        }
        for (int k = 0; k < phaseTaps; k++) {
            int j = phase + k * factor;
            double x = (j - (TAPS - 1) / 2.0) * Math.PI / factor;
            double hann = 0.5 * (1 - Math.cos(2 * Math.PI * j / (TAPS - 1)));
            c[k] = Math.sin(x) / x * hann;
        }
        return c;
    }

    void accept(float[] interleaved, int channels, int frames) {
        int next = position;
        for (int channel = 0; channel < channels; channel++) {
            if (factor == 4 && channel + 1 < channels) {
                // two channels in one pass: their sums do not wait on each other, so the FPU overlaps them
                next = scanFourTimes(interleaved, channels, channel, frames, history[channel], history[channel + 1]);
                channel++;
                continue;
            }
            next = switch (factor) {
                case 4 -> scanFourTimes(interleaved, channels, channel, frames, history[channel]);
                case 2 -> scanTwice(interleaved, channels, channel, frames, history[channel]);
                default -> scanSamples(interleaved, channels, channel, frames);
            };
        }
        position = next;
    }

    /** {@link #scanFourTimes(float[], int, int, int, double[])} of {@code channel} and the one after it at once. */
    private int scanFourTimes(float[] interleaved, int channels, int channel, int frames, double[] window,
                              double[] nextWindow) {
        int taps = phaseTaps;
        // locals: analyze's C1-compiled code would load each field again for every tap
        double[] first = this.first;
        double[] second = this.second;
        double[] third = this.third;
        double max = peak;
        int p = position;
        for (int i = channel, end = frames * channels; i < end; i += channels) {
            p = p == 0 ? taps - 1 : p - 1;
            double x = interleaved[i];
            double u = interleaved[i + 1];
            window[p] = x;
            window[p + taps] = x;
            nextWindow[p] = u;
            nextWindow[p + taps] = u;
            double y1 = 0;
            double y2 = 0;
            double y3 = 0;
            double v1 = 0;
            double v2 = 0;
            double v3 = 0;
            for (int k = 0; k < taps; k++) {
                double w = window[p + k];
                double n = nextWindow[p + k];
                y1 += first[k] * w;
                y2 += second[k] * w;
                y3 += third[k] * w;
                v1 += first[k] * n;
                v2 += second[k] * n;
                v3 += third[k] * n;
            }
            max = larger(max, Math.abs(x), Math.abs(y1), Math.abs(y2), Math.abs(y3));
            max = larger(max, Math.abs(u), Math.abs(v1), Math.abs(v2), Math.abs(v3));
        }
        peak = max;
        return p;
    }

    private int scanFourTimes(float[] interleaved, int channels, int channel, int frames, double[] window) {
        int taps = phaseTaps;
        double[] first = this.first;
        double[] second = this.second;
        double[] third = this.third;
        double max = peak;
        int p = position;
        for (int i = channel, end = frames * channels; i < end; i += channels) {
            p = p == 0 ? taps - 1 : p - 1;
            double x = interleaved[i];
            window[p] = x;
            window[p + taps] = x;
            double y1 = 0;
            double y2 = 0;
            double y3 = 0;
            for (int k = 0; k < taps; k++) {
                double w = window[p + k];
                y1 += first[k] * w;
                y2 += second[k] * w;
                y3 += third[k] * w;
            }
            max = larger(max, Math.abs(x), Math.abs(y1), Math.abs(y2), Math.abs(y3));
        }
        peak = max;
        return p;
    }

    private int scanTwice(float[] interleaved, int channels, int channel, int frames, double[] window) {
        int taps = phaseTaps;
        double[] first = this.first;
        double max = peak;
        int p = position;
        for (int i = channel, end = frames * channels; i < end; i += channels) {
            p = p == 0 ? taps - 1 : p - 1;
            double x = interleaved[i];
            window[p] = x;
            window[p + taps] = x;
            double y = 0;
            for (int k = 0; k < taps; k++) {
                y += first[k] * window[p + k];
            }
            max = larger(max, Math.abs(x), Math.abs(y), 0, 0);
        }
        peak = max;
        return p;
    }

    private int scanSamples(float[] interleaved, int channels, int channel, int frames) {
        double max = peak;
        for (int i = channel, end = frames * channels; i < end; i += channels) {
            double x = Math.abs(interleaved[i]);
            if (x > max) {
                max = x;
            }
        }
        peak = max;
        return position;
    }

    // Plain comparisons: Math.max pays for NaN and signed-zero rules these magnitudes never need.
    private static double larger(double max, double a, double b, double c, double d) {
        double ab = a > b ? a : b;
        double cd = c > d ? c : d;
        double abcd = ab > cd ? ab : cd;
        return abcd > max ? abcd : max;
    }

    /** The true peak so far in dBTP; {@link Double#NEGATIVE_INFINITY} for digital silence. */
    double dbtp() {
        return 20 * Math.log10(peak);
    }
}
