package org.pikan4j.problems.geometry;

import org.hipparchus.random.SobolSequenceGenerator;

/** Sobol sequence sampler; stateless. */
final class SobolSampler implements PointSampler {

    static final SobolSampler INSTANCE = new SobolSampler();

    private SobolSampler() {
    }

    @Override
    public double[][] sample(int n, int dimension) {
        SamplerArgs.check(n, dimension);
        if (dimension == 0) {
            return SamplerArgs.empty(n);
        }
        return SamplerArgs.draw(new SobolSequenceGenerator(dimension), n);
    }

    @Override
    public String toString() {
        return "PointSampler.sobol()";
    }
}
