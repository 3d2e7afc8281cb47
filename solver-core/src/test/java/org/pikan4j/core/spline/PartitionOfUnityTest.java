package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PartitionOfUnityTest {

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void valuesSumToOneAndDerivativesSumToZeroOnTheGrid(KnotVector kv) {
        Random random = new Random(1);
        int k = kv.degree();
        double[] out = new double[5 * (k + 1)];
        double lo = kv.lo();
        double hi = kv.hi();
        for (int n = 0; n < 500; n++) {
            double x = n == 0 ? lo : n == 1 ? hi : lo + (hi - lo) * random.nextDouble();
            kv.evaluate(x, 4, out);
            assertRowSums(kv, x, out, k);
        }
        for (double g : kv.gridPoints()) {
            kv.evaluate(g, 4, out);
            assertRowSums(kv, g, out, k);
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void partitionOfUnityHoldsForTheExtrapolatedPiecesOutsideTheGrid(KnotVector kv) {
        // The span-restricted recursion reproduces 1 as a polynomial identity, so it holds off the grid too.
        Random random = new Random(2);
        int k = kv.degree();
        double[] out = new double[5 * (k + 1)];
        double span = kv.hi() - kv.lo();
        for (int n = 0; n < 200; n++) {
            double d = span * random.nextDouble();
            double x = n % 2 == 0 ? kv.lo() - d : kv.hi() + d;
            kv.evaluate(x, 4, out);
            assertRowSums(kv, x, out, k);
        }
    }

    /** The k+1 values at x sum to 1 and each derivative order's to 0, to round-off (shared with the properties). */
    static void assertRowSums(KnotVector kv, double x, double[] out, int k) {
        for (int r = 0; r <= 4; r++) {
            double sum = 0.0;
            double magnitude = 0.0;
            for (int q = 0; q <= k; q++) {
                sum += out[r * (k + 1) + q];
                magnitude += Math.abs(out[r * (k + 1) + q]);
            }
            // Round-off: each entry carries a few ulps of its own size; 1e-14 relative to the sum of
            // magnitudes (which is exactly 1 for values inside the grid) leaves margin for k <= 5.
            double tolerance = 1e-14 * Math.max(1.0, magnitude);
            int order = r;
            assertEquals(r == 0 ? 1.0 : 0.0, sum, tolerance,
                    () -> "order " + order + " sum at x = " + x + " for " + kv);
        }
    }
}
