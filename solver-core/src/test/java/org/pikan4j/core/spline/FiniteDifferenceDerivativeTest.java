package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks order r against a central difference of the analytic order r-1. With step h = 1e-4 w (w the interval
 * width) the truncation error is about (h/w)^2 / 6 ~ 2e-9 relative and the cancellation error about
 * eps / (h/w) ~ 2e-12 relative, so a 1e-6 relative tolerance has a wide margin yet catches any wrong factor.
 */
class FiniteDifferenceDerivativeTest {

    private static final double STEP_FRACTION = 1e-4;
    private static final double RELATIVE_TOLERANCE = 1e-6;

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void derivativesMatchCentralDifferencesInsideIntervals(KnotVector kv) {
        Random random = new Random(4);
        double[] g = kv.gridPoints();
        for (int j = 0; j < kv.intervals(); j++) {
            double w = g[j + 1] - g[j];
            for (int n = 0; n < 20; n++) {
                // stay 10% of the width away from the knots, far more than the step h
                double x = g[j] + w * (0.1 + 0.8 * random.nextDouble());
                assertDerivativesMatchDifferences(kv, x, STEP_FRACTION * w);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void derivativesOfTheExtrapolatedPiecesMatchCentralDifferencesOutsideTheGrid(KnotVector kv) {
        Random random = new Random(5);
        double wFirst = TestGrids.width(kv, 0);
        double wLast = TestGrids.width(kv, kv.intervals() - 1);
        for (int n = 0; n < 40; n++) {
            // x +- h stays on one side of g_1 (resp. g_{G-1}), so both points use the same end piece
            double below = kv.lo() - wFirst * (0.05 + 2.0 * random.nextDouble());
            double above = kv.hi() + wLast * (0.05 + 2.0 * random.nextDouble());
            assertDerivativesMatchDifferences(kv, below, STEP_FRACTION * wFirst);
            assertDerivativesMatchDifferences(kv, above, STEP_FRACTION * wLast);
        }
    }

    private static void assertDerivativesMatchDifferences(KnotVector kv, double x, double h) {
        int k = kv.degree();
        int width = k + 1;
        double[] center = new double[5 * width];
        double[] plus = new double[5 * width];
        double[] minus = new double[5 * width];
        int j = kv.evaluate(x, 4, center);
        assertEquals(j, kv.evaluate(x + h, 4, plus), "x + h left the interval");
        assertEquals(j, kv.evaluate(x - h, 4, minus), "x - h left the interval");
        for (int r = 1; r <= Math.min(k, 4); r++) {
            double scale = 0.0;
            for (int q = 0; q <= k; q++) {
                scale = Math.max(scale, Math.abs(center[r * width + q]));
            }
            for (int q = 0; q <= k; q++) {
                double difference = (plus[(r - 1) * width + q] - minus[(r - 1) * width + q]) / (2 * h);
                int order = r;
                int m = j + q;
                assertEquals(difference, center[r * width + q], RELATIVE_TOLERANCE * scale,
                        () -> "d^" + order + " B_" + m + "(" + x + ") for " + kv);
            }
        }
    }
}
