package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;

/**
 * An adaptive Allen-Cahn solve (causal training) whose plateaus wait for a causal front that tiny Adam runs do not
 * reach: Adam stays on the coarse grid, and the extensions go to the L-BFGS levels.
 */
class CausalFrontSolveTest {

    @Test
    void plateausWaitForTheFrontAndTheLbfgsLevelsExtend() {
        Solution s = Solver.of(Catalog.standard().entry("allen-cahn1d"))
                .withModel(ModelSpec.kan(3, 3, 2, 4, 1).withExtensions(6))
                .withCollocation(Collocation.of(200, 0, 0))
                .withOptimizers(new OptimizerPlan(150, 1e-2, 10, 20, 0))
                .withAdaptiveRefinement(Adaptivity.defaults().withPlateau(10, 0.5).withCausalFront(1.0)).solve();

        List<TrainingHistory.Event> events = s.training().history().events();
        assertTrue(events.get(0).description().contains("after the causal front (last slab weight >= 1.0)"),
                events.get(0).description());
        // a last weight of 1 needs every earlier slab's residual to vanish: the eager plateau (under 50% decrease
        // over 10 steps) never gets to fire during Adam
        assertEquals(0, events.stream().filter(e -> e.kind().equals("refine")).count(), events.toString());
        assertEquals(1, events.stream().filter(e -> e.kind().equals("grid extension")).count(), events.toString());
        // layer 0 is the periodic embedding
        assertEquals(6, ((KanLayer) s.network().layers().get(1)).grid(0).intervals());
    }
}
