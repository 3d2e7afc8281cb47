package org.pikan4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pikan4j.validation.reference.BurgersReferenceTest.assertMessage;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class GridSolutionTest {

    private static GridSolution tabulate(DoubleBinaryOperator u, int nx, int nt, boolean periodic) {
        double[][] values = new double[nt][nx];
        for (int it = 0; it < nt; it++) {
            for (int ix = 0; ix < nx; ix++) {
                values[it][ix] = u.applyAsDouble(-1 + 2.0 * ix / (nx - 1), (double) it / (nt - 1));
            }
        }
        return new GridSolution(-1, 1, 0, 1, periodic, values);
    }

    @Test
    void cubicIsExactOnCubicsAndLinearOnBilinears() {
        GridSolution cubic = tabulate((x, t) -> x * x * x - 2 * x * t * t + t * t * t, 9, 6, false);
        GridSolution bilinear = tabulate((x, t) -> 3 * x - t + 2 * x * t, 9, 6, false)
                .withInterpolation(GridSolution.Interpolation.LINEAR);
        for (double x = -1; x <= 1; x += 0.0917) {
            for (double t = 0; t <= 1; t += 0.0731) {
                assertEquals(x * x * x - 2 * x * t * t + t * t * t, cubic.value(x, t), 1e-13);
                assertEquals(3 * x - t + 2 * x * t, bilinear.value(x, t), 1e-13);
            }
        }
        assertEquals(1 - 2 + 1, cubic.value(1, 1), 1e-13);
    }

    @Test
    void periodicCubicWrapsAcrossTheSeam() {
        GridSolution u = tabulate((x, t) -> Math.sin(Math.PI * x) * (1 + t), 65, 3, true);
        for (double x : new double[] {-1, -0.99, 0.995, 1}) {
            // Fourth order on h = 1/32: error about h⁴ π⁴ / 24 ≈ 4e-6.
            assertEquals(Math.sin(Math.PI * x) * 1.5, u.value(x, 0.5), 1e-5, "x=" + x);
        }
    }

    @Test
    void rejectsPointsOffTheGrid() {
        GridSolution u = tabulate((x, t) -> x, 5, 5, false);
        assertMessage("x must be in [-1.0, 1.0], got 1.5", () -> u.value(1.5, 0));
        assertMessage("t must be a number, got NaN", () -> u.value(0, Double.NaN));
    }
}
