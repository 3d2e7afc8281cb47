package org.pikan4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LevenbergMarquardtTest {

    /** Residuals r_i = a exp(-b t_i) - y_i of the model y = a exp(-b t). */
    static final class ExpDecay implements LeastSquaresObjective {
        final double[] t;
        final double[] y;

        ExpDecay(double[] t, double[] y) {
            this.t = t;
            this.y = y;
        }

        @Override
        public int residualCount() {
            return t.length;
        }

        @Override
        public int parameterCount() {
            return 2;
        }

        @Override
        public void evaluate(double[] theta, double[] residuals, double[][] jacobian) {
            for (int i = 0; i < t.length; i++) {
                double e = Math.exp(-theta[1] * t[i]);
                residuals[i] = theta[0] * e - y[i];
                jacobian[i][0] = e;
                jacobian[i][1] = -theta[0] * t[i] * e;
            }
        }

        double cost(double[] theta) {
            double[] r = new double[t.length];
            evaluate(theta, r, new double[t.length][2]);
            return Vectors.dot(r, r);
        }
    }

    private static ExpDecay data(double a, double b, double noise) {
        int m = 20;
        double[] t = new double[m];
        double[] y = new double[m];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < m; i++) {
            t[i] = 0.25 * i;
            y[i] = a * Math.exp(-b * t[i]) + noise * (2 * random.nextDouble() - 1);
        }
        return new ExpDecay(t, y);
    }

    @Test
    void fitsExactExponentialDecay() {
        ExpDecay f = data(2.5, 1.3, 0);
        double[] theta = {1, 0.5};
        LevenbergMarquardt.Result result = LevenbergMarquardt.steps(100).minimize(f, theta);
        // zero-residual problem: LM converges quadratically, so the 1e-10 tolerances of the
        // optimizer leave errors near machine precision; 1e-10 is the required accuracy
        assertEquals(2.5, theta[0], 1e-10);
        assertEquals(1.3, theta[1], 1e-10);
        assertEquals(LevenbergMarquardt.Termination.CONVERGED, result.termination());
        assertTrue(result.cost() < 1e-20, "cost " + result.cost());
        assertEquals(f.cost(theta), result.cost(), 1e-30);
        assertTrue(result.iterations() >= 1 && result.iterations() < 100);
        assertTrue(result.evaluations() >= result.iterations());
    }

    @Test
    void reducesCostOnNoisyData() {
        ExpDecay f = data(2.5, 1.3, 0.05);
        double[] theta = {1, 0.5};
        double initial = f.cost(theta);
        LevenbergMarquardt.Result result = LevenbergMarquardt.steps(100).minimize(f, theta);
        assertTrue(result.cost() < initial, initial + " -> " + result.cost());
        // the noise (uniform, amplitude 0.05) bounds the residual cost: 20 points * 0.05^2 = 0.05
        assertTrue(result.cost() < 0.05, "cost " + result.cost());
        // the least-squares fit stays close to the generating parameters (noise is 2% of a)
        assertEquals(2.5, theta[0], 0.1);
        assertEquals(1.3, theta[1], 0.1);
        // the fit is a stationary point: J'r = 0 up to the ortho tolerance, checked through a small shift
        double[] shifted = {theta[0] + 1e-4, theta[1]};
        assertTrue(f.cost(shifted) >= result.cost());
    }

    @Test
    void iterationBudgetStopsWithoutThrowing() {
        ExpDecay f = data(2.5, 1.3, 0);
        double[] theta = {1, 0.5};
        double initial = f.cost(theta);
        LevenbergMarquardt.Result result = LevenbergMarquardt.steps(1).minimize(f, theta);
        assertEquals(LevenbergMarquardt.Termination.MAX_ITERATIONS, result.termination());
        assertEquals(1, result.iterations());
        assertTrue(result.cost() < initial);
        assertEquals(f.cost(theta), result.cost(), 0.0);
    }

    @Test
    void evaluationBudgetStopsAtBestPoint() {
        ExpDecay f = data(2.5, 1.3, 0);
        double[] theta = {1, 0.5};
        double initial = f.cost(theta);
        LevenbergMarquardt.Result result = LevenbergMarquardt.steps(100).withMaxEvaluations(3).minimize(f, theta);
        assertEquals(LevenbergMarquardt.Termination.MAX_EVALUATIONS, result.termination());
        assertTrue(result.cost() <= initial);
        assertEquals(f.cost(theta), result.cost(), 0.0);
    }

    @Test
    void dampedGaussNewtonRunFitsExactData() {
        ExpDecay f = data(2.5, 1.3, 0);
        double[] theta = {1, 0.5};
        DampedGaussNewtonRun run = LevenbergMarquardt.steps(50).start(f, theta);
        double previous = run.cost();
        for (int i = 0; i < 50 && !run.converged(); i++) {
            double cost = run.step();
            assertTrue(cost <= previous, "monotone decrease");
            previous = cost;
        }
        // same accuracy requirement as the Hipparchus-based fit
        assertEquals(2.5, theta[0], 1e-10);
        assertEquals(1.3, theta[1], 1e-10);
        assertNotEquals(0, run.iterations());
        assertEquals(f.cost(theta), run.cost(), 0.0);
    }

    @Test
    void configurationDefaultsAndCopies() {
        LevenbergMarquardt base = LevenbergMarquardt.steps(10);
        assertEquals("lm", base.name());
        assertEquals(1e-10, base.costRelativeTolerance());
        LevenbergMarquardt other = base.withCostRelativeTolerance(1e-6).withOrthoTolerance(1e-8);
        assertEquals(1e-10, base.costRelativeTolerance());
        assertEquals(1e-6, other.costRelativeTolerance());
        assertEquals(1e-8, other.orthoTolerance());
        assertEquals(10, other.steps());
    }
}
