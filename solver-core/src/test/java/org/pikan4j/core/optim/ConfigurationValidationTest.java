package org.pikan4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConfigurationValidationTest {

    private static void rejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void adamArguments() {
        rejects(() -> Adam.steps(0), "steps", "0", ">= 1");
        rejects(() -> Adam.steps(1).withLearningRate(-1.0), "learningRate", "-1.0", "> 0");
        rejects(() -> Adam.steps(1).withLearningRate(Double.NaN), "learningRate", "NaN");
        rejects(() -> Adam.steps(1).withLearningRate(Double.POSITIVE_INFINITY), "learningRate", "Infinity");
        rejects(() -> Adam.steps(1).withBetas(1.0, 0.999), "beta1", "1.0", "[0, 1)");
        rejects(() -> Adam.steps(1).withBetas(0.9, -0.1), "beta2", "-0.1");
        rejects(() -> Adam.steps(1).withEpsilon(0), "epsilon", "0.0");
        rejects(() -> Adam.steps(1).withSchedule(null), "schedule", "null");
    }

    @Test
    void exactMessageFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Adam.steps(1).withLearningRate(-1.0));
        assertEquals("learningRate must be > 0 and finite, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Lbfgs.steps(1).withHistorySize(0));
        assertEquals("historySize must be >= 1, got 0", e.getMessage());
    }

    @Test
    void scheduleArguments() {
        rejects(() -> LearningRateSchedule.exponentialDecay(0, 10), "gamma", "0.0", "(0, 1]");
        rejects(() -> LearningRateSchedule.exponentialDecay(0.5, 0), "everySteps", "0");
        rejects(() -> LearningRateSchedule.stepDecay(1.5, 10), "factor", "1.5");
        rejects(() -> LearningRateSchedule.cosine(0, 0.1), "totalSteps", "0");
        rejects(() -> LearningRateSchedule.cosine(10, 2), "minFactor", "2.0", "[0.0, 1.0]");
        rejects(() -> LearningRateSchedule.warmup(0, LearningRateSchedule.constant()), "steps", "0");
        rejects(() -> LearningRateSchedule.warmup(5, null), "then");
    }

    @Test
    void lbfgsArguments() {
        rejects(() -> Lbfgs.steps(-3), "steps", "-3");
        rejects(() -> Lbfgs.steps(1).withGradientTolerance(-1e-3), "gradientTolerance", "-0.001", ">= 0");
        rejects(() -> Lbfgs.steps(1).withMaxLineSearchEvaluations(0), "maxLineSearchEvaluations", "0");
        rejects(() -> Lbfgs.steps(1).start((x, g) -> 0, new double[0]), "theta", "0");
        rejects(() -> Lbfgs.steps(1).start(null, new double[1]), "objective");
    }

    @Test
    void levenbergMarquardtArguments() {
        rejects(() -> LevenbergMarquardt.steps(0), "steps", "0");
        rejects(() -> LevenbergMarquardt.steps(1).withCostRelativeTolerance(-1), "costRelativeTolerance", "-1.0");
        rejects(() -> LevenbergMarquardt.steps(1).withParameterRelativeTolerance(Double.NaN),
                "parameterRelativeTolerance", "NaN");
        rejects(() -> LevenbergMarquardt.steps(1).withMaxEvaluations(0), "maxEvaluations", "0");
        rejects(() -> LevenbergMarquardt.steps(1).withInitialDamping(0), "initialDamping", "0.0");
        LeastSquaresObjective f = new LevenbergMarquardtTest.ExpDecay(new double[] {0, 1}, new double[] {1, 2});
        rejects(() -> LevenbergMarquardt.steps(1).minimize(f, new double[3]), "theta.length", "2", "3");
    }

    @Test
    void adamRestoreArguments() {
        AdamRun run = Adam.steps(1).start((x, g) -> 0, new double[2]);
        rejects(() -> run.restore(-1, new double[2], new double[2]), "iterations", "-1");
        rejects(() -> run.restore(0, new double[3], new double[2]), "firstMoment.length", "3");
        rejects(() -> run.restore(0, new double[2], new double[] {0, -1}), "secondMoment[1]", "-1.0");
    }
}
