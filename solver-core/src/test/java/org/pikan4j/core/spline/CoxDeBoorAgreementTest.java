package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CoxDeBoorAgreementTest {

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void valuesAndDerivativesMatchTheRecursiveDefinitionAtRandomPoints(KnotVector kv) {
        Random random = new Random(3);
        for (int n = 0; n < 100; n++) {
            double x = kv.lo() + (kv.hi() - kv.lo()) * random.nextDouble();
            assertMatchesReference(kv, x);
        }
    }

    @ParameterizedTest
    @MethodSource("grids")
    void valuesAndDerivativesMatchTheRecursiveDefinitionAtGridPoints(KnotVector kv) {
        // Both sides use the right-hand piece at a grid point (half-open intervals); hi itself is excluded
        // because the reference's indicator functions vanish there.
        double[] g = kv.gridPoints();
        for (int i = 0; i < g.length - 1; i++) {
            assertMatchesReference(kv, g[i]);
        }
    }

    private static void assertMatchesReference(KnotVector kv, double x) {
        int k = kv.degree();
        double[] t = kv.knots();
        double[] out = new double[5 * (k + 1)];
        int j = kv.evaluate(x, 4, out);
        for (int r = 0; r <= 4; r++) {
            double scale = 0.0;
            for (int q = 0; q <= k; q++) {
                scale = Math.max(scale, Math.abs(CoxDeBoor.derivative(t, j + q, k, r, x)));
            }
            // Both evaluations are O(k^2) floating-point operations on values of size `scale`; 1e-13 relative
            // to the largest entry of the row (absolute for values, which are <= 1) bounds their round-off.
            double tolerance = 1e-13 * Math.max(1.0, scale);
            for (int q = 0; q <= k; q++) {
                int order = r;
                int m = j + q;
                assertEquals(CoxDeBoor.derivative(t, m, k, r, x), out[r * (k + 1) + q], tolerance,
                        () -> "d^" + order + " B_" + m + "(" + x + ") for " + kv);
            }
        }
    }
}
