package org.pikan4j.problems.geometry;

import org.hipparchus.random.HaltonSequenceGenerator;

/** Halton sequence sampler; stateless. */
final class HaltonSampler implements PointSampler {

    static final HaltonSampler INSTANCE = new HaltonSampler();
    private static final int MAX_DIMENSION = 40;

    private HaltonSampler() {
    }

    @Override
    public double[][] sample(int n, int dimension) {
        SamplerArgs.check(n, dimension);
        if (dimension == 0) {
            return SamplerArgs.empty(n);
        }
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("Halton sampler supports dimension <= " + MAX_DIMENSION
                    + ", got " + dimension + "; use PointSampler.sobol() instead");
        }
        return SamplerArgs.draw(new HaltonSequenceGenerator(dimension), n);
    }

    @Override
    public String toString() {
        return "PointSampler.halton()";
    }
}
