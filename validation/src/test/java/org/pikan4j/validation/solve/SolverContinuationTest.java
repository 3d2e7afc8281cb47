package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;

/** A tiny Burgers solve on one grid under a continuation of the viscosity by Adam steps. */
class SolverContinuationTest {

    private static final CatalogEntry BURGERS = Catalog.standard().entry("burgers1d");
    private static final OptimizerPlan PLAN = new OptimizerPlan(60, 1e-2, 15, 20, 0);

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
        Solver adaptive = solver().withModel(ModelSpec.kan(3, 3, 2, 3, 1).withExtensions(5))
                .withAdaptiveRefinement(Adaptivity.defaults());
        String both = assertThrows(IllegalArgumentException.class, () -> adaptive.withContinuation(steps))
                .getMessage();
        assertTrue(both.contains("is for solves without adaptive refinement"), both);
        String after = assertThrows(IllegalArgumentException.class, () -> solver().withContinuation(steps)
                .withModel(ModelSpec.kan(3, 3, 2, 3, 1).withExtensions(5))
                .withAdaptiveRefinement(Adaptivity.defaults())).getMessage();
        assertTrue(after.contains("this solver has a continuation by Adam steps"), after);
        String cut = assertThrows(IllegalArgumentException.class, () -> solver().withContinuation(steps)
                .withOptimizers(PLAN.withAdamSteps(20)).solve()).getMessage();
        assertTrue(cut.contains("ends its last level at Adam step 30, but the plan has 20 Adam steps"), cut);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> solver().withContinuation(steps)
                .withCheckpoints(java.nio.file.Path.of("unused.bin"), 0)).getMessage()
                .contains("not available with a continuation"));
    }
}
