package org.compliancerunner.media.loudness;

import java.util.Arrays;

/**
 * Loudness range per EBU Tech 3342: of the short-term (3 s) loudness values above −70 LUFS and above a relative gate
 * 20 LU below their energy mean, the spread between the 10th and the 95th percentile.
 */
final class LoudnessRange {

    private static final double RELATIVE_GATE_LU = -20.0;
    private static final double LOW_PERCENTILE = 0.10;
    private static final double HIGH_PERCENTILE = 0.95;

    private final BlockEnergies shortTerm = new BlockEnergies();

    void addShortTerm(double energy) {
        shortTerm.add(energy);
    }

    /** The range in LU; 0 when no value passes the gates (silence, or a programme shorter than 3 s). */
    double range() {
        double absoluteGate = LoudnessScale.energy(GatedLoudness.ABSOLUTE_GATE_LUFS);
        double absolutelyGated = shortTerm.meanAbove(absoluteGate);
        if (absolutelyGated == 0) {
            return 0.0;
        }
        double gate = Math.max(absoluteGate,
                LoudnessScale.energy(LoudnessScale.lufs(absolutelyGated) + RELATIVE_GATE_LU));
        double[] passed = new double[shortTerm.size()];
        int count = 0;
        for (int i = 0; i < shortTerm.size(); i++) {
            double energy = shortTerm.get(i);
            if (energy > gate) {
                passed[count++] = energy;
            }
        }
        Arrays.sort(passed, 0, count);
        // Nearest-rank percentiles on energies: the ordering is the same as on LUFS values.
        double low = passed[(int) Math.round((count - 1) * LOW_PERCENTILE)];
        double high = passed[(int) Math.round((count - 1) * HIGH_PERCENTILE)];
        return LoudnessScale.lufs(high) - LoudnessScale.lufs(low);
    }
}
