package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.TrainingHistory;

/** End to end: a KAN [1, 5, 1] on u'' = -π² sin(πx), u(±1) = 0, extended 3 -> 6 -> 12 while Adam trains. */
class RefinedTrainingTest {

    private static final List<String> X = List.of("x");
    private static final int STEPS = 240;
    private static final double LR = 3e-3;
    private static final int[] AT = {80, 160};
    /** How many steps after a refinement the spike is measured over. */
    private static final int SPIKE = 10;

    @Test
    void fixedStepExtensionsAreRecordedAndTransferredMomentsAvoidALossSpike() {
        RefinedTrainingResult transferred = train(true);
        RefinedTrainingResult fresh = train(false);

        assertEquals(StopReason.BUDGET, transferred.stopReason());
        assertEquals(STEPS, transferred.steps());
        assertEquals(12, ((org.pikan4j.core.nn.KanLayer) transferred.network().layers().get(0)).grid(0)
                .intervals());
        List<RefinementEvent> events = transferred.refinements();
        assertEquals(2, events.size());
        int[] params = {Kan.widths(1, 5, 1).grid(3).degree(3).build().parameterCount(),
                Kan.widths(1, 5, 1).grid(6).degree(3).build().parameterCount(),
                Kan.widths(1, 5, 1).grid(12).degree(3).build().parameterCount()};
        List<TrainingHistory.Event> refineEvents = transferred.history().events().stream()
                .filter(e -> e.kind().equals("refine")).toList();
        assertEquals(2, refineEvents.size());
        for (int k = 0; k < 2; k++) {
            RefinementEvent e = events.get(k);
            assertEquals(AT[k], e.step());
            assertEquals(AT[k], refineEvents.get(k).step());
            assertEquals("grid extension", e.record().operation());
            assertEquals(params[k], e.record().before());
            assertEquals(params[k + 1], e.record().after());
            assertTrue(refineEvents.get(k).description().contains("loss "), refineEvents.get(k).description());
            assertTrue(e.lossBefore() > 0 && Double.isFinite(e.lossAfter()));

            double transferredSpike = spike(transferred, k);
            double freshSpike = spike(fresh, k);
            System.out.printf("refinement %d at step %d (%s): loss before %.4g, right after %.4g (ratio %.4f);"
                            + " max loss over the next %d steps / before: %.3f with moment transfer, %.3f fresh"
                            + " Adam%n", k, e.step(), e.record(), e.lossBefore(), e.lossAfter(),
                    e.lossAfter() / e.lossBefore(), SPIKE, transferredSpike, freshSpike);
            // Measured (seed 7, 32 interior points, lr 3e-3): the loss right after each extension equals the
            // loss right before (ratio 1.0000, exact knot insertion); the largest loss over the next 10 steps is
            // 1.000 x (G 3 -> 6) and 1.000 x (G 6 -> 12) the loss before with moment transfer, 1.000 x and 45.3 x
            // with a fresh Adam. Final loss 5.2e-3 with transfer, 1.4e-3 fresh (the fresh run's restart is a
            // large step that happened to help here). With lr 1e-2 the G 6 -> 12 refinement spikes in both
            // cases (65 x with transfer, 2522 x fresh): a step size that suits G = 6 is too large for the
            // second derivatives on G = 12; the transfer keeps the first steps like the coarse ones, not stable.
            // exact knot insertion (G' a multiple of G): the function does not change
            assertEquals(e.lossBefore(), e.lossAfter(), 1e-9 * e.lossBefore());
            assertTrue(transferredSpike <= 2.0, "with moment transfer the loss after refinement " + k + " rose to "
                    + transferredSpike + " x the loss before");
        }
        System.out.printf("final loss: %.4g with moment transfer, %.4g fresh Adam%n", transferred.loss(),
                fresh.loss());
        assertTrue(transferred.loss() < events.get(0).lossBefore(), "training goes on after the refinements");
    }

    @Test
    void plateauAndIndicatorTriggersRefineDuringRealTraining() {
        for (RefinementScheduler scheduler : List.of(
                RefinementScheduler.extend(3, 6, 12).onPlateau(20, 0.5).withMinimumGap(40),
                RefinementScheduler.extend(3, 6, 12).onIndicatorRatio(1.5).withIndicatorEvery(20).withMinimumGap(40))) {
            Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
            RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                    Adam.steps(150).withLearningRate(LR), scheduler).withRecordEvery(10)
                    .run(network, network.initialParameters(7));
            System.out.println(scheduler + ": " + result.refinements().stream()
                    .map(e -> e.step() + " " + e.trigger()).toList());
            assertTrue(!result.refinements().isEmpty(), scheduler + " never refined");
            int previous = 0;
            for (RefinementEvent e : result.refinements()) {
                assertTrue(e.step() - previous >= 40, "minimum gap: " + e.step() + " after " + previous);
                previous = e.step();
            }
            assertEquals(result.refinements().size(),
                    result.history().events().stream().filter(e -> e.kind().equals("refine")).count());
        }
    }

    private static RefinedTrainingResult train(boolean transfer) {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        RefinedTraining training = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(STEPS).withLearningRate(LR), RefinementScheduler.extend(3, 6, 12).atSteps(AT))
                .withMomentTransfer(transfer);
        return training.run(network, network.initialParameters(7));
    }

    /** Max loss over the {@link #SPIKE} recorded steps after refinement k, over the loss right before. */
    private static double spike(RefinedTrainingResult result, int k) {
        RefinementEvent e = result.refinements().get(k);
        return result.history().rows().stream().filter(r -> r.step() > e.step() && r.step() <= e.step() + SPIKE)
                .mapToDouble(TrainingHistory.Row::loss).max().orElseThrow() / e.lossBefore();
    }
}
