package org.pikan4j.core;

import java.util.Random;

/** Seeded test points. */
public final class TestPoints {

    private TestPoints() {
    }

    /** {@code count} points uniform in [-1, 1]^dimension, the same for the same seed. */
    public static double[][] uniform(int count, int dimension, long seed) {
        Random random = new Random(seed);
        double[][] p = new double[count][dimension];
        for (double[] row : p) {
            for (int i = 0; i < dimension; i++) {
                row[i] = -1 + 2 * random.nextDouble();
            }
        }
        return p;
    }
}
