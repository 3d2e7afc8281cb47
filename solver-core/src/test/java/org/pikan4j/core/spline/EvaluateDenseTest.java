package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EvaluateDenseTest {

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @ParameterizedTest
    @MethodSource("grids")
    void denseEvaluationEqualsLocalEvaluationWithZerosOffTheSupport(KnotVector kv) {
        Random random = new Random(8);
        double span = kv.hi() - kv.lo();
        double[] xs = new double[60];
        for (int p = 0; p < xs.length; p++) {
            xs[p] = kv.lo() - 0.3 * span + 1.6 * span * random.nextDouble();
        }
        xs[0] = kv.lo();
        xs[1] = kv.hi();
        for (int maxOrder = 0; maxOrder <= 4; maxOrder++) {
            double[][][] dense = kv.evaluateDense(xs, maxOrder);
            assertEquals(maxOrder + 1, dense.length);
            int k = kv.degree();
            double[] local = new double[(maxOrder + 1) * (k + 1)];
            for (int p = 0; p < xs.length; p++) {
                int j = kv.evaluate(xs[p], maxOrder, local);
                for (int r = 0; r <= maxOrder; r++) {
                    assertEquals(kv.basisCount(), dense[r][p].length);
                    for (int m = 0; m < kv.basisCount(); m++) {
                        boolean onSupport = m >= j && m <= j + k;
                        double expected = onSupport ? local[r * (k + 1) + m - j] : 0.0;
                        // same computation, copied: exact equality
                        assertEquals(expected, dense[r][p][m], 0.0, "r=" + r + " p=" + p + " m=" + m);
                    }
                }
            }
        }
    }
}
