package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluateTest {

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void derivativeOrdersAboveTheDegreeAreZeroAndEntriesBeyondTheRowsAreUntouched(KnotVector kv) {
        int k = kv.degree();
        double[] out = new double[5 * (k + 1) + 3];
        Arrays.fill(out, Double.NaN);
        kv.evaluate(0.3 * kv.lo() + 0.7 * kv.hi(), 4, out);
        for (int i = 0; i < 5 * (k + 1); i++) {
            assertTrue(Double.isFinite(out[i]), "entry " + i + " not written");
            if (i >= (k + 1) * (k + 1)) {
                assertEquals(0.0, out[i], "order " + i / (k + 1) + " > degree " + k);
            }
        }
        for (int i = 5 * (k + 1); i < out.length; i++) {
            assertTrue(Double.isNaN(out[i]), "entry " + i + " beyond the requested rows was written");
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void lowerMaxOrderGivesTheLeadingRowsOfTheFullEvaluation(KnotVector kv) {
        int k = kv.degree();
        double x = 0.6 * kv.lo() + 0.4 * kv.hi();
        double[] full = new double[5 * (k + 1)];
        kv.evaluate(x, 4, full);
        for (int maxOrder = 0; maxOrder <= 3; maxOrder++) {
            double[] partial = new double[(maxOrder + 1) * (k + 1)];
            kv.evaluate(x, maxOrder, partial);
            // the same operations in the same order: bit-identical
            assertArrayEquals(Arrays.copyOf(full, partial.length), partial, 0.0, "maxOrder " + maxOrder);
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void evaluationAtAnOffsetWritesTheSameTableThereAndNothingElse(KnotVector kv) {
        int k = kv.degree();
        double x = 0.35 * kv.lo() + 0.65 * kv.hi();
        double[] plain = new double[4 * (k + 1)];
        int span = kv.evaluate(x, 3, plain);
        double[] shifted = new double[plain.length + 7];
        Arrays.fill(shifted, Double.NaN);
        assertEquals(span, kv.evaluate(x, 3, shifted, 5));
        assertArrayEquals(plain, Arrays.copyOfRange(shifted, 5, 5 + plain.length), 0.0);
        for (int i : new int[] {0, 4, shifted.length - 2, shifted.length - 1}) {
            assertTrue(Double.isNaN(shifted[i]), "entry " + i + " outside the table was written");
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void blockEvaluationHoldsThePointByPointTablesBitForBit(KnotVector kv) {
        int k = kv.degree();
        int maxOrder = KnotVector.MAX_DERIVATIVE_ORDER;
        int tables = (maxOrder + 1) * (k + 1);
        double[] g = kv.gridPoints();
        double width = kv.hi() - kv.lo();
        double[] x = {kv.lo() - 0.1 * width, g[0], g[1], 0.5 * (g[0] + g[1]), 0.37 * kv.lo() + 0.63 * kv.hi(),
            g[g.length - 1], kv.hi() + 0.2 * width, Math.nextDown(g[1]), 0.0};
        int count = x.length - 1;   // the last point is not evaluated
        double[][] out = new double[tables + 3][x.length];
        for (double[] table : out) {
            Arrays.fill(table, Double.NaN);
        }
        int[] intervals = new int[x.length + 2];
        kv.evaluate(x, count, maxOrder, out, 2, intervals, 1);
        double[] plain = new double[tables];
        for (int n = 0; n < count; n++) {
            assertEquals(kv.evaluate(x[n], maxOrder, plain), intervals[1 + n], "interval of point " + n);
            for (int t = 0; t < tables; t++) {
                assertEquals(plain[t], out[2 + t][n], 0.0, "point " + n + ", table " + t);
            }
        }
        for (int t = 0; t < out.length; t++) {
            assertTrue(Double.isNaN(out[t][count]), "table " + t + " written past count");
            if (t < 2 || t >= 2 + tables) {
                assertTrue(Double.isNaN(out[t][0]), "table " + t + " outside the tables was written");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void explicitIntervalEvaluatesThatIntervalsPolynomialPieces(KnotVector kv) {
        int k = kv.degree();
        double[] implicit = new double[5 * (k + 1)];
        double[] explicit = new double[5 * (k + 1)];
        double[] g = kv.gridPoints();
        for (int j = 0; j < kv.intervals(); j++) {
            double x = 0.5 * (g[j] + g[j + 1]);
            assertEquals(j, kv.evaluate(x, 4, implicit));
            kv.evaluate(x, j, 4, explicit);
            assertArrayEquals(implicit, explicit, 0.0, "interval " + j);
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void extrapolationOutsideTheGridIsTheTaylorPolynomialOfTheEndPiece(KnotVector kv) {
        int k = kv.degree();
        assumeTrue(k <= KnotVector.MAX_DERIVATIVE_ORDER, "needs all derivatives up to order k");
        int width = k + 1;
        double[] atLo = new double[width * width];
        double[] atHi = new double[width * width];
        kv.evaluate(kv.lo(), k, atLo);                                // interval 0, the piece used below lo
        kv.evaluate(kv.hi(), kv.intervals() - 1, k, atHi);           // the last piece, used above hi
        double[] out = new double[width];
        Random random = new Random(6);
        for (int n = 0; n < 50; n++) {
            double d = (kv.hi() - kv.lo()) * random.nextDouble();
            assertTaylor(kv, kv.lo() - d, kv.lo(), atLo, out);
            assertTaylor(kv, kv.hi() + d, kv.hi(), atHi, out);
        }
    }

    private static void assertTaylor(KnotVector kv, double x, double x0, double[] derivatives, double[] out) {
        int k = kv.degree();
        int width = k + 1;
        int j = kv.evaluate(x, 0, out);
        for (int q = 0; q <= k; q++) {
            double taylor = 0.0;
            double magnitude = 0.0;
            double power = 1.0;
            double factorial = 1.0;
            for (int r = 0; r <= k; r++) {
                double term = derivatives[r * width + q] * power / factorial;
                taylor += term;
                magnitude += Math.abs(term);
                power *= x - x0;
                factorial *= r + 1;
            }
            assertTrue(Math.abs(out[q]) > 0.0 || magnitude == 0.0, "silent zero at " + x);
            // both sides round at ~1e-16 relative to the term sizes; 1e-12 of their sum is generous
            int m = j + q;
            assertEquals(taylor, out[q], 1e-12 * Math.max(1.0, magnitude), () -> "B_" + m + "(" + x + ")");
        }
    }

    @Test
    void evaluateAllocatesNothingInTheHotLoop() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        KnotVector uniform = KnotVector.uniform(10, 5, -1.0, 1.0);
        KnotVector nonUniform = TestGrids.nonUniform(10, 5, -1.0, 1.0, 9L);
        double[] out = new double[5 * 6];
        double checksum = loop(uniform, nonUniform, out, 20_000);   // warm up
        long thread = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(thread);
        checksum += loop(uniform, nonUniform, out, 100_000);
        long allocated = counter.getThreadAllocatedBytes(thread) - before;
        assertTrue(Double.isFinite(checksum));
        // A single allocation per call would be >= 16 bytes * 2e5 calls; allow a little noise from the counter.
        assertTrue(allocated < 10_000, "evaluate allocated " + allocated + " bytes in 200000 calls");
    }

    private static double loop(KnotVector a, KnotVector b, double[] out, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double x = -1.2 + 2.4 * i / n;
            sum += a.evaluate(x, 4, out) + out[7];
            sum += b.evaluate(x, 4, out) + out[7];
        }
        return sum;
    }
}
