package org.pikan4j.core.residual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.LossDifferences;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * Integral constraints: the penalty is w · mean_g S_g² of the sums of its parts' values, and its gradient (added to
 * a loss's) is exact against central differences, also through derivatives and a point shared by several sums.
 */
class IntegralConstraintTest {

    private static final Network NETWORK = Kan.widths(2, 3, 1).grid(5).noise(0.3).build();
    private static final List<String> NAMES = List.of("x", "t");
    private static final Residual VALUE = b -> b.field(0);
    /** A flux-like expression: u²/2 - 0.1 u_x. */
    private static final Residual FLUX = b -> b.field(0).times(b.field(0)).times(0.5)
            .minus(b.d(b.field(0), "x").times(0.1));

    /** Three sums over 30 value points and 4 flux points; flux point 1 enters every sum. */
    private static IntegralConstraint constraint(double weight) {
        int[] group = new int[30];
        int[] point = new int[30];
        double[] c = new double[30];
        for (int n = 0; n < 30; n++) {
            group[n] = n % 3;
            point[n] = n;
            c[n] = 0.1 + 0.01 * n;
        }
        return IntegralConstraint.named("balance", 3)
                .withPart(ResidualTerm.of("density", SpaceTimePoints.of(30, 1), List.of(), VALUE), group, point, c)
                .withPart(ResidualTerm.of("flux", SpaceTimePoints.of(4, 2), List.of(MultiIndex.of(1, 0)), FLUX),
                        new int[] {0, 1, 2, 2, 0}, new int[] {1, 1, 1, 3, 0}, new double[] {0.5, -0.25, 1.0, 2.0, -1})
                .withWeight(weight);
    }

    /** The values of a residual at points, read from a plain loss's residual vector sqrt(1/N) r. */
    private static double[] values(Residual residual, List<MultiIndex> reads, double[][] at, double[] theta) {
        PinnLoss loss = new PinnLoss(NETWORK, new JvmBackend(3), List.of(ResidualTerm.of("r", at, reads, residual)),
                NAMES);
        double[] r = new double[at.length];
        loss.residuals(theta, r, null);
        for (int n = 0; n < r.length; n++) {
            r[n] *= Math.sqrt(at.length);
        }
        return r;
    }

    @Test
    void valueIsTheWeightedMeanSquareOfTheSums() {
        double[] theta = NETWORK.initialParameters(5);
        double[] u = values(VALUE, List.of(), SpaceTimePoints.of(30, 1), theta);
        double[] f = values(FLUX, List.of(MultiIndex.of(1, 0)), SpaceTimePoints.of(4, 2), theta);
        double[] s = new double[3];
        for (int n = 0; n < 30; n++) {
            s[n % 3] += (0.1 + 0.01 * n) * u[n];
        }
        s[0] += 0.5 * f[1] - f[0];
        s[1] += -0.25 * f[1];
        s[2] += f[1] + 2.0 * f[3];
        double expected = 2.5 * (s[0] * s[0] + s[1] * s[1] + s[2] * s[2]) / 3;
        Penalty penalty = constraint(2.5).penaltyFor(NETWORK, new JvmBackend(3), NAMES, 0);
        assertEquals("balance", penalty.name());
        assertEquals(expected, penalty.evaluate(theta, new double[theta.length]), 1e-14 * expected);
        assertTrue(expected > 1e-6, "the check needs sums away from zero, got " + expected);
    }

    @Test
    void gradientMatchesCentralDifferencesInsideALoss() {
        ResidualTerm pde = ResidualTerm.of("pde", SpaceTimePoints.of(20, 4), List.of(MultiIndex.of(0, 1)),
                b -> b.d(b.field(0), "t").plus(b.field(0)));
        PinnLoss loss = new PinnLoss(NETWORK, new JvmBackend(3), List.of(pde), NAMES)
                .withPenalty(constraint(3.0).penaltyFor(NETWORK, new JvmBackend(3), NAMES, 0));
        double[] theta = NETWORK.initialParameters(9);
        double[] gradient = new double[theta.length];
        loss.evaluate(theta, gradient);
        double scale = LossDifferences.maxAbs(gradient);
        for (int p = 0; p < theta.length; p++) {
            double fd = LossDifferences.centralDifference(t -> loss.evaluate(t, new double[t.length]), theta, p, 1e-6);
            assertEquals(fd, gradient[p], 1e-7 * scale, "d loss / d theta[" + p + "]");
        }
        assertEquals(List.of("pde", "balance"), loss.termNames());
    }

    @Test
    void threadsShareThePointsAndAgreeWithOne() {
        double[] theta = NETWORK.initialParameters(5);
        double[] one = new double[theta.length];
        double value = constraint(2.0).penaltyFor(NETWORK, new JvmBackend(3), NAMES, 0).evaluate(theta, one);
        for (int threads : new int[] {2, 3, 40}) {
            // 40 threads leave some without flux points (4 of them)
            Penalty penalty = constraint(2.0).penaltyFor(NETWORK, new JvmBackend(3), NAMES, 0, threads);
            double[] g = new double[theta.length];
            assertEquals(value, penalty.evaluate(theta, g), 1e-13 * value, threads + " threads");
            double[] again = new double[theta.length];
            penalty.evaluate(theta, again);
            for (int p = 0; p < theta.length; p++) {
                assertEquals(one[p], g[p], 1e-12 * LossDifferences.maxAbs(one), threads + " threads, theta[" + p + "]");
                assertEquals(Double.doubleToLongBits(g[p]), Double.doubleToLongBits(again[p]), "same bits again");
            }
        }
        String bad = assertThrows(IllegalArgumentException.class, () -> constraint(1.0).penaltyFor(NETWORK,
                new JvmBackend(3), NAMES, 0, 0)).getMessage();
        assertTrue(bad.contains("threads must be in [1, 64], got 0"), bad);
    }

    @Test
    void zeroWeightAddsNothing() {
        double[] theta = NETWORK.initialParameters(5);
        double[] gradient = new double[theta.length];
        assertEquals(0.0, constraint(0.0).penaltyFor(NETWORK, new JvmBackend(3), NAMES, 0).evaluate(theta, gradient));
        assertEquals(0.0, LossDifferences.maxAbs(gradient));
    }

    @Test
    void badInputIsRefusedWithWhatIsValid() {
        ResidualTerm term = ResidualTerm.of("density", SpaceTimePoints.of(5, 1), List.of(), VALUE);
        IntegralConstraint two = IntegralConstraint.named("balance", 2);
        String groups = assertThrows(IllegalArgumentException.class, () -> IntegralConstraint.named("b", 0))
                .getMessage();
        assertTrue(groups.contains("groups >= 1, got 0"), groups);
        String lengths = assertThrows(IllegalArgumentException.class, () -> two.withPart(term, new int[2],
                new int[2], new double[1])).getMessage();
        assertTrue(lengths.contains("got 2, 2, 1"), lengths);
        String group = assertThrows(IllegalArgumentException.class, () -> two.withPart(term, new int[] {2},
                new int[] {0}, new double[] {1})).getMessage();
        assertTrue(group.contains("entry 0 (group 2") && group.contains("group in [0, 2)"), group);
        String point = assertThrows(IllegalArgumentException.class, () -> two.withPart(term, new int[] {0},
                new int[] {5}, new double[] {1})).getMessage();
        assertTrue(point.contains("point 5") && point.contains("point in [0, 5)"), point);
        String nan = assertThrows(IllegalArgumentException.class, () -> two.withPart(term, new int[] {0},
                new int[] {0}, new double[] {Double.NaN})).getMessage();
        assertTrue(nan.contains("coefficient NaN"), nan);
        String weight = assertThrows(IllegalArgumentException.class, () -> two.withWeight(-1)).getMessage();
        assertTrue(weight.contains("finite and >= 0, got -1.0"), weight);
        String empty = assertThrows(IllegalStateException.class, () -> two.penaltyFor(NETWORK, new JvmBackend(3),
                NAMES, 0)).getMessage();
        assertTrue(empty.contains("has no part"), empty);
        ResidualTerm flat = ResidualTerm.of("density", new double[][] {{0.1}}, List.of(), VALUE);
        String dimension = assertThrows(IllegalArgumentException.class, () -> two.withPart(flat, new int[] {0},
                new int[] {0}, new double[] {1}).penaltyFor(NETWORK, new JvmBackend(3), NAMES, 0)).getMessage();
        assertTrue(dimension.contains("dimension 1 but the network takes 2"), dimension);
    }
}
