package org.pikan4j.core.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.tensor.DerivativeSet;

class SymbolicEdgesTest {

    /** A KAN [1, 1] whose only edge is the least-squares spline of sin(πx) on [-1, 1]. */
    private static final Network NETWORK = Kan.widths(1, 1).grid(20).degree(3).range(-1, 1).build();

    private static double[] sineTheta() {
        double[] theta = NETWORK.initialParameters(1);
        KnotVector knots = KnotVector.uniform(20, 3, -1, 1);
        int m = knots.basisCount();
        double[] xs = new double[201];
        for (int p = 0; p < xs.length; p++) {
            xs[p] = -1.0 + 2.0 * p / (xs.length - 1);
        }
        double[][] basis = knots.evaluateDense(xs, 0)[0];
        double[][] normal = new double[m][m + 1];
        for (int p = 0; p < xs.length; p++) {
            for (int r = 0; r < m; r++) {
                for (int s = 0; s < m; s++) {
                    normal[r][s] += basis[p][r] * basis[p][s];
                }
                normal[r][m] += basis[p][r] * Math.sin(Math.PI * xs[p]);
            }
        }
        NETWORK.layout().set(theta, "kan0.coef", solve(normal));
        NETWORK.layout().set(theta, "kan0.scaleBase", new double[] {0.0});
        NETWORK.layout().set(theta, "kan0.scaleSpline", new double[] {1.0});
        return theta;
    }

    /** Gaussian elimination with partial pivoting on an augmented m×(m+1) system. */
    private static double[] solve(double[][] a) {
        int m = a.length;
        for (int k = 0; k < m; k++) {
            int pivot = k;
            for (int r = k + 1; r < m; r++) {
                pivot = Math.abs(a[r][k]) > Math.abs(a[pivot][k]) ? r : pivot;
            }
            double[] t = a[k];
            a[k] = a[pivot];
            a[pivot] = t;
            for (int r = k + 1; r < m; r++) {
                double f = a[r][k] / a[k][k];
                for (int s = k; s <= m; s++) {
                    a[r][s] -= f * a[k][s];
                }
            }
        }
        double[] x = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            double sum = a[k][m];
            for (int s = k + 1; s < m; s++) {
                sum -= a[k][s] * x[s];
            }
            x[k] = sum / a[k][k];
        }
        return x;
    }

    private static double networkValue(double[] theta, double x) {
        NetworkEvaluator evaluator = Backends.named("jvm").evaluator(NETWORK, DerivativeSet.valueOnly(1));
        return evaluator.forward(theta, new double[][] {{x}}, 0, 1).get(0, 0, 0);
    }

    @Test
    void edgeFunctionMatchesTheNetworkForward() {
        double[] theta = NETWORK.initialParameters(3);
        EdgeFunction phi = EdgeFunction.of(NETWORK, theta, 0, 0, 0);
        for (double x : new double[] {-0.9, -0.2, 0.4, 1.0}) {
            assertEquals(networkValue(theta, x), phi.applyAsDouble(x), 1e-12);
        }
    }

    @Test
    void autoPicksSineAndTheFormulaTracksTheNetwork() {
        double[] theta = sineTheta();
        SymbolicEdges symbolic = SymbolicEdges.of(NETWORK, theta).auto(0.999);
        assertTrue(symbolic.complete());
        SymbolicFit fit = symbolic.fixed().get(new EdgeKey(0, 0, 0));
        assertEquals("sin", fit.function().name(), fit.toString());
        assertEquals(Math.PI, fit.a(), 1e-3, fit.toString());
        assertTrue(symbolic.formula().startsWith("sin(3.14159"), symbolic.formula());
        assertTrue(symbolic.javaFormula().contains("Math.sin(3.14159"), symbolic.javaFormula());
        Random random = new Random(11);
        double worst = 0.0;
        for (int n = 0; n < 50; n++) {
            double x = -1.0 + 2.0 * random.nextDouble();
            worst = Math.max(worst, Math.abs(symbolic.evaluate(new double[] {x})[0] - networkValue(theta, x)));
        }
        assertTrue(worst < 1e-3, "worst |symbolic - network| = " + worst);
    }

    @Test
    void highThresholdLeavesEdgesOpenAndFormulaSaysWhich() {
        double[] theta = NETWORK.initialParameters(5);   // random noise: no formula reaches R² = 1
        SymbolicEdges open = SymbolicEdges.of(NETWORK, theta).auto(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, open::formula);
        assertTrue(e.getMessage().contains("first (0, 0, 0)"), e.getMessage());
        // an open edge falls back to its spline
        assertEquals(networkValue(theta, 0.3), open.evaluate(new double[] {0.3})[0], 1e-12);
    }

    @Test
    void formulaCombinesConstantsAndDropsNegligibleTerms() {
        Network two = Kan.widths(2, 1).grid(5).degree(3).range(-1, 1).build();
        double[] theta = two.initialParameters(2);
        SymbolicLibrary lib = SymbolicLibrary.standard();
        SymbolicEdges s = SymbolicEdges.of(two, theta)
                .fix(0, 0, 0, new SymbolicFit(lib.get("sin"), new AffineParameters(2, 0, 1, 0.25), 1))
                .fix(0, 1, 0, new SymbolicFit(lib.get("exp"), new AffineParameters(1, 0, 1e-9, 0.5), 1));
        assertEquals("sin(2.0*x) + 0.75", s.formula());
        assertEquals("Math.sin(2.0*x) + 0.75", s.javaFormula());
        assertEquals(Math.sin(1.0) + 0.75, s.evaluate(new double[] {0.5, 0.1})[0], 1e-15);
    }

    @Test
    void unknownEdgesAreRejected() {
        SymbolicEdges symbolic = SymbolicEdges.of(NETWORK, NETWORK.initialParameters(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> symbolic.suggest(0, 1, 0, 3));
        assertEquals("input i of layer 0 must be in [0, 1), got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> symbolic.suggest(2, 0, 0, 3));
        assertEquals("layer must be in [0, 1), got 2", e.getMessage());
    }
}
