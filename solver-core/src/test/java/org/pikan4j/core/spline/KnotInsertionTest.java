package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KnotInsertionTest {

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void insertionInEveryIntervalLeavesTheSplineAndItsDerivativesUnchanged(KnotVector kv) {
        Random random = new Random(10);
        double[] c = randomCoefficients(kv, random);
        double[] g = kv.gridPoints();
        for (int j = 0; j < kv.intervals(); j++) {
            // includes the first and last intervals, where the extension knots must be kept
            double x = g[j] + (g[j + 1] - g[j]) * (0.05 + 0.9 * random.nextDouble());
            KnotVector refined = kv.withGridPoint(x);
            double[] refinedC = kv.insertKnotCoefficients(c, x);
            assertEquals(kv.basisCount() + 1, refinedC.length);
            assertEquals(refined.basisCount(), refinedC.length);
            assertSameFunction(kv, c, refined, refinedC, random);
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void repeatedInsertionsStillRepresentTheOriginalSpline(KnotVector kv) {
        Random random = new Random(11);
        double[] c = randomCoefficients(kv, random);
        KnotVector refined = kv;
        double[] refinedC = c;
        for (int n = 0; n < 12; n++) {
            double x = kv.lo() + (kv.hi() - kv.lo()) * (0.001 + 0.998 * random.nextDouble());
            refinedC = refined.insertKnotCoefficients(refinedC, x);
            refined = refined.withGridPoint(x);
        }
        assertEquals(kv.intervals() + 12, refined.intervals());
        assertSameFunction(kv, c, refined, refinedC, random);
    }

    @Test
    void refinedKnotVectorContainsTheOldKnotsPlusTheNewPointAndKeepsTheExtensionKnots() {
        KnotVector kv = KnotVector.uniform(4, 3, 0.0, 1.0);
        KnotVector refined = kv.withGridPoint(0.1);   // in the first interval
        assertArrayEquals(new double[] {0.0, 0.1, 0.25, 0.5, 0.75, 1.0}, refined.gridPoints(), 0.0);
        double[] expected = {-0.75, -0.5, -0.25, 0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75};
        assertArrayEquals(expected, refined.knots(), 0.0);
        assertFalse(refined.isUniform());
        assertEquals(5, refined.intervals());
    }

    @Test
    void insertionChangesTheCoefficientsAsBoehmPrescribes() {
        // Degree 1 (hat functions): inserting at a point puts the spline's value there as the new coefficient.
        KnotVector kv = KnotVector.uniform(2, 1, 0.0, 2.0);   // knots -1, 0, 1, 2, 3; hats at 0, 1, 2
        double[] c = {1.0, 3.0, 2.0};
        double[] refined = kv.insertKnotCoefficients(c, 0.5);
        // value at 0.5 is (1 + 3) / 2 = 2; the other coefficients are kept (to round-off of a*c + (1-a)*c)
        assertArrayEquals(new double[] {1.0, 2.0, 3.0, 2.0}, refined, 1e-15);
    }

    private static double[] randomCoefficients(KnotVector kv, Random random) {
        double[] c = new double[kv.basisCount()];
        for (int m = 0; m < c.length; m++) {
            c[m] = 2.0 * random.nextDouble() - 1.0;
        }
        return c;
    }

    private static void assertSameFunction(KnotVector kv, double[] c, KnotVector refined, double[] refinedC,
            Random random) {
        int k = kv.degree();
        double span = kv.hi() - kv.lo();
        for (int n = 0; n < 200; n++) {
            // a quarter of the points outside [lo, hi], on both sides, to check the extrapolation is kept
            double x = kv.lo() - 0.25 * span + 1.5 * span * random.nextDouble();
            for (int r = 0; r <= Math.min(k, 4); r++) {
                // Round-off of an evaluation is a few eps times the sum of the magnitudes of its terms. The
                // refined grid can have much narrower intervals (larger derivatives, worse cancellation when
                // extrapolating from a narrow end interval), so the bound takes the larger of the two sums;
                // 1e-12 relative to it leaves a wide margin.
                double magnitude = Math.max(termMagnitude(kv, c, x, r), termMagnitude(refined, refinedC, x, r));
                double tolerance = 1e-12 * Math.max(1.0, magnitude);
                int order = r;
                assertEquals(kv.spline(c, x, r), refined.spline(refinedC, x, r), tolerance,
                        () -> "order " + order + " at x = " + x + " after refining " + kv + " to "
                                + Arrays.toString(refined.gridPoints()));
            }
        }
    }

    /** sum over the non-zero basis functions at x of |c_m d^r B_m(x)|. */
    private static double termMagnitude(KnotVector kv, double[] c, double x, int r) {
        int k = kv.degree();
        double[] basis = new double[(r + 1) * (k + 1)];
        int j = kv.evaluate(x, r, basis);
        double sum = 0.0;
        for (int q = 0; q <= k; q++) {
            sum += Math.abs(c[j + q] * basis[r * (k + 1) + q]);
        }
        return sum;
    }
}
