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
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimension);
        generator.nextVector(); // the origin
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = generator.nextVector();
        }
        return points;
    }

    @Override
    public String toString() {
        return "PointSampler.sobol()";
    }
}
