package org.pikan4j.problems.geometry;

/** Tensor grid of cell centres with at least n points; stateless. */
final class GridSampler implements PointSampler {

    static final GridSampler INSTANCE = new GridSampler();
    private static final int MAX_POINTS = 50_000_000;

    private GridSampler() {
    }

    @Override
    public double[][] sample(int n, int dimension) {
        SamplerArgs.check(n, dimension);
        if (dimension == 0) {
            return SamplerArgs.empty(n);
        }
        int k = perAxis(n, dimension);
        double total = Math.pow(k, dimension);
        if (total > MAX_POINTS) {
            throw new IllegalArgumentException("grid of " + k + "^" + dimension + " points is too large (more than "
                    + MAX_POINTS + "), got n = " + n);
        }
        double[][] points = new double[(int) total][dimension];
        int[] index = new int[dimension];
        for (double[] p : points) {
            for (int j = 0; j < dimension; j++) {
                p[j] = (index[j] + 0.5) / k;
            }
            for (int j = 0; j < dimension && ++index[j] == k; j++) {
                index[j] = 0;
            }
        }
        return points;
    }

    /** Smallest k with k^d >= n. */
    static int perAxis(int n, int dimension) {
        int k = Math.max(1, (int) Math.floor(Math.pow(n, 1.0 / dimension)));
        while (Math.pow(k, dimension) < n) {
            k++;
        }
        return k;
    }

    @Override
    public boolean isExactCount() {
        return false;
    }

    @Override
    public String toString() {
        return "PointSampler.grid()";
    }
}
