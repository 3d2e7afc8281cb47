package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.core.train.Deadline;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.TrainingHistory;

/**
 * Collocation refinement, learning-rate cuts and the wall-time limit inside {@link RefinedTraining}, on
 * u'' = -π² sin(πx), u(±1) = 0 with a KAN [1, 5, 1].
 */
class AdaptiveCollocationTrainingTest {

    private static final List<String> X = List.of("x");

    @Test
    void radMovesOnlyThePdePointsKeepsTheParametersAndCarriesThePointsOverExtensions() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        CollocationSchedule schedule = CollocationSchedule.every(50,
                CollocationRefinement.rad(32, 2, 0.5, 11), round -> RefineFixtures.points(400, 1, -1, 1, round),
                List.of("pde"));
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(200).withLearningRate(3e-3), RefinementScheduler.extend(3, 6).atSteps(120))
                .withCollocation(schedule).run(network, network.initialParameters(7));

        List<RefinementEvent> events = result.refinements();
        assertEquals(List.of("RAD", "RAD", "grid extension", "RAD"),
                events.stream().map(e -> e.record().operation()).toList());
        assertEquals(List.of(50, 100, 120, 150), events.stream().map(RefinementEvent::step).toList());
        assertEquals(3, result.history().events().stream().filter(e -> e.kind().equals("resample")).count());

        PinnLoss last = result.finalLoss();
        assertEquals(6, ((org.pikan4j.core.nn.KanLayer) last.network().layers().get(0)).grid(0).intervals());
        double[][] moved = last.terms().get(0).points();
        double[][] original = RefineFixtures.sinePoisson1d(network).terms().get(0).points();
        assertEquals(32, moved.length);
        assertTrue(!Arrays.deepEquals(original, moved), "the PDE points moved");
        List<double[]> lastPool = Arrays.asList(RefineFixtures.points(400, 1, -1, 1, 3));
        for (double[] p : moved) {
            assertTrue(lastPool.stream().anyMatch(q -> Arrays.equals(p, q)), "every point comes from the last pool");
        }
        assertArrayEquals(new double[][] {{-1.0}, {1.0}}, last.terms().get(1).points(), "the boundary stays");
        // the reported loss after a resample is the loss on the new points at unchanged parameters
        RefinementEvent third = events.get(3);
        assertTrue(third.lossAfter() > 0 && Double.isFinite(third.lossBefore()));
        assertEquals(result.loss(), last.evaluate(result.theta(), new double[result.theta().length]), 0.0);
    }

    @Test
    void anErrorProbeIsRecordedAroundEveryRefinement() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        // the error of the exact solution sin(πx) at 50 points: unchanged by exact extension and by moving points
        double[][] at = RefineFixtures.points(50, 1, -1, 1, 9);
        ErrorProbe probe = (net, theta) -> {
            double[] u = RefineFixtures.values(net, theta, at);
            double worst = 0;
            for (int n = 0; n < at.length; n++) {
                worst = Math.max(worst, Math.abs(u[n] - Math.sin(Math.PI * at[n][0])));
            }
            return worst;
        };
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(100).withLearningRate(3e-3), RefinementScheduler.extend(3, 6).atSteps(60))
                .withCollocation(CollocationSchedule.every(40, CollocationRefinement.rad(32, 1, 1, 2),
                        round -> RefineFixtures.points(200, 1, -1, 1, round), List.of("pde")))
                .withErrorProbe(probe).run(network, network.initialParameters(7));
        assertEquals(3, result.refinements().size());
        for (RefinementEvent e : result.refinements()) {
            assertTrue(e.errorBefore() > 0, e.toString());
            assertEquals(e.errorBefore(), e.errorAfter(), 1e-12, e.toString());
            assertTrue(e.describe().contains("; error "), e.describe());
        }
    }

    @Test
    void radConcentratesPointsWhereTheResidualIsLarge() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        double[] theta = network.initialParameters(7);
        PinnLoss loss = RefineFixtures.sinePoisson1d(network);
        double[][] pool = RefineFixtures.points(2000, 1, -1, 1, 5);
        CollocationSchedule schedule = CollocationSchedule.every(1, CollocationRefinement.rad(200, 2, 0, 3),
                round -> pool, List.of("pde"));
        PinnLoss moved = schedule.refine(loss, theta, 1).loss();
        // mean |r| over the new points against the mean over the pool: RAD with k = 2, c = 0 favours large |r|
        double onNew = meanAbsResidual(moved, theta);
        double onPool = meanAbsResidual(schedule.moveTo(loss, pool), theta);
        System.out.printf("mean |r|: %.4g on the RAD points, %.4g on the pool%n", onNew, onPool);
        assertTrue(onNew > 1.2 * onPool, onNew + " vs " + onPool);
    }

    @Test
    void rarGrowsThePointSet() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(61).withLearningRate(3e-3), RefinementScheduler.extend(3, 6).atSteps(1000))
                .withCollocation(CollocationSchedule.every(20, CollocationRefinement.rar(8),
                        round -> RefineFixtures.points(100, 1, -1, 1, round), List.of("pde")))
                .run(network, network.initialParameters(7));
        assertEquals(32 + 3 * 8, result.finalLoss().terms().get(0).size());
    }

    @Test
    void learningRateShrinksAtEveryExtension() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        List<Double> reportedRates = new java.util.ArrayList<>();
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(90).withLearningRate(1e-2), RefinementScheduler.extend(3, 6, 12).atSteps(30, 60))
                .withLearningRateFactor(0.5).withListener(new org.pikan4j.core.train.TrainingListener() {
                    @Override
                    public Action onStep(org.pikan4j.core.train.StepReport report) {
                        reportedRates.add(report.learningRate());
                        return Action.CONTINUE;
                    }
                }).run(network, network.initialParameters(7));
        List<TrainingHistory.Row> rows = result.history().rows();
        assertEquals(rows.stream().map(TrainingHistory.Row::learningRate).toList(), reportedRates,
                "listeners see every step with its rate");
        assertEquals(1e-2, rows.get(29).learningRate(), 0.0);
        assertEquals(5e-3, rows.get(30).learningRate(), 0.0);
        assertEquals(2.5e-3, rows.get(89).learningRate(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> RefinedTraining.of(RefineFixtures::sinePoisson1d,
                Adam.steps(9), RefinementScheduler.extend(6)).withLearningRateFactor(1.5));
    }

    @Test
    void aPassedDeadlineStopsTheRunWithItsParametersAndLoss() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(10_000_000).withLearningRate(3e-3), RefinementScheduler.extend(6).atSteps(5))
                .withDeadline(Deadline.afterSeconds(0.3)).run(network, network.initialParameters(7));
        assertEquals(StopReason.TIME_LIMIT, result.stopReason());
        assertTrue(result.steps() >= 1 && result.steps() < 10_000_000, "steps " + result.steps());
        assertEquals(result.loss(), result.finalLoss().evaluate(result.theta(), new double[result.theta().length]),
                0.0);
        assertTrue(result.history().events().stream().anyMatch(e -> e.description().startsWith("TIME_LIMIT")));
    }

    @Test
    void misconfiguredSchedulesAreRefusedByName() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).build();
        CollocationSchedule unknown = CollocationSchedule.every(5, CollocationRefinement.rar(1),
                round -> RefineFixtures.points(10, 1, -1, 1, round), List.of("interior"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> unknown.refine(RefineFixtures.sinePoisson1d(network), network.initialParameters(1), 1));
        assertTrue(e.getMessage().contains("\"interior\"") && e.getMessage().contains("[pde, boundary]"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CollocationSchedule.every(0,
                CollocationRefinement.rar(1), round -> null, List.of("pde")));
        assertTrue(e.getMessage().contains("period") && e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CollocationSchedule.every(3,
                CollocationRefinement.rar(1), round -> null, List.of()));
        assertTrue(e.getMessage().contains("terms"), e.getMessage());
        CollocationSchedule both = CollocationSchedule.every(5, CollocationRefinement.rar(1),
                round -> RefineFixtures.points(10, 1, -1, 1, round), List.of("pde", "boundary"));
        e = assertThrows(IllegalArgumentException.class,
                () -> both.refine(RefineFixtures.sinePoisson1d(network), network.initialParameters(1), 1));
        assertTrue(e.getMessage().contains("share one point set"), e.getMessage());
        assertNotEquals(null, both.toString());
    }

    private static double meanAbsResidual(PinnLoss loss, double[] theta) {
        double[] r = new double[loss.residualCount()];
        loss.residuals(theta, r, null);
        int n = loss.terms().get(0).size();
        return Arrays.stream(r, 0, n).map(Math::abs).average().orElseThrow();
    }
}
