package org.compliancerunner.media.loudness;

/** Conversion between K-weighted mean-square energy and LUFS (BS.1770-4: L = −0.691 + 10·log10 Σ G·z). */
final class LoudnessScale {

    private static final double OFFSET = -0.691;

    private LoudnessScale() {
    }

    static double lufs(double energy) {
        return OFFSET + 10 * Math.log10(energy);
    }

    static double energy(double lufs) {
        return Math.pow(10, (lufs - OFFSET) / 10);
    }
}
