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
}
