package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.DampingState;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.optim.Objective;
import org.pikan4j.core.optim.Optimizer;
import org.pikan4j.core.optim.OptimizerRun;

/**
 * Bad-input suite, training configuration and states: each bad value is refused with an
 * IllegalArgumentException whose message names the argument, the value and what is valid. 17 cases.
 */
class TrainingBadInputTest {

    /** An optimizer of the user's own, whose run has no state the trainer can save. */
    private static final Optimizer OWN = new Optimizer() {
        @Override
        public String name() {
            return "own";
        }

        @Override
        public int steps() {
            return 1;
        }

        @Override
        public OptimizerRun start(Objective objective, double[] theta) {
            throw new UnsupportedOperationException("not run in this test");
        }

        @Override
        public String toString() {
            return "Own";
        }
    };

    private static final TrainingState.Position AT_START = new TrainingState.Position(List.of("adam"), 0, 0, false, 0, 0);

    static Stream<Arguments> cases() {
        TrainingHistory history = TrainingHistory.of(List.of("pde"), List.of(), List.of());
        TrainingState.Best best = new TrainingState.Best(new double[2], Double.NaN, new double[1], 0, "start");
        return Stream.of(
                bad("blow-up factor 1", () -> DivergenceGuard.standard().withBlowUpFactor(1),
                        "blowUpFactor (loss / best loss counted as divergence) must be finite and > 1, got 1.0"),
                bad("blow-up factor infinite", () -> DivergenceGuard.standard().withBlowUpFactor(Double.POSITIVE_INFINITY),
                        "blowUpFactor (loss / best loss counted as divergence) must be finite and > 1, got Infinity"),
                bad("negative retries", () -> DivergenceGuard.standard().withRetries(-1),
                        "retries must be >= 0, got -1"),
                bad("step factor 1", () -> DivergenceGuard.standard().withStepFactor(1.0),
                        "stepFactor (step size multiplier per roll-back) must be in (0, 1), got 1.0"),
                bad("step factor NaN", () -> DivergenceGuard.standard().withStepFactor(Double.NaN),
                        "stepFactor (step size multiplier per roll-back) must be in (0, 1), got NaN"),
                bad("negative checkpoint interval", () -> Training.of(Adam.steps(5)).withCheckpoints(-1, s -> { }),
                        "every must be >= 0, got -1"),
                bad("no checkpoint sink", () -> Training.of(Adam.steps(5)).withCheckpoints(5, null),
                        "checkpointSink must not be null"),
                bad("guard on a stage without state", () -> Training.of(OWN).withDivergenceGuard(DivergenceGuard.standard()),
                        "a divergence guard need(s) stages whose state can be saved; stage 0 (Own) is not Adam,"
                                + " L-BFGS or Levenberg-Marquardt"),
                bad("stage without state after checkpoints", () -> Training.of(Adam.steps(5))
                                .withCheckpoints(5, s -> { }).then(OWN),
                        "checkpoints need(s) stages whose state can be saved; stage 1 (Own) is not Adam"),
                bad("negative second moment", () -> new AdamState(1, 1e-3, new double[] {0, 0}, new double[] {0, -1}),
                        "v[1] (second moment) must be >= 0, got -1.0"),
                bad("moments of different lengths", () -> new AdamState(1, 1e-3, new double[3], new double[2]),
                        "v.length must be 3, got 2"),
                bad("unpaired L-BFGS pairs", () -> new LbfgsState(new double[2][3], new double[1][3]),
                        "y must hold as many pairs as s (2), got 1"),
                bad("zero damping", () -> new DampingState(0.0), "damping must be > 0 and finite, got 0.0"),
                bad("stage index beyond the chain", () -> new TrainingState.Position(List.of("adam", "lbfgs"), 2, 0,
                        false, 0, 0), "stage must be in [0, 2), got 2"),
                bad("steps in a stage not started", () -> new TrainingState(
                        new TrainingState.Position(List.of("adam"), 0, 3, false, 3, 0), new double[2], null, best,
                        history, null, 0, 0.0), "a state without optimizer state must be at the start of its stage,"
                        + " got 3 steps taken in stage 0"),
                bad("best of another length", () -> new TrainingState(AT_START, new double[3], null, best, history,
                        null, 0, 0.0), "best.theta must have the length of theta 3, got 2"),
                bad("history steps going back", () -> TrainingHistory.of(List.of("pde"), List.of(
                        new TrainingHistory.Row(5, "adam", 1.0, List.of(1.0), 1e-3, 0.1),
                        new TrainingHistory.Row(3, "adam", 1.0, List.of(1.0), 1e-3, 0.2)), List.of()),
                        "row step must be > the last row's step 5, got 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithASpecificMessage(String what, Executable misuse, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, misuse);
        assertEquals(true, e.getMessage().startsWith(expected), "\"" + e.getMessage() + "\" does not start with \""
                + expected + "\"");
    }

    private static Arguments bad(String what, Executable misuse, String expected) {
        return Arguments.of(what, misuse, expected);
    }
}
