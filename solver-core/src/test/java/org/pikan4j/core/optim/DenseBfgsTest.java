package org.pikan4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Full BFGS with a dense self-scaled inverse Hessian ({@link Lbfgs#withDenseInverse()}). */
class DenseBfgsTest {

    private static final int N = 7;

    /** The textbook update on full matrices: (I - rho s y')(b H)(I - rho y s') + rho s s', b the scale. */
    private static double[][] textbookUpdate(double[][] h, double[] s, double[] y, double scale) {
        int n = s.length;
        double rho = 1 / Vectors.dot(s, y);
        double[][] left = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                left[i][j] = (i == j ? 1 : 0) - rho * s[i] * y[j];
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        sum += left[i][a] * scale * h[a][b] * left[j][b];
                    }
                }
                out[i][j] = sum + rho * s[i] * s[j];
            }
        }
        return out;
    }

    /** The model's matrix, column by column through multiply. */
    private static double[][] matrix(InverseHessianModel model) {
        double[][] h = new double[N][N];
        double[] column = new double[N];
        for (int j = 0; j < N; j++) {
            double[] e = new double[N];
            e[j] = 1;
            model.multiply(e, column);
            for (int i = 0; i < N; i++) {
                h[i][j] = column[i];
            }
        }
        return h;
    }

    private static double[] random(Random random) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** y = A s for a fixed positive definite A, so s'y > 0. */
    private static double[] curvature(double[] s) {
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = (i + 1) * s[i] + 0.3 * (i > 0 ? s[i - 1] : 0) + 0.3 * (i < N - 1 ? s[i + 1] : 0);
        }
        return y;
    }

    private static void assertMatrixNear(double[][] expected, double[][] actual, double tolerance) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(expected[i][j], actual[i][j], tolerance * (1 + Math.abs(expected[i][j])),
                        "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void updatesAreTheSelfScaledBfgsFormulaAndMeetTheSecantEquation() {
        Random random = new Random(7);
        DenseInverseHessian model = new DenseInverseHessian(N);
        double[] s = random(random);
        double[] y = curvature(s);
        model.update(s, y, random(random), 1.0);
        // the first step starts from (s'y / y'y) I, unscaled
        double gamma = Vectors.dot(s, y) / Vectors.dot(y, y);
        double[][] h = new double[N][N];
        for (int i = 0; i < N; i++) {
            h[i][i] = gamma;
        }
        double[][] expected = textbookUpdate(h, s, y, 1);
        assertMatrixNear(expected, matrix(model), 1e-12);
        for (int k = 0; k < 4; k++) {
            double[] gradient = random(random);
            double[] sNext = random(random);
            double[] yNext = curvature(sNext);
            double alpha = 0.5 + k;
            // b = s'H^-1 s / s'y for s = -alpha H g: -alpha s'g / s'y, and H is scaled by max(1, b)
            double b = -alpha * Vectors.dot(sNext, gradient) / Vectors.dot(sNext, yNext);
            expected = textbookUpdate(expected, sNext, yNext, Math.max(1, b));
            model.update(sNext, yNext, gradient, alpha);
            double[][] actual = matrix(model);
            assertMatrixNear(expected, actual, 1e-12);
            double[] hy = new double[N];
            model.multiply(yNext, hy);
            assertArrayEquals(sNext, hy, 1e-12, "secant equation H' y = s");
        }
    }

    @Test
    void skipsStepsWithoutPositiveCurvature() {
        Random random = new Random(3);
        DenseInverseHessian model = new DenseInverseHessian(N);
        double[] s = random(random);
        model.update(s, curvature(s), random(random), 1.0);
        double[][] before = matrix(model);
        double[] negative = curvature(s);
        for (int i = 0; i < N; i++) {
            negative[i] = -negative[i];
        }
        model.update(s, negative, random(random), 1.0);
        assertMatrixNear(before, matrix(model), 0.0);
        DenseInverseHessian fresh = new DenseInverseHessian(N);
        fresh.update(s, negative, random(random), 1.0);
        assertTrue(fresh.isEmpty(), "a first step with s'y < 0 leaves the model empty");
    }

    @Test
    void stateRestoresTheSameMatrixAndRefusesOtherKindsAndSizes() {
        Random random = new Random(11);
        DenseInverseHessian model = new DenseInverseHessian(N);
        assertTrue(model.state().isEmpty());
        for (int k = 0; k < 3; k++) {
            double[] s = random(random);
            model.update(s, curvature(s), random(random), 1.0);
        }
        BfgsState state = model.state();
        assertEquals(N * (N + 1) / 2, state.upperTriangle().length);
        DenseInverseHessian copy = new DenseInverseHessian(N);
        copy.restore(state);
        assertMatrixNear(matrix(model), matrix(copy), 0.0);
        copy.restore(BfgsState.empty());
        assertTrue(copy.isEmpty());
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> copy.restore(LbfgsState.empty()));
        assertTrue(kind.getMessage().contains("BfgsState") && kind.getMessage().contains("LbfgsState"),
                kind.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new DenseInverseHessian(N + 1).restore(state));
        assertTrue(size.getMessage().contains("36") && size.getMessage().contains("28"), size.getMessage());
    }

    /** ½ Σ λ_i x_i² with λ_i from 1 to 1e3 over 20 coordinates. */
    private static double illConditioned(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double lambda = Math.pow(1e3, i / (x.length - 1.0));
            f += 0.5 * lambda * x[i] * x[i];
            g[i] = lambda * x[i];
        }
        return f;
    }

    /** Chained Rosenbrock, Σ 100 (x_{i+1} - x_i²)² + (1 - x_i)²: coupled coordinates, minimizer (1, ..., 1). */
    private static double chainedRosenbrock(double[] x, double[] g) {
        double f = 0;
        Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    private static LbfgsRun converge(Lbfgs config, Objective f, double[] theta) {
        LbfgsRun run = config.withGradientTolerance(1e-10).start(f, theta);
        while (!run.converged() && run.iterations() < config.steps()) {
            run.step();
        }
        assertTrue(run.converged() && !run.stalled(), "converged after " + run.iterations());
        return run;
    }

    @Test
    void keepsTheCurvatureThatLimitedMemoryForgets() {
        double[] start = new double[20];
        for (int i = 0; i < start.length; i++) {
            start[i] = 1 + i;
        }
        // measured: 67 dense steps against 436 with 3 pairs
        LbfgsRun dense = converge(Lbfgs.steps(1000).withDenseInverse(), DenseBfgsTest::illConditioned,
                start.clone());
        LbfgsRun pairs = converge(Lbfgs.steps(1000).withHistorySize(3), DenseBfgsTest::illConditioned,
                start.clone());
        assertTrue(dense.iterations() <= 100 && 3 * dense.iterations() < pairs.iterations(),
                "dense " + dense.iterations() + " steps, 3 pairs " + pairs.iterations());
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        converge(Lbfgs.steps(1000).withDenseInverse(), DenseBfgsTest::chainedRosenbrock, x);
        for (double xi : x) {
            assertEquals(1.0, xi, 1e-7);
        }
    }

    @Test
    void aRestoredRunTakesTheSameSteps() {
        double[] theta = LbfgsTest.rosenbrockStart(6);
        Lbfgs config = Lbfgs.steps(50).withDenseInverse();
        LbfgsRun run = config.start(LbfgsTest::rosenbrock, theta);
        for (int i = 0; i < 5; i++) {
            run.step();
        }
        double[] twinTheta = theta.clone();
        LbfgsRun twin = config.start(LbfgsTest::rosenbrock, twinTheta);
        twin.restore(run.state());
        for (int i = 0; i < 3; i++) {
            run.step();
            twin.step();
        }
        assertArrayEquals(theta, twinTheta, 0.0);
        run.resetHistory();
        assertTrue(((BfgsState) run.state()).isEmpty());
    }

    @Test
    void configurationNamesTheMethodAndRefusesModelsTooLargeForADenseMatrix() {
        Lbfgs dense = Lbfgs.steps(10).withHistorySize(5).withDenseInverse();
        assertEquals("bfgs", dense.name());
        assertEquals("lbfgs", Lbfgs.steps(10).name());
        assertTrue(dense.denseInverse() && dense.withSteps(3).denseInverse(), "copies keep the dense inverse");
        assertTrue(dense.toString().contains("denseInverse"), dense.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dense.start(LbfgsTest::rosenbrock, new double[20_002]));
        assertTrue(e.getMessage().contains("20002") && e.getMessage().contains("limited memory"), e.getMessage());
    }
}
