package org.pikan4j.core.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.TestPoints;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.refine.LayerInputs;
import org.pikan4j.core.residual.Penalty;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.train.Training;
import org.pikan4j.core.train.TrainingResult;

class RegularizationTest {

    /** Central difference step on θ. */
    private static final double H = 1e-6;
    /**
     * Worst |FD - exact| relative to the largest gradient entry, measured 5e-10 (sparsity, all four
     * parts) and 3e-10 (smoothness); bound 1e-6.
     */
    private static final double TOLERANCE = 1e-6;

    /** KAN [2, 3, 2] with coefficient noise 0.5 so that every edge is far from zero. */
    private static final Network NETWORK = Kan.widths(2, 3, 2).grid(4).degree(3).noise(0.5).build();

    private static double[][] points(int count, long seed) {
        return TestPoints.uniform(count, 2, seed);
    }

    private static void assertGradientMatchesFiniteDifferences(Penalty penalty, double[] theta) {
        double[] gradient = new double[theta.length];
        penalty.evaluate(theta, gradient);
        double largest = 0.0;
        for (double g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertTrue(largest > 0.0, "the gradient must not vanish identically");
        double[] scratch = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[p] += H;
            minus[p] -= H;
            double fd = (penalty.evaluate(plus, scratch) - penalty.evaluate(minus, scratch)) / (2 * H);
            assertEquals(fd, gradient[p], TOLERANCE * largest,
                    penalty.name() + ": d/d " + NETWORK.layout().describe(p));
        }
    }

    @Test
    void sparsityGradientMatchesFiniteDifferences() {
        Regularization r = Regularization.sparsity(0.7).withL1(1.3).withEntropy(2.0).withCoefficientL1(0.4)
                .withCoefficientDifferences(0.9);
        Penalty sparsity = r.penalties(NETWORK, points(25, 1)).get(0);
        assertEquals("sparsity", sparsity.name());
        assertGradientMatchesFiniteDifferences(sparsity, NETWORK.initialParameters(7));
    }

    @Test
    void smoothnessGradientMatchesFiniteDifferencesForBothOrders() {
        double[] theta = NETWORK.initialParameters(8);
        for (int order = 1; order <= 2; order++) {
            Penalty smoothness = Regularization.none().withSmoothness(0.3).withSmoothnessOrder(order)
                    .penalties(NETWORK, null).get(0);
            assertEquals("smoothness", smoothness.name());
            assertGradientMatchesFiniteDifferences(smoothness, theta);
        }
    }

    @Test
    void l1PartIsTheMeanEdgeMagnitudeThroughTheLayers() {
        double[][] pts = points(30, 2);
        double[] theta = NETWORK.initialParameters(3);
        Penalty l1Only = Regularization.sparsity(0.5).withEntropy(0).penalties(NETWORK, pts).get(0);
        double value = l1Only.evaluate(theta, new double[theta.length]);
        // independent path: the backend's layer inputs and the symbolic package's edge functions
        LayerInputs inputs = LayerInputs.of(NETWORK, theta, pts);
        double expected = 0.0;
        for (int l = 0; l < 2; l++) {
            int in = NETWORK.layers().get(l).inputWidth();
            int out = NETWORK.layers().get(l).outputWidth();
            for (int i = 0; i < in; i++) {
                double[] u = inputs.column(l, i);
                for (int j = 0; j < out; j++) {
                    var phi = org.pikan4j.core.symbolic.EdgeFunction.of(NETWORK, theta, l, i, j);
                    for (double x : u) {
                        expected += Math.abs(phi.applyAsDouble(x)) / pts.length;
                    }
                }
            }
        }
        assertEquals(0.5 * expected, value, 1e-12 * expected);
    }

    @Test
    void smoothnessIsTheIntegralOfTheSquaredSecondDerivative() {
        Network one = Kan.widths(1, 1).grid(6).degree(3).range(-1, 2).noise(0.5).build();
        double[] theta = one.initialParameters(4);
        one.layout().set(theta, "kan0.scaleSpline", new double[] {1.7});
        double value = Regularization.none().withSmoothness(2.0).penalties(one, null).get(0)
                .evaluate(theta, new double[theta.length]);
        KnotVector grid = KnotVector.uniform(6, 3, -1, 2);
        double[] c = one.layout().get(theta, "kan0.coef");
        // s'' is piecewise linear: Simpson on each of many sub-intervals is exact
        double integral = 0.0;
        int pieces = 600;
        double h = 3.0 / pieces;
        for (int p = 0; p < pieces; p++) {
            double a = -1 + p * h;
            double mid = a + h / 2;
            double b = a + h;
            integral += h / 6 * (sq(grid.spline(c, a + 1e-12, 2)) + 4 * sq(grid.spline(c, mid, 2))
                    + sq(grid.spline(c, b - 1e-12, 2)));
        }
        assertEquals(2.0 * 1.7 * 1.7 * integral, value, 1e-9 * value);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void penaltiesJoinTheLossValueGradientAndHistory() {
        double[][] pts = points(20, 5);
        ResidualTerm data = ResidualTerm.of("data", pts, List.of(),
                b -> b.field(0).minus(b.source(x -> Math.sin(x[0]) * x[1])));
        ResidualTerm data2 = ResidualTerm.of("data2", pts, List.of(), b -> b.field(1));
        PinnLoss plain = new PinnLoss(NETWORK, Backends.named("jvm"), List.of(data, data2), List.of("x", "y"));
        Regularization r = Regularization.sparsity(1e-2).withSmoothness(1e-3);
        PinnLoss regularized = r.applyTo(plain, pts);
        assertEquals(List.of("data", "data2", "sparsity", "smoothness"), regularized.termNames());
        double[] theta = NETWORK.initialParameters(9);
        double[] g = new double[theta.length];
        double[] expected = new double[theta.length];
        double total = regularized.evaluate(theta, g);
        double sum = plain.evaluate(theta, expected);
        for (Penalty p : r.penalties(NETWORK, pts)) {
            sum += p.evaluate(theta, expected);
        }
        assertEquals(sum, total, 1e-15 * sum);
        for (int p = 0; p < g.length; p++) {
            assertEquals(expected[p], g[p], 1e-15 * Math.abs(expected[p]) + 1e-300);
        }
        double[] terms = regularized.termValues();
        assertEquals(4, terms.length);
        assertEquals(total, terms[0] + terms[1] + terms[2] + terms[3], 1e-15 * total);
        TrainingResult result = Training.of(Lbfgs.steps(5)).train(regularized, theta);
        assertEquals(List.of("data", "data2", "sparsity", "smoothness"), result.history().termNames());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> regularized.residuals(theta, new double[40], null));
        assertTrue(e.getMessage().contains("[sparsity, smoothness]"), e.getMessage());
    }

    @Test
    void badWeightsAndNetworksAreRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regularization.sparsity(-1));
        assertEquals("sparsity (lamb) must be >= 0 and finite, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularization.none().withEntropy(Double.NaN));
        assertEquals("entropy (lamb_entropy) must be >= 0 and finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularization.none().withSmoothnessOrder(3));
        assertEquals("smoothnessOrder must be 1 or 2, got 3", e.getMessage());
        Network linear = Kan.widths(1, 1).degree(1).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> Regularization.none().withSmoothness(1).penalties(linear, null));
        assertEquals("smoothness order 2 needs splines of degree >= 2, layer 0 has degree 1", e.getMessage());
        Network mlp = Mlp.widths(2, 4, 1).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> Regularization.sparsity(1).penalties(mlp, points(3, 1)));
        assertTrue(e.getMessage().startsWith("layer 0 must be a KAN layer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Regularization.sparsity(1).penalties(NETWORK, new double[0][]));
        assertEquals("sparsity needs the training points its activations are measured on, got none", e.getMessage());
        assertTrue(Regularization.none().penalties(NETWORK, null).isEmpty());
    }
}
