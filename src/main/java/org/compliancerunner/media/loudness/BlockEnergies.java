package org.compliancerunner.media.loudness;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The mean-square energies of measurement blocks in order, one double each: 36 000 per hour at a 100 ms hop, so
 * memory stays small for long programmes while the gates stay exact.
 */
final class BlockEnergies {

    private double[] energies = new double[1024];
    private int size;

    void add(double energy) {
        if (size == energies.length) {
            energies = Arrays.copyOf(energies, size * 2);
        }
        energies[size++] = energy;
    }

    int size() {
        return size;
    }

    double get(int index) {
        return energies[index];
    }

    /** Mean energy of the blocks above {@code gate}, or 0 when none is. */
    double meanAbove(double gate) {
        return meanAbove(gate, index -> true);
    }

    /** Mean energy of the blocks {@code counted} accepts that are above {@code gate}, or 0 when none is. */
    double meanAbove(double gate, IntPredicate counted) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (energies[i] > gate && counted.test(i)) {
                sum += energies[i];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
