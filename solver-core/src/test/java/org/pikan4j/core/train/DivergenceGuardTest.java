package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.residual.PinnLoss;

/**
 * Adam at learning rates 100 to 1e6 times the one that works (1e-2) on the 1D Poisson problem, KAN [1,5,1],
 * 50 interior points: unguarded, the loss explodes at the second step and never gets below its start;
 * guarded, the run rolls back with smaller steps and recovers, or stops with a diagnosis. Every state it hands
 * out is finite, and resuming from one reproduces the guarded run.
 */
class DivergenceGuardTest {

    private final Network network = Poisson1d.kan(5, 5);
    private final PinnLoss loss = Poisson1d.loss(network, 50);
    private final double[] start = network.initialParameters(1);

    private Training adam(double rate, int steps) {
        return Training.of(Adam.steps(steps).withLearningRate(rate)).withDivergenceGuard(DivergenceGuard.standard());
    }

    @Test
    void aHugeLearningRateRecoversWithSmallerSteps() {
        List<TrainingState> states = new ArrayList<>();
        TrainingResult plain = Training.of(Adam.steps(300).withLearningRate(10)).train(loss, start);
        TrainingResult guarded = adam(10, 300).withCheckpoints(25, states::add).train(loss, start);
        // measured (jvm, seed 1): unguarded the loss reaches 2.6e25 and its best stays the initial 49.5;
        // guarded: three roll-backs (rate 10 -> 2.5 -> 0.625 -> 0.156), final loss 0.45
        assertEquals(StopReason.BUDGET, plain.stopReason());
        assertEquals(49.51, plain.loss(), 0.01);
        assertEquals(StopReason.BUDGET, guarded.stopReason(), guarded.diagnosis());
        assertTrue(guarded.loss() < 1.0, "guarded loss " + guarded.loss());
        List<TrainingHistory.Event> rollBacks = guarded.history().events().stream()
                .filter(e -> e.kind().equals("diverged")).toList();
        assertEquals(3, rollBacks.size(), rollBacks.toString());
        assertTrue(rollBacks.get(0).description().startsWith("loss 2.844e+21 at step 2 (stage adam) is above 1000 x"
                + " the best loss 49.51 (step 1), term 'pde' rose most"), rollBacks.get(0).description());
        assertTrue(rollBacks.get(0).description().endsWith("rolled back to step 0 (stage adam), learning rate 10.00"
                + " -> learning rate 2.500 (retry 1 of 4)"), rollBacks.get(0).description());
        // the history holds each step once, and the rows after the roll-backs carry the lowered rate
        List<TrainingHistory.Row> rows = guarded.history().rows();
        assertEquals(300, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).step());
            assertTrue(Double.isFinite(rows.get(i).loss()));
        }
        assertEquals(0.15625, rows.get(rows.size() - 1).learningRate(), 0.0);
        for (TrainingState state : states) {
            assertTrue(Arrays.stream(state.theta()).allMatch(Double::isFinite), state.toString());
        }
        TrainingState last = states.get(states.size() - 1);
        assertEquals(0.15625, ((AdamState) last.optimizer()).learningRate(), 0.0);
        assertEquals(3, last.retries());
    }

    @Test
    void resumingAGuardedRunAcrossItsRollBacksIsExact() {
        List<TrainingState> states = new ArrayList<>();
        TrainingResult guarded = adam(10, 40).then(Lbfgs.steps(10)).withCheckpoints(1, states::add).train(loss, start);
        assertEquals(3, guarded.history().events().stream().filter(e -> e.kind().equals("diverged")).count());
        for (TrainingState state : states) {
            ResumeTest.assertSameRun(guarded, adam(10, 40).then(Lbfgs.steps(10)).resume(loss, state));
        }
    }

    @Test
    void aRateBeyondRescueStopsWithTheDiagnosis() {
        List<TrainingState> states = new ArrayList<>();
        TrainingResult result = adam(1e4, 300).withCheckpoints(0, states::add).train(loss, start);
        assertEquals(StopReason.DIVERGED, result.stopReason());
        Divergence d = result.divergence().orElseThrow();
        // measured: every retry blows up at step 2; rates 1e4, 2500, 625, 156, 39 all too large
        assertEquals(2, d.step());
        assertEquals("adam", d.stage());
        assertEquals(Divergence.Kind.BLOW_UP, d.kind());
        assertEquals("pde", d.term());
        assertEquals(4, d.retries());
        assertEquals(List.of("learning rate 1.000e+04", "learning rate 2500", "learning rate 625.0",
                "learning rate 156.3", "learning rate 39.06"), d.stepSizes());
        assertTrue(d.likelyCause().startsWith("steps too large for this problem"), d.likelyCause());
        assertTrue(d.message().startsWith("training diverged: loss "), d.message());
        assertTrue(d.message().contains("4 roll-back(s) with smaller steps did not help; likely cause: steps too"
                + " large"), d.message());
        assertTrue(d.message().endsWith("parameters restored to step 1 (loss 49.51)"), d.message());
        assertEquals(d.message(), result.diagnosis());
        assertArrayEquals(start, result.theta(), 0.0);
        // the state at the stop is the last good one, and training never went on from the blown-up loss
        TrainingState last = states.get(0);
        assertEquals(0, last.position().step());
        assertArrayEquals(start, last.theta(), 0.0);
        assertTrue(result.nonFinite().isEmpty());
    }

    @Test
    void aResidualUndefinedAtOrdinaryParametersIsBlamedOnItsTerm() {
        // 0 * log(u + 0.5): NaN as soon as u < -0.5 somewhere, which training towards sin(pi x) reaches
        PinnLoss rigged = Poisson1d.loss(network, 50, b -> b.d(b.field(0), "xx")
                .plus(b.source(p -> Math.PI * Math.PI * Math.sin(Math.PI * p[0])))
                .plus(b.field(0).plus(0.5).log().times(0.0)));
        TrainingResult result = adam(1e-2, 2000).train(rigged, start);
        assertEquals(StopReason.DIVERGED, result.stopReason());
        Divergence d = result.divergence().orElseThrow();
        assertEquals(Divergence.Kind.NON_FINITE, d.kind());
        assertEquals("pde", d.term());
        assertTrue(Double.isNaN(d.loss()));
        assertTrue(d.likelyCause().startsWith("the residual of term 'pde' is undefined at parameters of ordinary"
                + " size"), d.likelyCause());
        assertTrue(d.likelyCause().endsWith("only delayed it"), d.likelyCause());
        assertTrue(Double.isFinite(result.loss()));
    }

    @Test
    void aLossUndefinedAtTheStartIsNotRetried() {
        PinnLoss undefined = Poisson1d.loss(network, 50, b -> b.field(0).plus(-10.0).log());
        TrainingResult result = adam(1e-2, 10).train(undefined, start);
        Divergence d = result.divergence().orElseThrow();
        assertEquals(0, d.retries());
        assertEquals(1, d.step());
        assertTrue(d.likelyCause().startsWith("the loss is not finite at the starting parameters: the residual of"
                + " term 'pde' is undefined there"), d.likelyCause());
        assertTrue(d.message().endsWith("parameters restored to the initial ones (no finite loss was seen)"),
                d.message());
    }

    @Test
    void withoutBlowUpsTheGuardChangesNothing() {
        Training chain = Training.of(Adam.steps(60).withLearningRate(1e-2), Lbfgs.steps(20));
        TrainingResult plain = chain.train(loss, start);
        TrainingResult guarded = chain.withDivergenceGuard(DivergenceGuard.standard()).train(loss, start);
        ResumeTest.assertSameRun(plain, guarded);
        assertFalse(guarded.history().events().stream().anyMatch(e -> e.kind().equals("diverged")));
    }
}
