package org.compliancerunner.media.loudness;

import java.util.function.IntPredicate;

/**
 * Integrated (programme) loudness per ITU-R BS.1770-4: the mean of the 400 ms block energies that pass an absolute
 * gate at −70 LUFS and then a relative gate 10 LU below the mean of the blocks that passed the first.
 */
final class GatedLoudness {

    static final double ABSOLUTE_GATE_LUFS = -70.0;
    private static final double RELATIVE_GATE_LU = -10.0;

    private final BlockEnergies blocks = new BlockEnergies();

    void addBlock(double energy) {
        blocks.add(energy);
    }

    /** Integrated loudness in LUFS, {@link Double#NEGATIVE_INFINITY} when no block passes the gates. */
    double integrated() {
        return integrated(index -> true);
    }

    /** Integrated loudness of the blocks {@code counted} accepts, by block index, gated the same way. */
    double integrated(IntPredicate counted) {
        double absoluteGate = LoudnessScale.energy(ABSOLUTE_GATE_LUFS);
        double absolutelyGated = blocks.meanAbove(absoluteGate, counted);
        if (absolutelyGated == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = LoudnessScale.energy(LoudnessScale.lufs(absolutelyGated) + RELATIVE_GATE_LU);
        // A block must pass both gates: the relative one can lie below −70 LUFS.
        return LoudnessScale.lufs(blocks.meanAbove(Math.max(absoluteGate, relativeGate), counted));
    }

    int blocks() {
        return blocks.size();
    }
}
