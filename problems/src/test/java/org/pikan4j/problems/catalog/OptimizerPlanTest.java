package org.pikan4j.problems.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.train.Stage;

/** The plan's chain, with the L-BFGS stage keeping pairs or a dense inverse Hessian. */
class OptimizerPlanTest {

    private static final OptimizerPlan PLAN = new OptimizerPlan(100, 0.01, 300, 30, 0);

    private static List<String> stageNames(OptimizerPlan plan) {
        return plan.training().stages().stream().map(Stage::name).toList();
    }

    @Test
    void aDenseInverseMakesTheQuasiNewtonStageFullBfgs() {
        assertEquals(List.of("adam", "lbfgs"), stageNames(PLAN));
        OptimizerPlan dense = PLAN.withDenseInverse();
        assertEquals(List.of("adam", "bfgs"), stageNames(dense));
        assertEquals(300, dense.training().stages().get(1).steps());
        assertTrue(dense.denseInverse());
        assertEquals(0, dense.lbfgsHistory(), "a dense inverse has no pairs");
        assertEquals("adam 100 (lr 0.0100000) -> bfgs 300 (dense)", dense.toString());
        assertTrue(dense.withAdamSteps(5).withLbfgsSteps(7).denseInverse(), "copies keep the dense inverse");
        OptimizerPlan pairs = dense.withLbfgsHistory(12);
        assertFalse(pairs.denseInverse());
        assertEquals(List.of("adam", "lbfgs"), stageNames(pairs));
        assertEquals(new OptimizerPlan(100, 0.01, 300, 12, 0), pairs);
    }

    @Test
    void historyMustBePositiveUnlessDense() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLAN.withLbfgsHistory(0));
        assertEquals("lbfgs history must be >= 1, got 0", e.getMessage());
        assertEquals(PLAN.withDenseInverse(), new OptimizerPlan(100, 0.01, 300, 7, 0, true),
                "a dense plan's history is not kept: two dense plans differ only in what they run");
    }
}
