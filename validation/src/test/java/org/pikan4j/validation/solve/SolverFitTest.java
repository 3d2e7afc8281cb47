package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.Causality;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.Interval;

/** {@link Solver#fittingExact}: training on the exact solution's values instead of the equations. */
class SolverFitTest {

    /**
     * u'' = 6x on [-1, 1] with u = x³ - x: a cubic, which one KAN edge's cubic spline on [-1, 1] represents
     * exactly; the equation alone (no boundary condition) leaves a line a + bx free, the exact values do not.
     */
    private static Solver cubic() {
        Problem p = Problem.named("cubic")
                .domain(Interval.of(-1, 1))
                .pde(u -> u.d("xx").minus(u.source(x -> 6 * x[0])))
                .exact(x -> x[0] * x[0] * x[0] - x[0])
                .build();
        return Solver.of(p, new Recommendation(ModelSpec.kan(5, 3, 1, 1), Collocation.of(50, 0),
                new OptimizerPlan(0, 1e-2, 300, 20, 0)));
    }

    @Test
    void exactValuesPinWhatTheEquationAloneLeavesFree() {
        Solution fit = cubic().fittingExact(40).solve();
        assertEquals("cubic-fit", fit.problem().name());
        assertEquals(List.of("data"), fit.training().history().termNames());
        // measured (seed 1): the fit 1.0e-5 (L-BFGS converged at a loss of 6e-12), the equation's solve 0.57
        assertTrue(fit.error().relativeL2() < 1e-4, "relative L2 " + fit.error().relativeL2());
        Solution solve = cubic().solve();
        assertTrue(solve.error().relativeL2() > 0.1, "relative L2 " + solve.error().relativeL2());
    }

    @Test
    void theFitHasNoCausalWeighting() {
        CatalogEntry heat = Catalog.standard().entry("diffusion1d");
        Solver causal = Solver.of(heat).withCausality(new Causality(1.0, 4, 3.0));
        assertTrue(causal.settings().causality().isActive());
        assertFalse(causal.fittingExact(10).settings().causality().isActive());
    }

    @Test
    void whatActsOnTheEquationsIsRefusedInEitherOrder() {
        assertEquals("a fit of the exact solution needs at least 1 point, got 0",
                assertThrows(IllegalArgumentException.class, () -> cubic().fittingExact(0)).getMessage());
        CatalogEntry burgers = Catalog.standard().entry("burgers1d");
        Solver solver = Solver.of(burgers).withOptimizers(new OptimizerPlan(60, 1e-2, 15, 20, 0));
        Adaptivity rad = Adaptivity.defaults().withResampleEvery(25);
        Continuation levels = Continuation.of("nu", 5).untilAdamSteps(30);
        String refine = "a fit of the exact solution has no equations for the adaptive refinement (" + rad
                + ") to act on; drop one or the other";
        String continuation = "a fit of the exact solution has no equations for the continuation (" + levels
                + ") to act on; drop one or the other";
        assertEquals(refine, assertThrows(IllegalArgumentException.class,
                () -> solver.withAdaptiveRefinement(rad).fittingExact(10)).getMessage());
        assertEquals(refine, assertThrows(IllegalArgumentException.class,
                () -> solver.fittingExact(10).withAdaptiveRefinement(rad)).getMessage());
        assertEquals(continuation, assertThrows(IllegalArgumentException.class,
                () -> solver.withContinuation(levels).fittingExact(10)).getMessage());
        assertEquals(continuation, assertThrows(IllegalArgumentException.class,
                () -> solver.fittingExact(10).withContinuation(levels)).getMessage());
        assertEquals("this solver already fits the exact solution of burgers1d-fit", assertThrows(
                IllegalArgumentException.class, () -> solver.fittingExact(10).fittingExact(10)).getMessage());
    }
}
