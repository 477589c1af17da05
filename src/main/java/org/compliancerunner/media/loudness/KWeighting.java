package org.compliancerunner.media.loudness;

/**
 * The K-weighting of ITU-R BS.1770-4: a high-shelf pre-filter (head effects) followed by the RLB high-pass, each a
 * biquad derived for the actual sample rate from its analog prototype by the bilinear transform, so a 44.1 kHz or
 * 96 kHz file is weighted like a 48 kHz one. Keeps one filter state per channel.
 */
final class KWeighting {

    // Analog prototypes as fitted to the BS.1770 48 kHz coefficients (the values libebur128 uses).
    private static final double SHELF_HZ = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double HIGH_PASS_HZ = 38.13547087602444;
    private static final double HIGH_PASS_Q = 0.5003270373238773;
    // Below this a filter state only costs time (subnormal arithmetic) and adds nothing measurable.
    private static final double NEGLIGIBLE = 1e-30;

    private final double sb0;
    private final double sb1;
    private final double sb2;
    private final double sa1;
    private final double sa2;
    private final double ha1;
    private final double ha2;
    // Transposed direct form II: two states per biquad per channel.
    private final double[] shelf1;
    private final double[] shelf2;
    private final double[] pass1;
    private final double[] pass2;

    KWeighting(int sampleRate, int channels) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        sb0 = (vh + vb * k / SHELF_Q + k * k) / a0;
        sb1 = 2.0 * (k * k - vh) / a0;
        sb2 = (vh - vb * k / SHELF_Q + k * k) / a0;
        sa1 = 2.0 * (k * k - 1.0) / a0;
        sa2 = (1.0 - k / SHELF_Q + k * k) / a0;
        double kh = Math.tan(Math.PI * HIGH_PASS_HZ / sampleRate);
        double ha0 = 1.0 + kh / HIGH_PASS_Q + kh * kh;
        // The numerator stays (1, -2, 1) unnormalised, as in BS.1770's own table, so 48 kHz matches it exactly.
        ha1 = 2.0 * (kh * kh - 1.0) / ha0;
        ha2 = (1.0 - kh / HIGH_PASS_Q + kh * kh) / ha0;
        shelf1 = new double[channels];
        shelf2 = new double[channels];
        pass1 = new double[channels];
        pass2 = new double[channels];
    }

    /**
     * Filters one channel of interleaved frames {@code [from, to)} and returns the sum of the squared weighted
     * samples.
     */
    double squaredSum(float[] interleaved, int channels, int channel, int from, int to) {
        double s1 = shelf1[channel];
        double s2 = shelf2[channel];
        double p1 = pass1[channel];
        double p2 = pass2[channel];
        // the coefficients as locals: analyze's C1-compiled code would load each field again for every sample
        double sb0 = this.sb0;
        double sb1 = this.sb1;
        double sb2 = this.sb2;
        double sa1 = this.sa1;
        double sa2 = this.sa2;
        double ha1 = this.ha1;
        double ha2 = this.ha2;
        double sum = 0;
        for (int i = from * channels + channel, end = to * channels; i < end; i += channels) {
            double x = interleaved[i];
            double shelved = sb0 * x + s1;
            s1 = sb1 * x - sa1 * shelved + s2;
            s2 = sb2 * x - sa2 * shelved;
            double y = shelved + p1;
            p1 = -2.0 * shelved - ha1 * y + p2;
            p2 = shelved - ha2 * y;
            sum += y * y;
        }
        shelf1[channel] = flush(s1);
        shelf2[channel] = flush(s2);
        pass1[channel] = flush(p1);
        pass2[channel] = flush(p2);
        return sum;
    }

    private static double flush(double state) {
        return Math.abs(state) < NEGLIGIBLE ? 0.0 : state;
    }
}
