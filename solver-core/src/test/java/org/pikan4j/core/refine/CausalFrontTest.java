package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.residual.CausalWeighting;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.Residual;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.TrainingListener;

/**
 * {@link RefinementScheduler#afterCausalFront}: the plateau trigger waits until the last time slab's causal weight
 * reaches the front weight, on a real causally weighted loss trained by Adam.
 */
class CausalFrontTest {

    private static final List<String> XT = List.of("x", "t");
    private static final int SLABS = 8;
    private static final double FRONT = 0.5;
    /** u_t - 0.1 u_xx + u - 1: any residual with derivatives will do; its zero is not the initial network. */
    private static final Residual PDE = b -> b.d(b.field(0), "t").minus(b.d(b.field(0), "xx").times(0.1))
            .plus(b.field(0)).minus(1.0);
    private static final List<MultiIndex> READS = List.of(MultiIndex.of(0, 1), MultiIndex.of(2, 0));
    private static final double[][] POINTS = RefineFixtures.points(64, 2, 0.0, 1.0, 3);

    @Test
    void frontPassedReadsTheLastSlabWeight() {
        RefinementScheduler plateau = RefinementScheduler.extend(5, 10).afterCausalFront(0.9);
        assertEquals(0.9, plateau.causalFront());
        assertFalse(plateau.frontPassed(new double[] {1.0, 0.95, 0.89}));
        assertTrue(plateau.frontPassed(new double[] {1.0, 0.95, 0.9}));
        assertTrue(plateau.frontPassed(null), "a loss without causal weighting does not wait");
        assertTrue(RefinementScheduler.extend(5, 10).frontPassed(new double[] {1.0, 0.1}), "no front: no wait");
        assertTrue(plateau.atSteps(10).frontPassed(new double[] {1.0, 0.1}), "the steps trigger does not wait");
        assertFalse(plateau.onIndicatorRatio(2).frontPassed(new double[] {1.0, 0.1}));
        assertTrue(plateau.toString().contains("after the causal front (last slab weight >= 0.9)"), plateau.toString());
        for (double bad : new double[] {0.0, -0.5, 1.5, Double.NaN}) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> RefinementScheduler.extend(5, 10).afterCausalFront(bad)).getMessage();
            assertTrue(message.contains("causal front weight") && message.contains("(0, 1]")
                    && message.contains("got " + bad), message);
        }
    }

    @Test
    void plateauWaitsForTheCausalFront() {
        RefinementScheduler eager = RefinementScheduler.extend(3, 6).onPlateau(10, 0.5).withMinimumGap(10);
        Run plain = train(eager);
        Run waiting = train(eager.afterCausalFront(FRONT));
        System.out.printf("last slab weight at step 1: %.3g; refinement without waiting at step %d (weight %.3g),"
                        + " waiting for %.2f at step %d (weight %.3g)%n", plain.lastWeights.get(0), plain.refinedAt(),
                plain.weightAt(plain.refinedAt()), FRONT, waiting.refinedAt(), waiting.weightAt(waiting.refinedAt()));
        // the check needs a front that has not passed when the eager plateau fires
        assertTrue(plain.weightAt(plain.refinedAt()) < FRONT, "eager refinement at weight "
                + plain.weightAt(plain.refinedAt()));
        assertTrue(waiting.refinedAt() > plain.refinedAt());
        assertTrue(waiting.weightAt(waiting.refinedAt()) >= FRONT);
        // measured (seed 5): the eager plateau fires at step 11 (last weight 0.073), the waiting one at step 38 (0.95)
        assertTrue(waiting.events.get(0).trigger().contains("last causal weight"), waiting.events.get(0).trigger());
    }

    @Test
    void withoutCausalWeightingTheFrontChangesNothing() {
        RefinementScheduler eager = RefinementScheduler.extend(3, 6).onPlateau(10, 0.5).withMinimumGap(10);
        assertEquals(train(eager, false).refinedAt(), train(eager.afterCausalFront(FRONT), false).refinedAt());
    }

    private static Run train(RefinementScheduler scheduler) {
        return train(scheduler, true);
    }

    private static Run train(RefinementScheduler scheduler, boolean causal) {
        List<PinnLoss> latest = new ArrayList<>();
        Function<Network, PinnLoss> losses = n -> {
            PinnLoss loss = new PinnLoss(n, new JvmBackend(1), List.of(ResidualTerm.of("pde", POINTS, READS, PDE)), XT);
            loss = causal ? loss.withCausalWeighting(new CausalWeighting(List.of("pde"), 1, 0, 1, SLABS, 2.0)) : loss;
            latest.add(loss);
            return loss;
        };
        List<Double> weights = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public Action onStep(StepReport report) {
                double[] w = latest.get(latest.size() - 1).causalWeights();
                weights.add(w == null ? 1.0 : w[w.length - 1]);
                return Action.CONTINUE;
            }
        };
        Network network = Kan.widths(2, 3, 1).grid(3).degree(3).noise(0.3).build();
        RefinedTrainingResult result = RefinedTraining.of(losses, Adam.steps(400).withLearningRate(1e-2), scheduler)
                .withListener(record).run(network, network.initialParameters(5));
        return new Run(weights, result.refinements());
    }

    /** The last slab's weight after every step (1 without causal weighting), and the refinements. */
    private record Run(List<Double> lastWeights, List<RefinementEvent> events) {
        int refinedAt() {
            assertFalse(events.isEmpty(), "no refinement in 400 steps");
            return events.get(0).step();
        }

        double weightAt(int step) {
            return lastWeights.get(step - 1);
        }
    }
}
