package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualAttention;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.core.train.AttentionUpdate;
import org.pikan4j.core.train.DivergenceGuard;
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

    @Test
    void aGuardRollsAdamBackWhenTheLossBlowsUpAfterAnExtension() {
        // lr 1e-2: the G 6 -> 12 extension spikes (see above); a guard at 10x rolls back and slows down
        RefinedTrainingResult unguarded = train(true, 1e-2, null);
        RefinedTrainingResult guarded = train(true, 1e-2, DivergenceGuard.standard().withBlowUpFactor(10));

        List<TrainingHistory.Event> rollBacks = events(guarded, "diverged");
        System.out.printf("lr 1e-2: final loss %.4g unguarded (max loss after step %d: %.4g), %.4g with the guard;"
                        + " %s%n", unguarded.loss(), AT[1], maxLossAfter(unguarded, AT[1]), guarded.loss(),
                rollBacks.stream().map(TrainingHistory.Event::description).toList());
        assertEquals(StopReason.BUDGET, guarded.stopReason());
        assertEquals(STEPS, guarded.steps());
        assertTrue(maxLossAfter(unguarded, AT[1]) > 10 * lossAt(unguarded, AT[1]), "the unguarded run must spike");
        assertFalse(rollBacks.isEmpty(), "no roll-back");
        for (TrainingHistory.Event e : rollBacks) {
            int back = Integer.parseInt(e.description().replaceAll(".*rolled back to step (\\d+).*", "$1"));
            assertTrue(back < e.step() && back >= AT[1], e.description());
            // the step after a roll-back starts again from the good state: it sees that step's loss exactly
            assertEquals(lossAt(guarded, back), lossAt(guarded, e.step() + 1), 0.0, e.description());
            assertTrue(e.description().contains("-> "), e.description());
        }
        // the guard's promise: apart from the steps it rolled back, no loss after the extension rose above 10x the
        // lowest before it (not a better final loss: here the unguarded spike happened to end lower, 5.6e-4 against
        // 1.4e-3)
        List<Integer> rolledBack = rollBacks.stream().map(TrainingHistory.Event::step).toList();
        double lowest = Double.POSITIVE_INFINITY;
        for (TrainingHistory.Row r : guarded.history().rows()) {
            if (r.step() > AT[1] && !rolledBack.contains(r.step())) {
                lowest = Math.min(lowest, r.loss());
                assertTrue(r.loss() <= 10 * lowest, "step " + r.step() + ": " + r.loss() + " > 10 x " + lowest);
            }
        }
    }

    @Test
    void aGuardWithoutRetriesStopsOnTheLastGoodState() {
        RefinedTrainingResult stopped = train(true, 1e-2, DivergenceGuard.standard().withBlowUpFactor(10)
                .withRetries(0));

        assertEquals(StopReason.DIVERGED, stopped.stopReason());
        TrainingHistory.Event stop = events(stopped, "stop").get(0);
        assertTrue(stop.description().contains("no roll-backs left"), stop.description());
        int back = Integer.parseInt(stop.description().replaceAll(".*restored to step (\\d+).*", "$1"));
        assertEquals(lossAt(stopped, back), stopped.loss(), 1e-12 * stopped.loss(), stop.description());
        assertTrue(stopped.steps() < STEPS);
    }

    @Test
    void aLossChangeTrainsTheNewLossFromItsStepWithAdamsStateKept() {
        int change = 100; // between the extensions at 80 and 160: the change builds the G = 6 network's loss
        RefinedTrainingResult before = lossChange(change, 2.0, 2.0);
        RefinedTrainingResult none = lossChange(0, 2.0, 2.0);
        RefinedTrainingResult changed = lossChange(change, 2.0, 1.0);

        // a change to the same loss is no change: Adam's moments and step count go on as they were
        assertArrayEquals(none.theta(), before.theta(), 0.0);
        assertEquals(STEPS, changed.steps());
        for (int step = 1; step <= STEPS; step++) {
            double expected = lossAt(none, step);
            if (step <= change) {
                assertEquals(expected, lossAt(changed, step), 0.0, "step " + step);
            } else {
                assertNotEquals(expected, lossAt(changed, step), "step " + step);
            }
        }
        TrainingHistory.Event event = events(changed, "continuation").get(0);
        assertEquals(change, event.step());
        assertEquals("a = 1", event.description());
        // the later extension's loss came from the new factory too
        double[] gradient = new double[changed.theta().length];
        assertEquals(RefineFixtures.sinePoisson1d(changed.network(), 1.0).evaluate(changed.theta(), gradient),
                changed.finalLoss().evaluate(changed.theta(), gradient), 0.0);
        assertEquals(2, changed.refinements().size());
    }

    @Test
    void lossChangesOutsideTheRunOrOutOfOrderAreRefused() {
        RefinedTraining training = RefinedTraining.of(RefineFixtures::sinePoisson1d, Adam.steps(STEPS),
                RefinementScheduler.extend(3, 6).atSteps(AT[0]));
        for (int step : new int[] {0, STEPS}) {
            String message = assertThrows(IllegalArgumentException.class, () -> training.withLossChange(step, "level",
                    "", RefineFixtures::sinePoisson1d)).getMessage();
            assertEquals("loss change step must be in [1, " + STEPS + ") (after the previous change, before Adam's"
                    + " last step), got " + step, message);
        }
        RefinedTraining once = training.withLossChange(50, "level", "", RefineFixtures::sinePoisson1d);
        String order = assertThrows(IllegalArgumentException.class, () -> once.withLossChange(50, "level", "",
                RefineFixtures::sinePoisson1d)).getMessage();
        assertTrue(order.contains("must be in [51, " + STEPS + ")"), order);
        assertThrows(IllegalArgumentException.class, () -> training.withLossChange(50, " ", "",
                RefineFixtures::sinePoisson1d));
        assertTrue(once.toString().contains("loss changes at steps [50]"), once.toString());
    }

    @Test
    void attentionWeightsStayWithTheirPointsAcrossExtensionsAfterARedraw() {
        // RAD at steps 50, 100, ... moves the points; the exact extensions at 80 and 160 leave the network function
        // as it was, so with the weights grown since the redraw kept the weighted loss does not change either
        // (a factory that attached the weights bound them to the original points first: they restarted from 1)
        ResidualAttention rba = ResidualAttention.of(0.999, 0.01, List.of("pde"));
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(STEPS).withLearningRate(LR), RefinementScheduler.extend(3, 6, 12).atSteps(AT))
                .withCollocation(CollocationSchedule.every(50, CollocationRefinement.rad(32, 1, 1, 2),
                        round -> RefineFixtures.points(200, 1, -1, 1, round), List.of("pde")))
                .withAttention(rba).withListener(AttentionUpdate.afterAdamSteps(rba))
                .run(network, network.initialParameters(7));
        List<RefinementEvent> extensions = result.refinements().stream()
                .filter(e -> e.record().operation().equals("grid extension")).toList();
        assertEquals(2, extensions.size());
        for (RefinementEvent e : extensions) {
            assertEquals(e.lossBefore(), e.lossAfter(), 1e-12 * e.lossBefore(), "step " + e.step());
        }
        double[] weights = rba.weights("pde");
        assertTrue(Arrays.stream(weights).max().orElseThrow() > 1.1 * Arrays.stream(weights).min().orElseThrow(),
                "the weights grew apart: " + Arrays.stream(weights).summaryStatistics());
    }

    /** Solution 2 sin πx (or {@code to} sin πx from step {@code change}; 0 for no change), extended at 80 and 160. */
    private static RefinedTrainingResult lossChange(int change, double from, double to) {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        RefinedTraining training = RefinedTraining.of(n -> RefineFixtures.sinePoisson1d(n, from),
                Adam.steps(STEPS).withLearningRate(LR), RefinementScheduler.extend(3, 6, 12).atSteps(AT));
        if (change > 0) {
            training = training.withLossChange(change, "continuation", "a = " + (int) to,
                    n -> RefineFixtures.sinePoisson1d(n, to));
        }
        return training.run(network, network.initialParameters(7));
    }

    private static RefinedTrainingResult train(boolean transfer) {
        return train(transfer, LR, null);
    }

    private static RefinedTrainingResult train(boolean transfer, double rate, DivergenceGuard guard) {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        RefinedTraining training = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(STEPS).withLearningRate(rate), RefinementScheduler.extend(3, 6, 12).atSteps(AT))
                .withMomentTransfer(transfer).withDivergenceGuard(guard);
        return training.run(network, network.initialParameters(7));
    }

    private static List<TrainingHistory.Event> events(RefinedTrainingResult result, String kind) {
        return result.history().events().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private static double lossAt(RefinedTrainingResult result, int step) {
        return result.history().rows().stream().filter(r -> r.step() == step).findFirst().orElseThrow().loss();
    }

    private static double maxLossAfter(RefinedTrainingResult result, int step) {
        return result.history().rows().stream().filter(r -> r.step() > step).mapToDouble(TrainingHistory.Row::loss)
                .max().orElseThrow();
    }

    /** Max loss over the {@link #SPIKE} recorded steps after refinement k, over the loss right before. */
    private static double spike(RefinedTrainingResult result, int k) {
        RefinementEvent e = result.refinements().get(k);
        return result.history().rows().stream().filter(r -> r.step() > e.step() && r.step() <= e.step() + SPIKE)
                .mapToDouble(TrainingHistory.Row::loss).max().orElseThrow() / e.lossBefore();
    }
}
