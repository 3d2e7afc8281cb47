package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.validation.metrics.ErrorMetrics;

/**
 * Score grids: an entry with odd symmetry (burgers1d-half) is scored on the full box by mirroring, and the relative
 * L2 there equals the half grid's with its x = 0 points weighted 1/2 (101 x 101), or exactly the half grid's when
 * no grid point lies at x = 0 (256 x 100). The half sums use the reference at x >= 0 only, the mirrored score the
 * full reference at every point, so the equality also checks that the mirrored reference is the full one.
 */
class ScoreGridTest {

    private static final CatalogEntry HALF = Catalog.standard().entry("burgers1d-half");
    private static Solution solution;

    @BeforeAll
    static void solveBriefly() {
        // a barely trained network: errors of every size, which is what the identities must hold for
        solution = Solver.of(HALF).withModel(ModelSpec.kan(5, 3, 2, 3, 1)).withCollocation(Collocation.of(200, 20, 0))
                .withOptimizers(new OptimizerPlan(30, 1e-2, 0, 20, 0)).solve();
    }

    @Test
    void mirrored101GridEqualsTheHalfGridWithItsAxisColumnHalved() {
        ScoreGrid g = ScoreGrid.of(HALF, 101, 101);
        assertEquals("101x101 mirrored", g.label());
        assertArrayEquals(new double[] {-1, 0}, g.grid().lower());
        assertEquals(101 * 101, g.grid().size());
        // x = j/50, j = 0..50, on the half; weight 1/2 at x = 0
        double expected = halfRelativeL2(51, j -> j / 50.0, j -> j == 0 ? 0.5 : 1.0, 101);
        ErrorMetrics mirrored = g.error(solution);
        assertEquals(expected, mirrored.relativeL2(), 1e-12 * expected);
        assertTrue(expected > 1e-3, "the brief solve leaves an error to compare: " + expected);
    }

    @Test
    void mirrored256GridEqualsTheHalfGridExactlyWithoutAPointAtTheAxis() {
        ScoreGrid g = ScoreGrid.of(HALF, 256, 100);
        // the positive x of 256 points on [-1, 1]: x_i = -1 + 2 i / 255, i = 128..255
        double expected = halfRelativeL2(128, j -> -1 + 2.0 * (128 + j) / 255, j -> 1.0, 100);
        assertEquals(expected, g.error(solution).relativeL2(), 1e-12 * expected);
    }

    @Test
    void anEntryWithoutSymmetryKeepsItsBoxAndOnlyTheDeclaredAxisIsMirrored() {
        ScoreGrid g = ScoreGrid.of(Catalog.standard().entry("burgers1d"), 256, 100);
        assertEquals("256x100", g.label());
        assertArrayEquals(new double[] {-1, 0}, g.grid().lower());
        ScoreGrid own = ScoreGrid.of(HALF.withOddSymmetry("t"), 11, 11);
        assertArrayEquals(new double[] {0, -1}, own.grid().lower());
    }

    @Test
    void badCountsAreRefusedByName() {
        String m = assertThrows(IllegalArgumentException.class, () -> ScoreGrid.of(HALF, 256)).getMessage();
        assertTrue(m.contains("[256] must hold one count per coordinate, 2 here"), m);
        String box = assertThrows(IllegalArgumentException.class,
                () -> EvaluationGrid.ofBox(new double[] {0, 1}, new double[] {1, 1}, 3, 3)).getMessage();
        assertTrue(box.contains("[0.0, 1.0] - [1.0, 1.0] needs a lower corner below the upper one"), box);
    }

    /** sqrt(Σ w e² / Σ w u²) over the half grid of the given x columns and t = k / (rows - 1). */
    private static double halfRelativeL2(int columns, IntToDoubleFunction x, IntToDoubleFunction weight, int rows) {
        double[][] points = new double[columns * rows][];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < columns; j++) {
                points[k * columns + j] = new double[] {x.applyAsDouble(j), k / (rows - 1.0)};
            }
        }
        double[] predicted = solution.firstFieldAt(points);
        double[] reference = solution.problem().exact("u", points);
        double error = 0;
        double norm = 0;
        for (int n = 0; n < points.length; n++) {
            double w = weight.applyAsDouble(n % columns);
            error += w * (predicted[n] - reference[n]) * (predicted[n] - reference[n]);
            norm += w * reference[n] * reference[n];
        }
        return Math.sqrt(error / norm);
    }
}
