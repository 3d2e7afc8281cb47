package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.metrics.ErrorOverTime;

/** Small-budget solves of the 1D and space-time catalog entries reach measured tolerances; errors over time. */
class SolverTest {

    private static Solution solve(String name, long seed) {
        return Solver.of(Catalog.standard().entry(name)).withSeed(seed).withThreads(1).solve();
    }

    /** A few Adam steps and nothing else: a solution whose error is far from 0, for checks that need one. */
    private static Solution adamOnly(String name, int steps) {
        CatalogEntry entry = Catalog.standard().entry(name);
        return Solver.of(entry).withSeed(1).withThreads(1).withOptimizers(entry.recommendation().optimizers()
                .withAdamSteps(steps).withLbfgsSteps(0).withLmSteps(0)).solve();
    }

    @Test
    void robin1dSolvesToMeasuredTolerance() {
        Solution s = solve("robin1d", 1);
        // measured 3.7e-4 (seed 1, recommended budget, 3 s)
        assertTrue(s.error().relativeL2() < 1e-3, s.errors().toString());
        assertEquals(EvaluationGrid.POINTS_1D, s.grid().size());
    }

    @Test
    void system1dSolvesBothFieldsToMeasuredTolerance() {
        Solution s = solve("system1d", 1);
        // measured u 3.6e-4, v 1.2e-3 (seed 1, recommended budget, 3 s)
        assertTrue(s.errors().get("u").relativeL2() < 1e-3, s.errors().toString());
        assertTrue(s.errors().get("v").relativeL2() < 3e-3, s.errors().toString());
    }

    @Test
    void diffusion1dSolvesToMeasuredTolerance() {
        Solution s = Solver.of(Catalog.standard().entry("diffusion1d")).withSeed(1).withThreads(2)
                .withOptimizers(Catalog.standard().entry("diffusion1d").recommendation().optimizers()
                        .withAdamSteps(200).withLbfgsSteps(300))
                .solve();
        // measured 3.8e-3 (seed 1, adam 200 + lbfgs 300, 2 threads, 13 s)
        assertTrue(s.error().relativeL2() < 1e-2, s.errors().toString());
        assertEquals(EvaluationGrid.POINTS_2D * EvaluationGrid.POINTS_2D, s.grid().size());
    }

    @Test
    void errorOverTimeComparesEachTimeSliceOfTheGrid() {
        Solution s = adamOnly("diffusion1d", 20);
        ErrorOverTime over = s.errorOverTime("u").orElseThrow();
        int[] counts = s.grid().counts();
        double[] lo = s.grid().lower();
        double[] hi = s.grid().upper();
        assertEquals(counts[1], over.times().length);
        for (int j : new int[] {0, 37, counts[1] - 1}) {
            double t = lo[1] + j * (hi[1] - lo[1]) / (counts[1] - 1);
            double[][] slice = new double[counts[0]][];
            for (int i = 0; i < counts[0]; i++) {
                slice[i] = new double[] {lo[0] + i * (hi[0] - lo[0]) / (counts[0] - 1), t};
            }
            ErrorMetrics expected = ErrorMetrics.compare(s.firstFieldAt(slice), s.problem().exact("u", slice));
            assertEquals(t, over.times()[j], 1e-15, "time of slice " + j);
            assertEquals(expected.relativeL2(), over.slices().get(j).relativeL2(), 1e-12 * expected.relativeL2(),
                    "slice " + j);
            assertEquals(expected.maxError(), over.slices().get(j).maxError(), 1e-12 * expected.maxError());
        }
        assertTrue(over.slices().get(counts[1] - 1).relativeL2() > 1e-3, "the check needs an error: 20 Adam steps");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.errorOverTime("w"));
        assertTrue(e.getMessage().contains("unknown field \"w\"; fields are [u]"), e.getMessage());
    }

    @Test
    void problemsWithoutTimeHaveNoErrorOverTime() {
        assertTrue(adamOnly("robin1d", 2).errorOverTime("u").isEmpty());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void inverseDiffusionRecoversKappaWithinOnePercent(long seed) {
        CatalogEntry entry = Catalog.standard().entry("inverse-diffusion1d");
        Solution s = solve(entry.name(), seed);
        double kappa = s.coefficients().get("kappa");
        double truth = entry.trueCoefficients().get("kappa");
        // measured relative errors 3e-6, 1.2e-4, 1.5e-5 for seeds 1, 2, 3 (recommended budget, 2-4 s)
        assertEquals(truth, kappa, 0.01 * truth, "recovered kappa");
    }
}
