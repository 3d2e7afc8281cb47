package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pikan4j.core.io.Checkpoint;
import org.pikan4j.core.io.CheckpointFile;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;

/** A tiny Burgers solve on one grid under a continuation of the viscosity by Adam steps. */
class SolverContinuationTest {

    @TempDir
    Path folder;

    private static final CatalogEntry BURGERS = Catalog.standard().entry("burgers1d");
    private static final OptimizerPlan PLAN = new OptimizerPlan(60, 1e-2, 15, 20, 0);
    /** What the fixed grid of pikan adaptive --fixed-with-rad-rba gets: RAD every 25 steps and RBA weights. */
    private static final Adaptivity RAD_RBA = Adaptivity.defaults().withResampleEvery(25).withAttention(0.999, 0.01);

    private static Solver solver(Problem problem) {
        return Solver.of(problem, BURGERS.recommendation()).withModel(ModelSpec.kan(3, 3, 2, 3, 1))
                .withCollocation(Collocation.of(200, 0, 0)).withOptimizers(PLAN);
    }

    private static Solver solver() {
        return solver(Solver.of(BURGERS).problem());
    }

    @Test
    void levelsOfFactorOneTakeTheStepsOfOneRun() {
        // the levels split Adam into trainings that relay its state: with nothing scaled they are the plain run
        Continuation unscaled = Continuation.of("nu", 1, 1).untilAdamSteps(20, 40);
        Solution plain = solver().solve();
        Solution split = solver().withContinuation(unscaled).solve();
        assertArrayEquals(plain.training().theta(), split.training().theta(), 0.0);
        // with a time budget (never reached here) Adam and the stages after it train apart
        Solution timed = solver().withTimeBudget(600, 0.5).solve();
        Solution timedSplit = solver().withTimeBudget(600, 0.5).withContinuation(unscaled).solve();
        assertArrayEquals(timed.training().theta(), timedSplit.training().theta(), 0.0);
    }

    @Test
    void eachLevelTrainsTheScaledProblemUntilItsStepAndThenTheProblemItself() {
        double nu = BURGERS.problem().parameter("nu");
        Solution eased = solver().withContinuation(Continuation.of("nu", 5).untilAdamSteps(30)).solve();
        Solution scaled = solver(Solver.of(BURGERS).problem().withParameter("nu", 5 * nu)).solve();
        Solution plain = solver().solve();

        Map<Integer, Double> easedLoss = adamLosses(eased);
        Map<Integer, Double> scaledLoss = adamLosses(scaled);
        Map<Integer, Double> plainLoss = adamLosses(plain);
        assertEquals(PLAN.adamSteps(), easedLoss.size());
        for (int step = 1; step <= 30; step++) {
            assertEquals(scaledLoss.get(step), easedLoss.get(step), 0.0, "step " + step);
        }
        assertNotEquals(plainLoss.get(1), easedLoss.get(1));
        // from step 31 on the problem itself, from parameters the scaled problem trained
        assertNotEquals(scaledLoss.get(31), easedLoss.get(31));
        assertNotEquals(plainLoss.get(31), easedLoss.get(31));

        List<TrainingHistory.Event> levels = eased.training().history().events().stream()
                .filter(e -> e.kind().equals("continuation")).toList();
        assertEquals(2, levels.size(), levels.toString());
        assertEquals(0, levels.get(0).step());
        assertEquals("nu = 0.0159155 (5.00 x 0.00318310) until Adam step 30", levels.get(0).description());
        assertEquals(30, levels.get(1).step());
        assertEquals("nu = 0.00318310 (1.00 x 0.00318310) from Adam step 30, the problem itself",
                levels.get(1).description());
        assertEquals(PLAN.adamSteps() + PLAN.lbfgsSteps(), eased.training().history().lastStep());
    }

    @Test
    void aFixedGridWithRadAndRbaTakesTheLevelsInItsAdamLoop() {
        // an adaptive solve without grid extensions, as pikan adaptive --fixed-with-rad-rba runs the fixed grid
        Continuation unscaled = Continuation.of("nu", 1, 1).untilAdamSteps(20, 40);
        Solution plain = solver().withAdaptiveRefinement(RAD_RBA).solve();
        Solution split = solver().withContinuation(unscaled).withAdaptiveRefinement(RAD_RBA).solve();
        // the losses rebuilt at steps 20 and 40 (the second on RAD's points of step 25) keep the RBA weights and
        // Adam's state: nothing changes
        assertArrayEquals(plain.training().theta(), split.training().theta(), 0.0);

        double nu = BURGERS.problem().parameter("nu");
        Solution eased = solver().withAdaptiveRefinement(RAD_RBA)
                .withContinuation(Continuation.of("nu", 5).untilAdamSteps(30)).solve();
        Solution scaled = solver(Solver.of(BURGERS).problem().withParameter("nu", 5 * nu))
                .withAdaptiveRefinement(RAD_RBA).solve();
        Map<Integer, Double> easedLoss = adamLosses(eased);
        Map<Integer, Double> scaledLoss = adamLosses(scaled);
        for (int step = 1; step <= 30; step++) {
            assertEquals(scaledLoss.get(step), easedLoss.get(step), 0.0, "step " + step);
        }
        assertNotEquals(scaledLoss.get(31), easedLoss.get(31));
        assertNotEquals(adamLosses(plain).get(31), easedLoss.get(31));
        List<TrainingHistory.Event> levels = continuationEvents(eased);
        assertEquals(List.of(0, 30), levels.stream().map(TrainingHistory.Event::step).toList(), levels.toString());
        assertEquals("nu = 0.00318310 (1.00 x 0.00318310) from Adam step 30, the problem itself",
                levels.get(1).description());
    }

    @Test
    void whenTheBudgetCutsAdamOnALevelTheStagesAfterItTrainTheProblemItself() {
        Continuation steps = Continuation.of("nu", 5).untilAdamSteps(30);
        for (Solver solver : List.of(solver(), solver().withAdaptiveRefinement(RAD_RBA))) {
            // Adam's share of a microsecond ends after its first step
            Solution cut = solver.withTimeBudget(1e-6, 0.5).withContinuation(steps).solve();
            List<TrainingHistory.Event> levels = continuationEvents(cut);
            assertEquals(2, levels.size(), levels.toString());
            assertEquals("nu = 0.00318310, the problem itself from here: Adam stopped at step 1, before the"
                    + " continuation's levels ended", levels.get(1).description());
            assertTrue(cut.training().history().rows().stream().anyMatch(r -> !r.stage().equals("adam")),
                    "the stage after Adam trained");
        }
    }

    private static List<TrainingHistory.Event> continuationEvents(Solution s) {
        return s.training().history().events().stream().filter(e -> e.kind().equals("continuation")).toList();
    }

    /** The loss recorded at each Adam step. */
    private static Map<Integer, Double> adamLosses(Solution s) {
        return s.training().history().rows().stream().filter(r -> r.stage().equals("adam"))
                .collect(Collectors.toMap(TrainingHistory.Row::step, TrainingHistory.Row::loss, (a, b) -> b));
    }

    @Test
    void misusesAreRefusedWithWhatIsValid() {
        Continuation steps = Continuation.of("nu", 5).untilAdamSteps(30);
        String grid = assertThrows(IllegalArgumentException.class,
                () -> solver().withContinuation(Continuation.of("nu", 5))).getMessage();
        assertTrue(grid.contains("give the Adam steps its levels end at"), grid);
        String late = assertThrows(IllegalArgumentException.class,
                () -> solver().withContinuation(Continuation.of("nu", 5).untilAdamSteps(60))).getMessage();
        assertTrue(late.contains("ends its last level at Adam step 60, but the plan has 60 Adam steps"), late);
        Adaptivity byGrid = Adaptivity.defaults().withContinuation(Continuation.of("nu", 5));
        Solver extended = solver().withModel(ModelSpec.kan(3, 3, 2, 3, 1).withExtensions(5));
        String both = assertThrows(IllegalArgumentException.class, () -> extended.withAdaptiveRefinement(byGrid)
                .withContinuation(steps)).getMessage();
        assertEquals("a solve takes one continuation, by Adam steps (nu x5.00 until Adam steps 30) or by grid level"
                + " (nu x5.00 on the first grids), not both; drop one", both);
        String after = assertThrows(IllegalArgumentException.class, () -> extended.withContinuation(steps)
                .withAdaptiveRefinement(byGrid)).getMessage();
        assertEquals(both, after);
        String cut = assertThrows(IllegalArgumentException.class, () -> solver().withContinuation(steps)
                .withOptimizers(PLAN.withAdamSteps(20)).solve()).getMessage();
        assertTrue(cut.contains("ends its last level at Adam step 30, but the plan has 20 Adam steps"), cut);
    }

    /** Stops after {@code step}. */
    private static TrainingListener stopAfter(int step) {
        return new TrainingListener() {
            @Override
            public Action onStep(StepReport report) {
                return report.step() == step ? Action.STOP : Action.CONTINUE;
            }
        };
    }

    /** Two levels (5x to Adam step 20, 2x to 40), the problem itself to 60, L-BFGS 15, then G 3 -> 5 and L-BFGS 15. */
    private static Solver levelled() {
        return solver().withModel(ModelSpec.kan(3, 3, 2, 3, 1).withExtensions(5))
                .withContinuation(Continuation.of("nu", 5, 2).untilAdamSteps(20, 40));
    }

    @ParameterizedTest(name = "stopped after step {0}")
    @ValueSource(ints = {7, 20, 21, 33, 40, 52, 66, 80})
    void aSolveWithAContinuationResumesExactlyFromEveryLevel(int stop) throws IOException {
        Solution whole = levelled().solve();
        assertEquals(90, whole.training().history().lastStep());
        Path file = folder.resolve("checkpoint.pikan");
        Solution stopped = levelled().withCheckpoints(file, 6).withListener(stopAfter(stop)).solve();
        assertEquals(StopReason.INTERRUPTED, stopped.training().stopReason());
        Checkpoint checkpoint = CheckpointFile.load(file);
        assertEquals(stop > 75 ? "1" : "0", checkpoint.metadata().get("phase"));
        String level = stop > 75 ? null : stop > 40 ? "2" : stop > 20 ? "1" : "0";
        assertEquals(level, checkpoint.metadata().get("level"));
        Solution resumed = levelled().withCheckpoints(file, 6).resumingFrom(checkpoint).solve();
        assertArrayEquals(whole.training().theta(), resumed.training().theta());
        assertEquals(rows(whole.training().history()), rows(resumed.training().history()));
        assertEquals(whole.training().history().events(), resumed.training().history().events());
    }

    @Test
    void aResumeWithAnotherContinuationIsRefusedByName() throws IOException {
        Path file = folder.resolve("checkpoint.pikan");
        levelled().withCheckpoints(file, 0).withListener(stopAfter(25)).solve();
        Checkpoint checkpoint = CheckpointFile.load(file);
        String plain = assertThrows(IllegalArgumentException.class,
                () -> solver().withModel(ModelSpec.kan(3, 3, 2, 3, 1).withExtensions(5)).resumingFrom(checkpoint))
                .getMessage();
        assertEquals("the checkpoint was written with continuation nu x5.00, x2.00 until Adam steps 20, 40, this run"
                + " has continuation none; a resume needs the same settings to continue the run exactly", plain);
    }

    private static List<TrainingHistory.Row> rows(TrainingHistory history) {
        return history.rows().stream().map(r -> new TrainingHistory.Row(r.step(), r.stage(), r.loss(), r.terms(),
                r.learningRate(), 0.0)).toList();
    }
}
