package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/** Shared checks for sampled points. */
final class GeometryAssertions {

    private GeometryAssertions() {
    }

    static void assertAllStrictlyInside(Domain domain, double[][] points) {
        for (double[] p : points) {
            assertEquals(domain.dimension(), p.length);
            assertTrue(domain.signedDistance(p) < 0, () -> Arrays.toString(p) + " is not strictly inside " + domain);
        }
    }

    /** Every point on the boundary, every normal of unit length, pointing outward (probe test). */
    static void assertValidBoundary(Domain domain, BoundarySample sample) {
        double[][] points = sample.points();
        double[][] normals = sample.normals();
        for (int i = 0; i < sample.size(); i++) {
            double[] p = points[i];
            double[] n = normals[i];
            String where = Arrays.toString(p) + " (" + sample.piece(i) + ")";
            assertEquals(0, domain.signedDistance(p), 1e-9, () -> where + " is not on the boundary");
            assertEquals(1, norm(n), 1e-12, () -> "normal at " + where + " is not unit: " + Arrays.toString(n));
            assertTrue(domain.signedDistance(shift(p, n, 1e-4)) > 0, () -> "normal at " + where + " points inward");
        }
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double[] shift(double[] p, double[] n, double h) {
        double[] q = p.clone();
        for (int j = 0; j < q.length; j++) {
            q[j] += h * n[j];
        }
        return q;
    }

    static void assertVector(double[] expected, double[] actual, String message) {
        assertEquals(expected.length, actual.length, message);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-12, () -> message + ": expected " + Arrays.toString(expected)
                    + " but was " + Arrays.toString(actual));
        }
    }
}
