package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.DampingState;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.residual.PinnLoss;

/**
 * A run stopped at any step and resumed from the state it handed out ends exactly as the uninterrupted run:
 * the same parameters, loss and history rows, bit for bit (wall times aside), across the Adam to L-BFGS and
 * L-BFGS to Levenberg-Marquardt boundaries. KAN [1,3,1], G = 3 (48 parameters), 20 interior points.
 */
class ResumeTest {

    private static final int ADAM = 40;
    private static final int LBFGS = 25;
    private static final int LM = 5;

    private final Network network = Poisson1d.kan(3, 3);
    private final PinnLoss loss = Poisson1d.loss(network, 20);
    private final double[] start = network.initialParameters(2);

    private static Training chain() {
        return Training.of(Adam.steps(ADAM).withLearningRate(2e-2), Lbfgs.steps(LBFGS).withHistorySize(5))
                .then(LevenbergMarquardt.steps(LM));
    }

    @Test
    void resumingFromEveryCheckpointEqualsTheUninterruptedRun() {
        TrainingResult plain = chain().train(loss, start);
        List<TrainingState> states = new ArrayList<>();
        TrainingResult checkpointed = chain().withCheckpoints(1, states::add).train(loss, start);
        // checkpoints only observe: the run itself is unchanged
        assertSameRun(plain, checkpointed);
        assertEquals(StopReason.BUDGET, plain.stopReason(), plain.diagnosis());
        assertEquals(ADAM + LBFGS + LM, plain.steps());

        // one state per step after the first, and the final one; Adam's lag one step behind
        assertEquals(ADAM + LBFGS + LM + 1, states.size());
        assertEquals(0, states.get(0).position().step());
        assertTrue(states.get(0).optimizer() instanceof AdamState);
        assertTrue(states.get(ADAM + 2).optimizer() instanceof LbfgsState);
        assertTrue(states.get(states.size() - 2).optimizer() instanceof DampingState);
        for (TrainingState state : states) {
            TrainingResult resumed = chain().resume(loss, state);
            assertSameRun(plain, resumed);
        }
    }

    @Test
    void pendingRowsOfASparseHistorySurviveTheResume() {
        Training sparse = chain().withRecordEvery(7);
        TrainingResult plain = sparse.train(loss, start);
        List<TrainingState> states = new ArrayList<>();
        sparse.withCheckpoints(3, states::add).train(loss, start);
        assertTrue(states.stream().anyMatch(s -> s.pending() != null), "some state must hold an unrecorded row");
        for (TrainingState state : states) {
            assertSameRun(plain, sparse.resume(loss, state));
        }
    }

    @Test
    void aListenerStopWritesAStateThatResumesToTheSameEnd() {
        TrainingResult plain = chain().train(loss, start);
        List<TrainingState> states = new ArrayList<>();
        TrainingResult stopped = chain().withCheckpoints(0, states::add).withListener(new TrainingListener() {
            @Override
            public Action onStep(StepReport report) {
                return report.step() == ADAM + 7 ? Action.STOP : Action.CONTINUE;
            }
        }).train(loss, start);
        assertEquals(StopReason.INTERRUPTED, stopped.stopReason());
        assertEquals(1, states.size(), "only the state at the stop");
        TrainingState last = states.get(0);
        assertEquals(ADAM + 7, last.position().step());
        assertEquals(1, last.position().stage());
        assertSameRun(plain, chain().resume(loss, last));
    }

    @Test
    void resumeRefusesAnotherChainAnotherLossOrAnotherLength() {
        List<TrainingState> states = new ArrayList<>();
        chain().withCheckpoints(10, states::add).train(loss, start);
        TrainingState state = states.get(0);
        IllegalArgumentException chain = assertThrows(IllegalArgumentException.class,
                () -> Training.of(Lbfgs.steps(5)).resume(loss, state));
        assertEquals("the state was saved by a training with stages [adam, lbfgs, lm], this training has [lbfgs]",
                chain.getMessage());
        Network wider = Poisson1d.kan(4, 3);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> chain().resume(Poisson1d.loss(wider, 20), state));
        assertTrue(length.getMessage().startsWith("the state's theta must have length " + wider.parameterCount()),
                length.getMessage());
        PinnLoss otherTerms = new PinnLoss(network, Backends.defaultBackend(), List.of(Poisson1d.pde(20)), Poisson1d.X);
        IllegalArgumentException terms = assertThrows(IllegalArgumentException.class,
                () -> chain().resume(otherTerms, state));
        assertTrue(terms.getMessage().contains("[pde]") && terms.getMessage().contains("[pde, boundary]"),
                terms.getMessage());
    }

    @Test
    void statesAreImmutableCopies() {
        List<TrainingState> states = new ArrayList<>();
        chain().withCheckpoints(5, states::add).train(loss, start);
        TrainingState state = states.get(2);
        double[] theta = state.theta();
        theta[0] = 1e9;
        assertFalse(state.theta()[0] == 1e9);
        state.history().addEvent(0, "x", "y");
        assertFalse(state.history().events().stream().anyMatch(e -> e.kind().equals("x")));
    }

    /** The same parameters, loss, terms, stop and history rows and events, bit for bit; wall times aside. */
    static void assertSameRun(TrainingResult expected, TrainingResult actual) {
        assertArrayEquals(expected.theta(), actual.theta());
        assertEquals(Double.doubleToRawLongBits(expected.loss()), Double.doubleToRawLongBits(actual.loss()));
        assertEquals(expected.termValues(), actual.termValues());
        assertEquals(expected.stopReason(), actual.stopReason());
        assertEquals(expected.diagnosis(), actual.diagnosis());
        assertEquals(expected.steps(), actual.steps());
        assertEquals(withoutTimes(expected.history()), withoutTimes(actual.history()));
        assertEquals(expected.history().events(), actual.history().events());
    }

    private static List<TrainingHistory.Row> withoutTimes(TrainingHistory history) {
        return history.rows().stream().map(r -> new TrainingHistory.Row(r.step(), r.stage(), r.loss(), r.terms(),
                r.learningRate(), 0.0)).toList();
    }
}
