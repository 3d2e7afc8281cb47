package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input raises IllegalArgumentException naming the argument, the value and what is valid. */
class KnotVectorValidationTest {

    private final KnotVector kv = KnotVector.uniform(5, 3, -1.0, 1.0);

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    "message \"" + e.getMessage() + "\" should contain \"" + fragment + "\"");
        }
    }

    @Test
    void uniformRejectsDegreeBelowOne() {
        assertRejected(() -> KnotVector.uniform(5, 0, -1.0, 1.0), "degree must be >= 1, got 0");
    }

    @Test
    void uniformRejectsNoIntervals() {
        assertRejected(() -> KnotVector.uniform(0, 3, -1.0, 1.0), "intervals (grid size G) must be >= 1, got 0");
    }

    @Test
    void uniformRejectsEmptyOrReversedRange() {
        assertRejected(() -> KnotVector.uniform(5, 3, 1.0, 1.0), "lo must be < hi, got lo = 1.0, hi = 1.0");
        assertRejected(() -> KnotVector.uniform(5, 3, 2.0, 1.0), "lo must be < hi, got lo = 2.0, hi = 1.0");
    }

    @Test
    void uniformRejectsNonFiniteBounds() {
        assertRejected(() -> KnotVector.uniform(5, 3, Double.NaN, 1.0), "lo must be finite, got NaN");
        assertRejected(() -> KnotVector.uniform(5, 3, -1.0, Double.POSITIVE_INFINITY),
                "hi must be finite, got Infinity");
        assertRejected(() -> KnotVector.uniform(5, 3, Double.NEGATIVE_INFINITY, 1.0),
                "lo must be finite, got -Infinity");
    }

    @Test
    void uniformRejectsRangesWhoseKnotsAreNotRepresentable() {
        assertRejected(() -> KnotVector.uniform(5, 3, -1e308, 1e308), "knots must be finite", "too wide");
        assertRejected(() -> KnotVector.uniform(10, 3, 1.0, Math.nextUp(1.0)), "strictly increasing");
    }

    @Test
    void ofRejectsNullOrTooShortGrids() {
        assertRejected(() -> KnotVector.of(null, 3), "gridPoints must not be null");
        assertRejected(() -> KnotVector.of(new double[] {0.5}, 3), "gridPoints.length must be >= 2", "got 1");
    }

    @Test
    void ofRejectsDegreeBelowOne() {
        assertRejected(() -> KnotVector.of(new double[] {0.0, 1.0}, -2), "degree must be >= 1, got -2");
    }

    @Test
    void ofRejectsGridPointsThatAreNotStrictlyIncreasing() {
        assertRejected(() -> KnotVector.of(new double[] {-1.0, 0.0, 0.5, 0.2, 1.0}, 3),
                "gridPoints must be strictly increasing: gridPoints[3] = 0.2 <= gridPoints[2] = 0.5");
        assertRejected(() -> KnotVector.of(new double[] {0.0, 0.0, 1.0}, 3),
                "gridPoints[1] = 0.0 <= gridPoints[0] = 0.0");
    }

    @Test
    void ofRejectsNonFiniteGridPoints() {
        assertRejected(() -> KnotVector.of(new double[] {0.0, Double.NaN, 1.0}, 3), "gridPoints[1] must be finite, got NaN");
        assertRejected(() -> KnotVector.of(new double[] {0.0, 1.0, Double.POSITIVE_INFINITY}, 3),
                "gridPoints[2] must be finite, got Infinity");
    }

    @Test
    void evaluateRejectsDerivativeOrdersOutsideZeroToFive() {
        double[] out = new double[100];
        assertRejected(() -> kv.evaluate(0.0, 6, out), "maxOrder must be in [0, 5], got 6");
        assertRejected(() -> kv.evaluate(0.0, -1, out), "maxOrder must be in [0, 5], got -1");
        assertRejected(() -> kv.evaluate(0.0, 2, 6, out), "maxOrder must be in [0, 5], got 6");
        assertRejected(() -> kv.evaluateDense(new double[] {0.0}, 7), "maxOrder must be in [0, 5], got 7");
        assertRejected(() -> kv.spline(new double[8], 0.0, 6), "order must be in [0, 5], got 6");
    }

    @Test
    void evaluateRejectsTooShortOrMissingOutputArrays() {
        assertRejected(() -> kv.evaluate(0.0, 2, new double[11]), "out.length must be >= ", "= 12, got 11");
        assertRejected(() -> kv.evaluate(0.0, 2, new double[20], 9), "out.length must be >= ", "= 21, got 20");
        assertRejected(() -> kv.evaluate(0.0, 2, new double[20], -1), "at (first index in out) must be >= 0, got -1");
        assertRejected(() -> kv.evaluate(0.0, 0, 1, new double[3]), "out.length", "= 8, got 3");
        assertRejected(() -> kv.evaluate(0.0, 0, null), "out.length", "got null");
    }

    @Test
    void blockEvaluationRejectsBadCountsTablesAndIntervals() {
        double[] x = {0.1, 0.2, 0.3};
        double[][] tables = new double[8][3];
        int[] intervals = new int[3];
        assertRejected(() -> kv.evaluate(x, 4, 1, tables, 0, intervals, 0), "count must be in [0, 3], got 4");
        assertRejected(() -> kv.evaluate(x, 3, 6, tables, 0, intervals, 0), "maxOrder must be in [0, 5], got 6");
        assertRejected(() -> kv.evaluate(x, 3, 1, tables, 1, intervals, 0),
                "out must hold (maxOrder + 1) * (degree + 1) = 8 tables from outAt = 1, got 8 tables");
        double[][] short2 = new double[8][3];
        short2[5] = new double[2];
        assertRejected(() -> kv.evaluate(x, 3, 1, short2, 0, intervals, 0), "out[5] must hold count = 3 values, got 2");
        assertRejected(() -> kv.evaluate(x, 3, 1, tables, 0, intervals, 1),
                "intervals must hold count = 3 values from intervalsAt = 1, got length 3");
    }

    @Test
    void evaluateRejectsIntervalOutsideTheGrid() {
        double[] out = new double[100];
        assertRejected(() -> kv.evaluate(0.0, 5, 0, out), "interval must be in [0, 4], got 5");
        assertRejected(() -> kv.evaluate(0.0, -1, 0, out), "interval must be in [0, 4], got -1");
    }

    @Test
    void evaluateDenseRejectsNullPoints() {
        assertRejected(() -> kv.evaluateDense(null, 0), "xs must not be null");
    }

    @Test
    void coefficientArraysOfTheWrongLengthAreRejectedWithTheExpectedLength() {
        assertRejected(() -> kv.spline(new double[7], 0.0, 0), "coefficients.length must be basisCount() = 8, got 7");
        assertRejected(() -> kv.insertKnotCoefficients(new double[9], 0.1),
                "coefficients.length must be basisCount() = 8, got 9");
        assertRejected(() -> kv.spline(null, 0.0, 0), "coefficients must not be null");
    }

    @Test
    void insertionPointsOutsideTheOpenRangeAreRejected() {
        assertRejected(() -> kv.withGridPoint(1.0), "x (new grid point) must be strictly inside (lo, hi) = (-1.0, 1.0), got 1.0");
        assertRejected(() -> kv.withGridPoint(-3.0), "(lo, hi) = (-1.0, 1.0), got -3.0");
        assertRejected(() -> kv.withGridPoint(Double.NaN), "got NaN");
        assertRejected(() -> kv.insertKnotCoefficients(new double[8], 2.5), "(lo, hi) = (-1.0, 1.0), got 2.5");
    }

    @Test
    void insertionPointsOnExistingGridPointsAreRejected() {
        double existing = kv.gridPoints()[2];
        assertRejected(() -> kv.withGridPoint(existing),
                "x (new grid point) must not be an existing grid point, got " + existing + " = gridPoints[2]");
        assertRejected(() -> kv.insertKnotCoefficients(new double[8], existing), "existing grid point");
    }
}
