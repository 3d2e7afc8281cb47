package org.pikan4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Extended Rosenbrock (More, Garbow &amp; Hillstrom): independent pairs, unique minimizer (1, ..., 1). */
    static double rosenbrock(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] = -400 * x[i] * a - 2 * b;
            g[i + 1] = 200 * a;
        }
        return f;
    }

    static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = -1.2;
            x[i + 1] = 1;
        }
        return x;
    }

    /** Records every evaluation so the test can inspect what the line search did. */
    static final class Recording implements Objective {
        final Objective inner;
        final List<double[]> points = new ArrayList<>();

        Recording(Objective inner) {
            this.inner = inner;
        }

        @Override
        public double evaluate(double[] theta, double[] gradient) {
            points.add(theta.clone());
            return inner.evaluate(theta, gradient);
        }
    }

    private static void assertAllNear(double expected, double[] x, double tol) {
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected, x[i], tol, "x[" + i + "]");
        }
    }

    /**
     * Runs to convergence while checking every accepted step against the strong Wolfe conditions,
     * using a fresh evaluation of the raw objective at the old and new points.
     */
    private static LbfgsRun runCheckingWolfe(Lbfgs config, Objective f, double[] theta) {
        Recording recording = new Recording(f);
        LbfgsRun run = config.start(recording, theta);
        int n = theta.length;
        double[] gOld = new double[n];
        double[] gNew = new double[n];
        while (!run.converged() && run.iterations() < config.steps()) {
            double[] xOld = theta.clone();
            double fOld = f.evaluate(xOld, gOld);
            int evaluationsBefore = recording.points.size();
            int iterationsBefore = run.iterations();
            double returned = run.step();
            int used = recording.points.size() - evaluationsBefore;
            // each step runs at most two line searches (quasi-Newton, then steepest descent)
            assertTrue(used <= 2 * config.maxLineSearchEvaluations(), "evaluations in one step: " + used);
            if (run.iterations() == iterationsBefore) {
                assertTrue(run.stalled(), "a step without progress must mark the run stalled");
                assertArrayEquals(xOld, theta, 0.0);
                continue;
            }
            // the accepted point is the last point the line search evaluated
            assertArrayEquals(recording.points.get(recording.points.size() - 1), theta, 0.0);
            double fNew = f.evaluate(theta, gNew);
            assertEquals(fNew, returned, 0.0, "step() returns f at the new theta");
            double slopeOld = 0;
            double slopeNew = 0;
            for (int i = 0; i < n; i++) {
                double s = theta[i] - xOld[i];
                slopeOld += gOld[i] * s;
                slopeNew += gNew[i] * s;
            }
            assertTrue(slopeOld < 0, "descent direction, slope " + slopeOld);
            // Wolfe inequalities with s = alpha d (they are invariant under scaling d);
            // a 1e-12 relative slack absorbs the rounding of recomputing s = x_new - x_old
            assertTrue(fNew <= fOld + Lbfgs.C1 * slopeOld + 1e-12 * Math.abs(fOld),
                    "sufficient decrease at iteration " + run.iterations());
            assertTrue(Math.abs(slopeNew) <= Lbfgs.C2 * Math.abs(slopeOld) * (1 + 1e-9) + 1e-300,
                    "curvature condition at iteration " + run.iterations());
        }
        return run;
    }

    @Test
    void minimizesRosenbrock2d() {
        double[] theta = rosenbrockStart(2);
        Lbfgs config = Lbfgs.steps(200).withGradientTolerance(1e-10);
        LbfgsRun run = runCheckingWolfe(config, LbfgsTest::rosenbrock, theta);
        assertTrue(run.converged());
        assertFalse(run.stalled());
        // the Hessian at (1,1) has smallest eigenvalue ~0.4, so |grad| <= 1e-10 gives |x - 1| ~ 1e-9 << 1e-6
        assertAllNear(1, theta, 1e-6);
        // measured: 38 iterations (47 evaluations) from (-1.2, 1); 100 leaves margin yet flags a broken
        // direction or line search (steepest descent needs thousands)
        assertTrue(run.iterations() <= 100, "iterations " + run.iterations());
    }

    @Test
    void minimizesRosenbrock10d() {
        double[] theta = rosenbrockStart(10);
        Lbfgs config = Lbfgs.steps(500).withHistorySize(10).withGradientTolerance(1e-10);
        LbfgsRun run = runCheckingWolfe(config, LbfgsTest::rosenbrock, theta);
        assertTrue(run.converged());
        assertFalse(run.stalled());
        assertAllNear(1, theta, 1e-6);
        // the 5 pairs are independent copies of the 2D problem, so the count stays near the 2D one
        // (measured: 37 iterations); same 100 bound as in 2D
        assertTrue(run.iterations() <= 100, "iterations " + run.iterations());
    }

    @Test
    void minimizesQuadraticInAboutNIterations() {
        int n = 10;
        // f = 1/2 sum lambda_i (x_i - i)^2 in a rotated basis would be the same for L-BFGS; eigenvalues 1..10
        double[][] q = rotation(n);
        Objective f = (x, g) -> {
            double value = 0;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < n; j++) {
                    z += q[i][j] * (x[j] - j);
                }
                r[i] = (i + 1) * z;
                value += 0.5 * (i + 1) * z * z;
            }
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += q[i][j] * r[i];
                }
                g[j] = sum;
            }
            return value;
        };
        double[] theta = new double[n];
        Lbfgs config = Lbfgs.steps(100).withHistorySize(n).withGradientTolerance(1e-8);
        LbfgsRun run = runCheckingWolfe(config, f, theta);
        assertTrue(run.converged());
        for (int j = 0; j < n; j++) {
            // smallest eigenvalue 1: |x - x*| <= |grad| * sqrt(n) ~ 3e-8
            assertEquals(j, theta[j], 1e-7);
        }
        // With exact line searches L-BFGS (m >= n) would terminate in n iterations (equivalence with CG).
        // The strong Wolfe search with c2 = 0.9 accepts the unit quasi-Newton step as soon as it is
        // acceptable, which loses finite termination: this problem takes 20 iterations (measured),
        // i.e. the convergence is superlinear but not n-step. 2n is the bound we guarantee here.
        assertTrue(run.iterations() <= 2 * n, "iterations " + run.iterations());
    }

    /** A deterministic orthogonal matrix: product of Givens rotations. */
    private static double[][] rotation(int n) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        for (int k = 0; k < n - 1; k++) {
            double c = Math.cos(0.3 + k);
            double s = Math.sin(0.3 + k);
            for (int i = 0; i < n; i++) {
                double a = q[i][k];
                double b = q[i][k + 1];
                q[i][k] = c * a - s * b;
                q[i][k + 1] = s * a + c * b;
            }
        }
        return q;
    }

    @Test
    void wrongGradientStallsInsteadOfThrowing() {
        // the reported gradient points uphill: no step along -g can satisfy sufficient decrease
        Objective lying = (x, g) -> {
            g[0] = -2 * x[0];
            return x[0] * x[0];
        };
        double[] theta = {1};
        LbfgsRun run = Lbfgs.steps(10).start(lying, theta);
        double value = run.step();
        assertTrue(run.converged());
        assertTrue(run.stalled());
        assertEquals(0, run.iterations());
        assertEquals(1.0, value, 0.0);
        assertArrayEquals(new double[] {1}, theta, 0.0);
        assertEquals(1.0, run.step(), 0.0, "steps after convergence are no-ops");
    }

    @Test
    void aStiffDirectionIsSteppedAlongWithinTheEvaluationLimit() {
        // f = (k x² + y²) / 2 with k = 1e12 from (1e-9, 1): the first steepest-descent trial 1/|g| = 1e-3 is 1e9 times
        // the step the curvature allows; the Wolfe search's halving would need 30 evaluations, the limit is 25, and
        // the backtracking after it gets there by tenfold cuts
        double k = 1e12;
        Objective stiff = (x, g) -> {
            g[0] = k * x[0];
            g[1] = x[1];
            return 0.5 * (k * x[0] * x[0] + x[1] * x[1]);
        };
        double[] theta = {1e-9, 1};
        LbfgsRun run = Lbfgs.steps(10).start(stiff, theta);
        double before = run.value();
        double after = run.step();
        assertFalse(run.stalled());
        assertEquals(1, run.iterations());
        assertTrue(after < before, after + " should be below " + before);
        assertTrue(run.evaluations() <= 1 + 25 + 15, "evaluations: " + run.evaluations());
    }

    @Test
    void convergedAtStartWhenGradientIsZero() {
        double[] theta = {1, 1};
        LbfgsRun run = Lbfgs.steps(10).start(LbfgsTest::rosenbrock, theta);
        assertTrue(run.converged());
        assertFalse(run.stalled());
        assertEquals(1, run.evaluations());
    }

    @Test
    void historyCanBeResetRestoredAndKeepsBoundedSize() {
        double[] theta = rosenbrockStart(2);
        LbfgsRun run = Lbfgs.steps(50).withHistorySize(3).start(LbfgsTest::rosenbrock, theta);
        for (int i = 0; i < 6; i++) {
            run.step();
        }
        LbfgsState state = (LbfgsState) run.state();
        assertEquals(3, state.pairs());
        double[] saved = theta.clone();

        double[] twinTheta = saved.clone();
        LbfgsRun twin = Lbfgs.steps(50).withHistorySize(3).start(LbfgsTest::rosenbrock, twinTheta);
        twin.restore(state);
        run.step();
        twin.step();
        // same point, same pairs -> same arithmetic
        assertArrayEquals(theta, twinTheta, 0.0);

        run.resetHistory();
        assertEquals(0, ((LbfgsState) run.state()).pairs());
        double before = run.value();
        assertTrue(run.step() < before, "a steepest-descent restart still decreases f");
    }

    @Test
    void restoreRefusesAStateOfAnotherKindOrLength() {
        LbfgsRun run = Lbfgs.steps(5).start(LbfgsTest::rosenbrock, rosenbrockStart(2));
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> run.restore(BfgsState.empty()));
        assertTrue(kind.getMessage().contains("LbfgsState") && kind.getMessage().contains("BfgsState"),
                kind.getMessage());
        LbfgsState longer = new LbfgsState(new double[][] {{1, 0, 0, 0}}, new double[][] {{1, 0, 0, 0}});
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> run.restore(longer));
        assertTrue(length.getMessage().contains("length 2, got 4"), length.getMessage());
    }

    @Test
    void configurationDefaultsAndCopies() {
        Lbfgs base = Lbfgs.steps(7);
        assertEquals("lbfgs", base.name());
        assertEquals(7, base.steps());
        assertEquals(20, base.historySize());
        Lbfgs other = base.withHistorySize(5).withGradientTolerance(0);
        assertEquals(20, base.historySize());
        assertEquals(5, other.historySize());
        assertEquals(0.0, other.gradientTolerance());
    }

    /** ½ Σ λ_i (x_i - c)² with λ_i from 1 to 1e3: L-BFGS needs many iterations. */
    private static double shiftedQuadratic(double[] x, double[] g, double c) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double lambda = Math.pow(1e3, i / (x.length - 1.0));
            f += 0.5 * lambda * (x[i] - c) * (x[i] - c);
            g[i] = lambda * (x[i] - c);
        }
        return f;
    }

    @Test
    void renewalRunsEveryKIterationsAndReevaluates() {
        double[] c = {0.0};
        List<Integer> renewedBefore = new ArrayList<>();
        LbfgsRun run = Lbfgs.steps(100).withGradientTolerance(0).start((x, g) -> shiftedQuadratic(x, g, c[0]),
                new double[20]);
        for (int i = 0; i < 20; i++) {
            run.theta()[i] = 1.0 + i;
        }
        run.refresh();
        run.renewObjectiveEvery(5, () -> {
            renewedBefore.add(run.iterations());
            c[0] += 0.5;
        });
        for (int i = 0; i < 16; i++) {
            run.step();
        }
        assertEquals(16, run.iterations());
        assertEquals(List.of(5, 10, 15), renewedBefore);
        assertEquals(shiftedQuadratic(run.theta(), new double[20], c[0]), run.value(), 0.0,
                "the run's value is that of the renewed objective");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run.renewObjectiveEvery(0, () -> { }));
        assertTrue(e.getMessage().contains("every") && e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void aFailedLineSearchRenewsTheObjectiveBeforeGivingUp() {
        boolean[] honest = {true};
        // while dishonest, the gradient points uphill: no line search can succeed
        Objective misleading = (x, g) -> {
            double f = rosenbrock(x, g);
            for (int i = 0; i < g.length && !honest[0]; i++) {
                g[i] = -g[i];
            }
            return f;
        };
        LbfgsRun plain = Lbfgs.steps(10).start(misleading, rosenbrockStart(2));
        plain.step();
        honest[0] = false;
        plain.refresh();
        plain.step();
        assertTrue(plain.stalled(), "without renewal the run stalls");
        honest[0] = true;
        LbfgsRun renewing = Lbfgs.steps(10).start(misleading, rosenbrockStart(2));
        renewing.renewObjectiveEvery(1_000, () -> honest[0] = true);
        renewing.step();
        honest[0] = false;
        renewing.refresh();
        double before = renewing.value();
        renewing.step();
        assertTrue(honest[0], "renewed");
        assertFalse(renewing.stalled());
        assertEquals(2, renewing.iterations());
        assertTrue(renewing.value() < before, "Rosenbrock falls from " + before + ", got " + renewing.value());
    }
}
