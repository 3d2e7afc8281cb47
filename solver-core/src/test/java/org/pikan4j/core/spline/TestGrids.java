package org.pikan4j.core.spline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Knot vectors shared by the tests: uniform and non-uniform grids of degrees 1..5. */
final class TestGrids {

    static final int MAX_TESTED_DEGREE = 5;

    private TestGrids() {
    }

    /** A grid whose interval widths vary by a factor of up to 4, reproducible from the seed. */
    static KnotVector nonUniform(int intervals, int degree, double lo, double hi, long seed) {
        Random random = new Random(seed);
        double[] widths = new double[intervals];
        double total = 0.0;
        for (int i = 0; i < intervals; i++) {
            widths[i] = 0.4 + 1.2 * random.nextDouble();
            total += widths[i];
        }
        double[] points = new double[intervals + 1];
        points[0] = lo;
        for (int i = 1; i < intervals; i++) {
            points[i] = points[i - 1] + (hi - lo) * widths[i - 1] / total;
        }
        points[intervals] = hi;
        return KnotVector.of(points, degree);
    }

    /**
     * A grid whose interval widths double from left to right (the last 128 times the first for G = 8): many
     * intervals share one bucket of the interval lookup on the left, and one interval spans many on the right.
     */
    static KnotVector clustered(int intervals, int degree, double lo, double hi) {
        double[] points = new double[intervals + 1];
        double total = Math.pow(2, intervals) - 1;
        for (int i = 0; i <= intervals; i++) {
            points[i] = lo + (hi - lo) * (Math.pow(2, i) - 1) / total;
        }
        points[intervals] = hi;
        return KnotVector.of(points, degree);
    }

    /** Uniform and non-uniform knot vectors for every degree 1..5 (including a single-interval grid). */
    static List<KnotVector> all() {
        List<KnotVector> grids = new ArrayList<>();
        for (int k = 1; k <= MAX_TESTED_DEGREE; k++) {
            grids.add(KnotVector.uniform(5, k, -1.0, 1.0));
            grids.add(KnotVector.uniform(7, k, 0.1, 0.8));
            grids.add(KnotVector.uniform(1, k, 2.0, 3.0));
            grids.add(nonUniform(6, k, -1.0, 2.0, 17L * k));
            grids.add(nonUniform(3, k, 0.0, 1.0, 5L + k));
            grids.add(clustered(8, k, -1.0, 1.0));
        }
        return grids;
    }

    /** Width of grid interval j. */
    static double width(KnotVector kv, int j) {
        double[] g = kv.gridPoints();
        return g[j + 1] - g[j];
    }

    /** Smallest grid interval width. */
    static double minWidth(KnotVector kv) {
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < kv.intervals(); j++) {
            min = Math.min(min, width(kv, j));
        }
        return min;
    }
}
