package org.pikan4j.problems.geometry;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded uniform random sampler; the generator is re-created per call, so it is stateless. */
final class UniformSampler implements PointSampler {

    private final long seed;

    UniformSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public double[][] sample(int n, int dimension) {
        SamplerArgs.check(n, dimension);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] points = new double[n][dimension];
        for (double[] p : points) {
            for (int j = 0; j < dimension; j++) {
                p[j] = rng.nextDouble();
            }
        }
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UniformSampler other && other.seed == seed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "PointSampler.uniform(" + seed + ")";
    }
}
