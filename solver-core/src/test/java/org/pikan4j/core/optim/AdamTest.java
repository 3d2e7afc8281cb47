package org.pikan4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamTest {

    /** f = sum a_i (theta_i - c_i)^2, minimizer c. */
    private static final double[] A = {1, 10, 100};
    private static final double[] C = {1.5, -2, 0.25};

    private static double quadratic(double[] theta, double[] g) {
        double f = 0;
        for (int i = 0; i < theta.length; i++) {
            double d = theta[i] - C[i];
            f += A[i] * d * d;
            g[i] = 2 * A[i] * d;
        }
        return f;
    }

    @Test
    void convergesToMinimizerOfConvexQuadratic() {
        double[] theta = {0, 0, 0};
        int steps = 4000;
        // cosine annealing to 0 removes the O(learningRate) oscillation Adam keeps with a constant rate
        Adam adam = Adam.steps(steps).withLearningRate(0.05).withSchedule(LearningRateSchedule.cosine(steps, 0));
        AdamRun run = adam.start(AdamTest::quadratic, theta);
        double first = run.step();
        double last = first;
        for (int i = 1; i < steps; i++) {
            last = run.step();
        }
        assertSame(theta, run.theta());
        assertEquals(steps, run.iterations());
        assertFalse(run.converged());
        assertTrue(last < 1e-6 * first, "loss " + first + " -> " + last);
        // 1e-5: the final rates are ~1e-8 and the iterate settles far closer; 1e-5 is a loose bound
        // that still fails if the update direction, sign or bias correction were wrong
        for (int i = 0; i < C.length; i++) {
            assertEquals(C[i], theta[i], 1e-5, "theta[" + i + "]");
        }
    }

    @Test
    void firstStepsMatchHandComputedAdamUpdates() {
        double lr = 0.1;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double[] theta = {0.3, -0.7};
        // f = theta0^3 + 2 theta1, g = (3 theta0^2, 2)
        Objective f = (t, g) -> {
            g[0] = 3 * t[0] * t[0];
            g[1] = 2;
            return t[0] * t[0] * t[0] + 2 * t[1];
        };
        AdamRun run = Adam.steps(10).withLearningRate(lr).withBetas(b1, b2).withEpsilon(eps).start(f, theta);

        // step 1: m = (1-b1) g, v = (1-b2) g^2, corrections (1-b1), (1-b2) -> mHat = g, vHat = g^2
        double g0 = 3 * 0.3 * 0.3;
        double x0 = 0.3 - lr * g0 / (Math.abs(g0) + eps);
        double x1 = -0.7 - lr * 2 / (2 + eps);
        double value = run.step();
        assertEquals(0.3 * 0.3 * 0.3 + 2 * -0.7, value, 0.0, "step returns f at the start of the step");
        // 1e-15: both sides compute the same formula in double precision; only rounding differs
        assertEquals(x0, theta[0], 1e-15);
        assertEquals(x1, theta[1], 1e-15);
        double m0 = (1 - b1) * g0;
        double m1 = (1 - b1) * 2;
        double v0 = (1 - b2) * g0 * g0;
        double v1 = (1 - b2) * 4;
        assertEquals(m0, run.firstMoment()[0], 1e-15);
        assertEquals(v1, run.secondMoment()[1], 1e-15);

        // step 2 with bias corrections 1 - b^2
        double h0 = 3 * x0 * x0;
        m0 = b1 * m0 + (1 - b1) * h0;
        m1 = b1 * m1 + (1 - b1) * 2;
        v0 = b2 * v0 + (1 - b2) * h0 * h0;
        v1 = b2 * v1 + (1 - b2) * 4;
        double c1 = 1 - b1 * b1;
        double c2 = 1 - b2 * b2;
        x0 -= lr * (m0 / c1) / (Math.sqrt(v0 / c2) + eps);
        x1 -= lr * (m1 / c1) / (Math.sqrt(v1 / c2) + eps);
        run.step();
        assertEquals(x0, theta[0], 1e-15);
        assertEquals(x1, theta[1], 1e-15);
        assertEquals(2, run.iterations());
    }

    @Test
    void scheduleDrivesTheStepSize() {
        // with a constant gradient, mHat = g and vHat = g^2 exactly, so each update is rate * g / (|g| + eps)
        double eps = 1e-8;
        double[] theta = {0};
        Objective linear = (t, g) -> {
            g[0] = 1;
            return t[0];
        };
        LearningRateSchedule schedule = LearningRateSchedule.stepDecay(0.5, 2);
        AdamRun run = Adam.steps(4).withLearningRate(1).withEpsilon(eps).withSchedule(schedule).start(linear, theta);
        double expected = 0;
        for (int t = 0; t < 4; t++) {
            run.step();
            expected -= schedule.rate(t, 1) / (1 + eps);
            // 1e-12: bias-corrected moments equal g only up to rounding of (1 - b^t) divisions
            assertEquals(expected, theta[0], 1e-12, "after step " + t);
        }
    }

    @Test
    void restoredStateContinuesTheSameTrajectory() {
        double[] a = {0.2, 0.4, -1};
        Adam adam = Adam.steps(20).withLearningRate(0.01);
        AdamRun original = adam.start(AdamTest::quadratic, a);
        for (int i = 0; i < 5; i++) {
            original.step();
        }
        double[] b = a.clone();
        AdamRun copy = adam.start(AdamTest::quadratic, b);
        copy.restore(original.iterations(), original.firstMoment(), original.secondMoment());
        for (int i = 0; i < 5; i++) {
            original.step();
            copy.step();
        }
        // identical arithmetic on identical state: exact equality
        assertArrayEquals(a, b, 0.0);
        assertEquals(10, copy.iterations());
    }

    @Test
    void configurationIsImmutable() {
        Adam base = Adam.steps(5);
        Adam faster = base.withLearningRate(0.5);
        assertEquals(1e-3, base.learningRate());
        assertEquals(0.5, faster.learningRate());
        assertEquals(5, faster.steps());
        assertEquals("adam", faster.name());
        assertEquals(0.9, base.beta1());
        assertEquals(0.999, base.beta2());
        assertEquals(1e-8, base.epsilon());
    }
}
