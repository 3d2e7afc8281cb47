package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.BfgsState;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.residual.PinnLoss;

/**
 * Trainings chained through an {@link OptimizerStateRelay} continue the optimizer where the previous one stopped:
 * two rounds take exactly the steps of one uninterrupted run, which a restart does not. KAN [1,3,1], G = 3.
 */
class StateRelayTest {

    private final Network network = Poisson1d.kan(3, 3);
    private final PinnLoss loss = Poisson1d.loss(network, 20);
    private final double[] start = network.initialParameters(2);

    static Stream<Arguments> quasiNewton() {
        return Stream.of(Arguments.of(Lbfgs.steps(1).withHistorySize(5), "5 L-BFGS pairs"),
                Arguments.of(Lbfgs.steps(1).withDenseInverse(), "a dense BFGS inverse Hessian"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("quasiNewton")
    void twoRoundsThroughARelayTakeTheStepsOfOneRun(Lbfgs method, String carried) {
        TrainingResult whole = Training.of(method.withSteps(30)).train(loss, start);
        OptimizerStateRelay relay = new OptimizerStateRelay();
        TrainingResult first = Training.of(method.withSteps(12)).withStateRelay(relay).train(loss, start);
        assertTrue(relay.state().isPresent(), "the first round leaves its state");
        TrainingResult restarted = Training.of(method.withSteps(18)).train(loss, first.theta(), first.history().copy());
        TrainingResult second = Training.of(method.withSteps(18)).withStateRelay(relay)
                .train(loss, first.theta(), first.history().copy());

        assertArrayEquals(whole.theta(), second.theta());
        assertArrayEquals(whole.history().losses(), second.history().losses());
        assertFalse(Arrays.equals(whole.theta(), restarted.theta()), "a restart must take other steps");
        assertTrue(second.history().events().stream().anyMatch(e -> e.kind().equals("stage")
                && e.description().equals(method.name() + " starts, budget 18 steps, carrying over " + carried)),
                second.history().events().toString());
    }

    @Test
    void aStateOfAnotherKindIsRefusedNamingTheStage() {
        OptimizerStateRelay relay = new OptimizerStateRelay();
        relay.hold(LbfgsState.empty());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Training.of(Lbfgs.steps(5).withDenseInverse()).withStateRelay(relay).train(loss, start));
        assertEquals("stage bfgs needs a BfgsState, got LbfgsState", wrong.getMessage());
        relay.hold(new BfgsState(new double[3]));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Training.of(Lbfgs.steps(5).withDenseInverse()).withStateRelay(relay).train(loss, start));
        assertTrue(size.getMessage().startsWith("state's upper triangle must hold"), size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Training.of(Lbfgs.steps(5)).withStateRelay(null));
    }

    @Test
    void aRunEndingOnANonFiniteLossLeavesNothingToContinueFrom() {
        Network wider = Poisson1d.kan(5, 5);
        PinnLoss rigged = Poisson1d.loss(wider, 50, b -> b.d(b.field(0), "xx")
                .plus(b.source(p -> Math.PI * Math.PI * Math.sin(Math.PI * p[0])))
                .plus(b.field(0).plus(0.5).log().times(0.0)));
        OptimizerStateRelay relay = new OptimizerStateRelay();
        int n = wider.parameterCount();
        // a fresh Adam state: the run is the plain one, which turns NaN (NonFiniteGuardTest)
        relay.hold(new AdamState(0, 1e-2, new double[n], new double[n]));
        TrainingResult result = Training.of(Adam.steps(2000).withLearningRate(1e-2)).withStateRelay(relay)
                .train(rigged, wider.initialParameters(1));
        assertEquals(StopReason.NON_FINITE, result.stopReason(), result.diagnosis());
        assertTrue(relay.state().isEmpty(), "the relay must be cleared, got " + relay);
    }
}
