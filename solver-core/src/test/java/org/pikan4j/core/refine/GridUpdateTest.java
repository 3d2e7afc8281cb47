package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;

class GridUpdateTest {

    /** Samples crowded toward the left: x = -1 + 1.2 u², y = -0.5 + u (u uniform). */
    private static double[][] skewedSamples(int count) {
        double[][] p = RefineFixtures.points(count, 2, 0, 1, 31);
        for (double[] row : p) {
            row[0] = -1 + 1.2 * row[0] * row[0];
            row[1] = -0.5 + row[1];
        }
        return p;
    }

    @Test
    void gridsMoveToTheSamplesAndTheFunctionChangesLittleThere() {
        Network network = RefineFixtures.kan(2, 5, 1);
        double[] theta = network.initialParameters(8);
        double[][] samples = skewedSamples(2000);
        GridRefinement updated = GridUpdate.defaults().update(network, theta, samples);
        KanLayer first = (KanLayer) updated.network().layers().get(0);
        double[] x = new double[samples.length];
        for (int n = 0; n < x.length; n++) {
            x[n] = samples[n][0];
        }
        Arrays.sort(x);
        double[] grid = first.grid(0).gridPoints();
        assertEquals(x[0], grid[0]);
        assertEquals(x[x.length - 1], grid[5]);
        // 98% quantile + 2% uniform: the second grid point is near the 20% quantile, x = -1 + 1.2 * 0.2^2
        assertEquals(0.98 * x[400] + 0.02 * (x[0] + (x[x.length - 1] - x[0]) / 5), grid[1], 1e-12);
        assertEquals(network.parameterCount(), updated.network().parameterCount());

        double[][][] before = RefineFixtures.jets(network, theta, samples);
        double[][][] after = RefineFixtures.jets(updated.network(), updated.theta(), samples);
        double change = 0.0;
        double size = 0.0;
        for (int n = 0; n < samples.length; n++) {
            change += Math.pow(after[n][0][0] - before[n][0][0], 2);
            size += Math.pow(before[n][0][0], 2);
        }
        double relativeOutputChange = Math.sqrt(change / size);
        System.out.printf("grid update on skewed samples: relative L2 change of the output %.3g, of the spline"
                + " parts %.3g%n", relativeOutputChange, updated.record().relativeChange());
        // measured: output 3.7e-3, spline parts 2.4e-3 (seed 8, random coefficients of half-width 0.5)
        assertTrue(relativeOutputChange < 0.02, "relative output change " + relativeOutputChange);
        assertTrue(updated.record().relativeChange() < 0.02, updated.record().toString());
        assertTrue(updated.record().relativeChange() > 1e-6, "the spaces differ, so the fit is not exact");
    }

    @Test
    void gridEpsOneGivesTheUniformGridOnTheSampleRange() {
        Network network = RefineFixtures.kan(2, 5, 1);
        double[] theta = network.initialParameters(8);
        double[][] samples = skewedSamples(500);
        GridRefinement updated = GridUpdate.defaults().withGridEps(1.0).updateLayer(network, theta, 0, samples);
        KanLayer first = (KanLayer) updated.network().layers().get(0);
        double[] grid = first.grid(1).gridPoints();
        double lo = grid[0];
        double h = (grid[5] - lo) / 5;
        for (int q = 0; q <= 5; q++) {
            assertEquals(lo + q * h, grid[q], 1e-12);
        }
        KanLayer second = (KanLayer) updated.network().layers().get(1);
        assertArrayEquals(((KanLayer) network.layers().get(1)).grid(0).gridPoints(), second.grid(0).gridPoints());
    }

    @Test
    void anInputWhoseSamplesCoincideKeepsItsGrid() {
        Network network = RefineFixtures.kan(2, 5, 1);
        double[] theta = network.initialParameters(8);
        double[][] samples = skewedSamples(100);
        for (double[] row : samples) {
            row[1] = 0.25;
        }
        GridRefinement updated = GridUpdate.defaults().updateLayer(network, theta, 0, samples);
        KanLayer first = (KanLayer) updated.network().layers().get(0);
        assertEquals(((KanLayer) network.layers().get(0)).grid(1), first.grid(1));
        assertTrue(updated.record().changes().get(0).contains("1 input(s) with coinciding samples kept their grid"));
    }

    @Test
    void refusesBadArguments() {
        Network network = RefineFixtures.kan(2, 5, 1);
        double[] theta = network.initialParameters(8);
        assertEquals("gridEps must be in (0, 1], got 0.0", assertThrows(IllegalArgumentException.class,
                () -> GridUpdate.defaults().withGridEps(0)).getMessage());
        assertEquals("samples must hold at least 2 points to place a grid, got 1", assertThrows(
                IllegalArgumentException.class,
                () -> GridUpdate.defaults().update(network, theta, new double[][] {{0, 0}})).getMessage());
        assertEquals("samples[1] must have 2 coordinates, got 1", assertThrows(IllegalArgumentException.class,
                () -> GridUpdate.defaults().update(network, theta, new double[][] {{0, 0}, {1}})).getMessage());
    }
}
