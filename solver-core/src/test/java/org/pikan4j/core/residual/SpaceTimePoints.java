package org.pikan4j.core.residual;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded random points (x, t) in [-0.9, 0.9] x [0, 1] for the loss tests of this package. */
final class SpaceTimePoints {

    private SpaceTimePoints() {
    }

    static double[][] of(int count, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[count][];
        for (int n = 0; n < count; n++) {
            p[n] = new double[] {-0.9 + 1.8 * random.nextDouble(), random.nextDouble()};
        }
        return p;
    }
}
