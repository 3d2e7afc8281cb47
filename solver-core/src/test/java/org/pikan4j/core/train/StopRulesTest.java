package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.residual.PinnLoss;

/** The ways training ends other than the budget and a NaN, on the 1D Poisson problem. */
class StopRulesTest {

    private final Network network = Poisson1d.kan(5, 5);
    private final PinnLoss loss = Poisson1d.loss(network, 50);
    private final double[] start = network.initialParameters(1);

    @Test
    void toleranceStopsEarly() {
        // measured (jvm, seed 1): Adam at 1e-2 goes below 1e-2 at step 153 of 3000
        TrainingResult result = Training.of(Adam.steps(3000).withLearningRate(1e-2)).withLossTolerance(1e-2)
                .train(loss, start);
        assertEquals(StopReason.TOLERANCE, result.stopReason(), result.diagnosis());
        assertTrue(result.steps() < 3000, "steps " + result.steps());
        assertTrue(result.loss() < 1e-2, "loss " + result.loss());
        double[] losses = result.history().losses();
        assertEquals(result.steps(), losses.length);
        assertTrue(losses[losses.length - 1] < 1e-2);
        for (int i = 0; i < losses.length - 1; i++) {
            assertTrue(losses[i] >= 1e-2, "step " + (i + 1) + " was already below the tolerance");
        }
        assertTrue(result.diagnosis().contains("fell below the tolerance 0.01 at step " + result.steps()),
                result.diagnosis());
    }

    @Test
    void deadlineStopsEveryStageOfTheRunAndKeepsTheBestState() {
        Deadline deadline = Deadline.afterSeconds(0.5);
        TrainingResult result = Training.of(Adam.steps(10_000_000).withLearningRate(1e-2), Lbfgs.steps(1000))
                .withDeadline(deadline).train(loss, start);
        assertEquals(StopReason.TIME_LIMIT, result.stopReason(), result.diagnosis());
        assertTrue(deadline.passed());
        assertTrue(result.steps() >= 1 && result.steps() < 10_000_000, "steps " + result.steps());
        assertTrue(result.diagnosis().contains("wall-time budget of 0.5 s ran out at step " + result.steps()),
                result.diagnosis());
        assertTrue(result.history().rows().stream().noneMatch(r -> r.stage().equals("lbfgs")),
                "the deadline ends training, not just the stage");
        // the best state: no recorded step had a lower loss (the final evaluation after Adam may be lower still)
        assertTrue(result.loss() <= Arrays.stream(result.history().losses()).min().orElseThrow());
    }

    @Test
    void deadlinesRefuseEmptyBudgets() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Deadline.afterSeconds(0));
        assertTrue(e.getMessage().contains("seconds must be positive and finite, got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Deadline.after(java.time.Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().contains("budget must be a positive duration"), e.getMessage());
    }

    @Test
    void convergedLastStageEndsTraining() {
        // measured (jvm, seed 1): L-BFGS reaches max |g| <= 1e-2 at step 85 of 300
        TrainingResult result = Training.of(Lbfgs.steps(300).withGradientTolerance(1e-2)).train(loss, start);
        assertEquals(StopReason.CONVERGED, result.stopReason(), result.diagnosis());
        assertTrue(result.steps() < 300, "steps " + result.steps());
        assertTrue(result.diagnosis().contains("converged at step"), result.diagnosis());
    }

    @Test
    void stalledLastStageSaysSo() {
        // without a gradient tolerance L-BFGS runs until no line search lowers the loss (round-off; measured: step
        // 5571, loss 2.5e-6)
        TrainingResult result = Training.of(Lbfgs.steps(20_000).withGradientTolerance(0)).train(loss, start);
        assertEquals(StopReason.CONVERGED, result.stopReason(), result.diagnosis());
        assertTrue(result.steps() < 20_000, "steps " + result.steps());
        assertTrue(result.diagnosis().contains("(lbfgs) stalled at step " + result.steps()), result.diagnosis());
    }

    @Test
    void convergedStageHandsOverToTheNextOne() {
        TrainingResult result = Training.of(Lbfgs.steps(300).withGradientTolerance(1e-2),
                Adam.steps(7).withLearningRate(1e-4)).train(loss, start);
        assertEquals(StopReason.BUDGET, result.stopReason(), result.diagnosis());
        List<TrainingHistory.Row> rows = result.history().rows();
        assertEquals(7, rows.stream().filter(r -> r.stage().equals("adam")).count());
        assertTrue(rows.get(rows.size() - 8).stage().equals("lbfgs"));
    }

    @Test
    void listenerCanStopTraining() {
        List<Integer> stages = new ArrayList<>();
        TrainingListener stopAtTwelve = new TrainingListener() {
            @Override
            public void onStageStart(StageInfo stage) {
                stages.add(stage.index());
            }

            @Override
            public Action onStep(StepReport report) {
                return report.step() == 12 ? Action.STOP : Action.CONTINUE;
            }
        };
        TrainingResult result = Training.of(Adam.steps(100), Lbfgs.steps(100)).withListener(stopAtTwelve)
                .train(loss, start);
        assertEquals(StopReason.INTERRUPTED, result.stopReason());
        assertEquals(12, result.steps());
        assertEquals(List.of(0), stages, "the second stage must not start");
        assertTrue(result.diagnosis().contains("asked to stop at step 12"), result.diagnosis());
    }

    @Test
    void interruptedThreadStops() {
        Thread.currentThread().interrupt();
        try {
            TrainingResult result = Training.of(Adam.steps(100)).train(loss, start);
            assertEquals(StopReason.INTERRUPTED, result.stopReason());
            assertEquals(0, result.steps());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void adamResultIsTheBestEvaluatedStateIncludingTheFinalOne() {
        // Adam evaluates before it updates: the final update is evaluated once more at the end
        TrainingResult result = Training.of(Adam.steps(20).withLearningRate(1e-2)).train(loss, start);
        double[] losses = result.history().losses();
        double lowest = Double.POSITIVE_INFINITY;
        for (double l : losses) {
            lowest = Math.min(lowest, l);
        }
        assertTrue(result.loss() <= lowest);
        assertTrue(result.loss() < losses[losses.length - 1], "the final update should still lower the loss");
        assertEquals(result.loss(), loss.evaluate(result.theta(), new double[start.length]), 0.0);
    }
}
