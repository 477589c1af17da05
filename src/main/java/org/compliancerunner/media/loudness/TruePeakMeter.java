package org.compliancerunner.media.loudness;

/**
 * True peak per ITU-R BS.1770-4 Annex 2: the highest absolute value of the signal oversampled by a polyphase FIR
 * interpolator (4× below 96 kHz, 2× below 192 kHz, none above), over all channels.
 *
 * <p>The interpolator is a 49-tap Hann-windowed sinc with its cut-off at the original Nyquist frequency, as in
 * libebur128; phase 0 is a pure delay, so the sample peak is always included.
 */
final class TruePeakMeter {

    private static final int TAPS = 49;

    private final int factor;
    private final int phaseTaps;
    // coefficients[phase * phaseTaps + k] weighs the input k samples back.
    private final double[] coefficients;
    // Per channel the last phaseTaps inputs, stored twice so a window is always contiguous.
    private final double[][] history;
    private int position;
    private double peak;

    TruePeakMeter(int sampleRate, int channels) {
        factor = sampleRate < 96_000 ? 4 : sampleRate < 192_000 ? 2 : 1;
        phaseTaps = factor == 1 ? 1 : (TAPS + factor - 1) / factor;
        coefficients = factor == 1 ? new double[] {1.0} : interpolator(factor, phaseTaps);
        history = new double[channels][2 * phaseTaps];
    }

    private static double[] interpolator(int factor, int phaseTaps) {
        double[] c = new double[factor * phaseTaps];
        for (int j = 0; j < TAPS; j++) {
            double m = j - (TAPS - 1) / 2.0;
            double x = m * Math.PI / factor;
            double sinc = Math.abs(m) < 1e-9 ? 1.0 : Math.sin(x) / x;
            double hann = 0.5 * (1 - Math.cos(2 * Math.PI * j / (TAPS - 1)));
            c[(j % factor) * phaseTaps + j / factor] = sinc * hann;
        }
        return c;
    }

    void accept(float[] interleaved, int channels, int frames) {
        int next = position;
        for (int channel = 0; channel < channels; channel++) {
            next = scan(interleaved, channels, channel, frames, history[channel]);
        }
        position = next;
    }

    /** Scans one channel from the shared window position and returns where the window ends up. */
    private int scan(float[] interleaved, int channels, int channel, int frames, double[] window) {
        int taps = phaseTaps;
        double[] c = coefficients;
        double max = peak;
        int p = position;
        for (int i = channel, end = frames * channels; i < end; i += channels) {
            p = p == 0 ? taps - 1 : p - 1;
            double x = interleaved[i];
            window[p] = x;
            window[p + taps] = x;
            for (int phase = 0, base = 0; phase < factor; phase++, base += taps) {
                double y = 0;
                for (int k = 0; k < taps; k++) {
                    y += c[base + k] * window[p + k];
                }
                double magnitude = Math.abs(y);
                if (magnitude > max) {
                    max = magnitude;
                }
            }
        }
        peak = max;
        return p;
    }

    /** The true peak so far in dBTP; {@link Double#NEGATIVE_INFINITY} for digital silence. */
    double dbtp() {
        return 20 * Math.log10(peak);
    }
}
