package org.pikan4j.problems.geometry;

/** Validation of the arguments of {@link PointSampler#sample}. */
final class SamplerArgs {

    private SamplerArgs() {
    }

    static void check(int n, int dimension) {
        Checks.count(n);
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension must be >= 0, got " + dimension);
        }
    }

    static double[][] empty(int n) {
        return new double[n][0];
    }

    /** n points of a low-discrepancy sequence, skipping its first point (the origin). */
    static double[][] draw(org.hipparchus.random.RandomVectorGenerator generator, int n) {
        generator.nextVector();
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = generator.nextVector();
        }
        return points;
    }
}
