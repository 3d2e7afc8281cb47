package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/** Tensor grids with their own counts per axis, and a solution scored on another grid than its own. */
class EvaluationGridTest {

    @Test
    void countsPerAxisSpanTheBoxWithBothEnds() {
        EvaluationGrid g = EvaluationGrid.of(SpaceTime.of(Interval.of(-1, 1), 0, 1), 4, 3);
        assertEquals(12, g.size());
        assertArrayEquals(new int[] {4, 3}, g.counts());
        // x varies fastest: (-1, 0), (-1/3, 0), (1/3, 0), (1, 0), (-1, 0.5), ...
        assertArrayEquals(new double[] {-1.0 / 3, 0}, g.points()[1], 1e-15);
        assertArrayEquals(new double[] {-1, 0.5}, g.points()[4], 1e-15);
        assertArrayEquals(new double[] {1, 1}, g.points()[11], 1e-15);
        double[][] rows = g.asRows(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertEquals(3, rows.length);
        assertArrayEquals(new double[] {8, 9, 10, 11}, rows[2]);
    }

    @Test
    void badCountsAreRefusedByName() {
        SpaceTime box = SpaceTime.of(Interval.of(-1, 1), 0, 1);
        String wrongCount = assertThrows(IllegalArgumentException.class, () -> EvaluationGrid.of(box, 256))
                .getMessage();
        assertTrue(wrongCount.contains("[256] must hold one count per coordinate, 2 here"), wrongCount);
        String tooFew = assertThrows(IllegalArgumentException.class, () -> EvaluationGrid.of(box, 256, 1))
                .getMessage();
        assertTrue(tooFew.contains("[256, 1]"), tooFew);
    }

    @Test
    void aSolutionScoredOnItsOwnGridHasItsOwnErrorAndAnotherOnAnother() {
        Solver solver = Solver.of(Catalog.standard().entry("robin1d"));
        Solution s = solver.withOptimizers(solver.settings().optimizers().withAdamSteps(50).withLbfgsSteps(20)).solve();
        assertEquals(s.error().relativeL2(), s.errorOn(EvaluationGrid.of(s.problem().domain())).relativeL2(), 1e-15);
        double coarse = s.errorOn(EvaluationGrid.of(s.problem().domain(), 7)).relativeL2();
        assertTrue(coarse > 0 && coarse != s.error().relativeL2(), coarse + " vs " + s.error());
    }
}
