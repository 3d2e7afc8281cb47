package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;

/** The trigger logic on synthetic loss sequences, the configuration checks, and the scheduled extension. */
class RefinementSchedulerTest {

    @Test
    void fixedStepTriggerFiresExactlyAtTheListedSteps() {
        RefinementMonitor monitor = RefinementScheduler.extend(5, 10, 20, 40).atSteps(3, 7, 50).monitor();
        List<Integer> fired = new ArrayList<>();
        for (int step = 1; step <= 100; step++) {
            monitor.observe(step, 1.0 / step);
            if (monitor.due(step, null)) {
                fired.add(step);
                monitor.refined(step);
            }
        }
        assertEquals(List.of(3, 7, 50), fired);
        assertEquals(3, monitor.refinements());
    }

    @Test
    void plateauTriggerFiresWhenTheLossStallsAndWaitsTheGapAfterARefinement() {
        // the loss halves every 10 steps until step 40, then stays at 1/16; after the refinement at the
        // plateau it halves again for 30 steps and stalls once more
        RefinementMonitor monitor = RefinementScheduler.extend(5, 10, 20).onPlateau(10, 0.05).withMinimumGap(25)
                .monitor();
        List<Integer> fired = new ArrayList<>();
        for (int step = 1; step <= 150; step++) {
            double loss;
            if (fired.isEmpty()) {
                loss = Math.pow(0.5, Math.min(step, 40) / 10.0);
            } else {
                int since = step - fired.get(0);   // the second phase counts from the first refinement
                loss = Math.pow(0.5, 4 + Math.min(since, 30) / 10.0);
            }
            monitor.observe(step, loss);
            if (monitor.due(step, null)) {
                fired.add(step);
                monitor.refined(step);
            }
        }
        // first: the window [40, 50] is flat, decrease 0 < 0.05 (at step 49 the window [39, 49] still fell by
        // 1 - 0.5^0.1 = 0.067); second: the new window fills at step 61 but the loss falls until step 80, and the
        // window [80, 90] is flat; then the loss stays flat, so the trigger fires every minimum gap (25 steps)
        assertEquals(List.of(50, 90, 115, 140), fired);
    }

    @Test
    void plateauNeedsAFullWindowAndTheMinimumGap() {
        RefinementMonitor monitor = RefinementScheduler.extend(5, 10).onPlateau(4, 0.5).withMinimumGap(8).monitor();
        for (int step = 1; step <= 7; step++) {
            monitor.observe(step, 1.0);
            assertFalse(monitor.due(step, null), "step " + step + ": within the minimum gap");
        }
        monitor.observe(8, 1.0);
        assertTrue(monitor.due(8, null));
        assertEquals(0.0, monitor.relativeDecrease());
        monitor.refined(8);
        assertTrue(Double.isNaN(monitor.relativeDecrease()), "the window starts over after a refinement");
    }

    @Test
    void indicatorTriggerChecksEveryIntervalAfterTheGap() {
        RefinementMonitor monitor = RefinementScheduler.extend(5, 10).onIndicatorRatio(3.0).withIndicatorEvery(10)
                .withMinimumGap(20).monitor();
        int[] calls = {0};
        List<Integer> fired = new ArrayList<>();
        for (int step = 1; step <= 60; step++) {
            monitor.observe(step, 1.0);
            int s = step;
            if (monitor.due(step, () -> {
                calls[0]++;
                return s >= 40 ? 3.5 : 2.0;
            })) {
                fired.add(step);
            }
        }
        assertEquals(List.of(40, 50, 60), fired);
        assertEquals(5, calls[0], "checked at steps 20, 30, 40, 50, 60 only");
    }

    @Test
    void nextGridFollowsTheSchedule() {
        RefinementScheduler s = RefinementScheduler.extend(5, 10, 20);
        assertEquals(10, s.nextGrid(5));
        assertEquals(5, s.nextGrid(3));
        assertEquals(20, s.nextGrid(12));
        assertEquals(-1, s.nextGrid(20));
        assertArrayEquals(new int[] {5, 10, 20}, s.grids());
        assertEquals(RefinementScheduler.Trigger.PLATEAU, s.trigger());
    }

    @Test
    void badConfigurationIsRefusedWithSpecificMessages() {
        assertEquals("grids (the grid schedule) must hold at least one grid size, got none",
                refused(() -> RefinementScheduler.extend()));
        assertEquals("grids (the grid schedule) must be strictly increasing, got [5, 10, 10]",
                refused(() -> RefinementScheduler.extend(5, 10, 10)));
        assertEquals("grids (the grid schedule) must be strictly increasing, got [10, 5]",
                refused(() -> RefinementScheduler.extend(10, 5)));
        assertEquals("grids must be >= 1, got [0, 5]", refused(() -> RefinementScheduler.extend(0, 5)));
        RefinementScheduler s = RefinementScheduler.extend(5, 10);
        assertEquals("window (plateau steps) must be >= 2, got 1", refused(() -> s.onPlateau(1, 0.1)));
        assertEquals("threshold (relative loss decrease over the window) must be in (0, 1), got 1.0",
                refused(() -> s.onPlateau(10, 1.0)));
        assertEquals("threshold (relative loss decrease over the window) must be in (0, 1), got 0.0",
                refused(() -> s.onPlateau(10, 0.0)));
        assertEquals("threshold (relative loss decrease over the window) must be in (0, 1), got NaN",
                refused(() -> s.onPlateau(10, Double.NaN)));
        assertEquals("steps (when to refine) must hold at least one step, got none", refused(() -> s.atSteps()));
        assertEquals("steps (when to refine) must be strictly increasing and >= 1, got [10, 10]",
                refused(() -> s.atSteps(10, 10)));
        assertEquals("ratio (max interval indicator / mean) must be finite and > 1, got 1.0",
                refused(() -> s.onIndicatorRatio(1.0)));
        assertEquals("minimumGap (steps between refinements) must be >= 1, got 0", refused(() -> s.withMinimumGap(0)));
    }

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aGridUpdateBeforeAnExtensionMovesTheKnotsToTheInputsAndTheExtensionSplitsThem() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).noise(0.5).build();
        double[] theta = network.initialParameters(7);
        PinnLoss loss = RefineFixtures.sinePoisson1d(network);
        GridRefinement refined = RefinementScheduler.extend(3, 6).withGridUpdate(GridUpdate.defaults())
                .extension(network, theta, loss);

        // the hidden layer's first grid now spans its inputs on the loss's 34 points (those of the network whose
        // first layer is already updated: layers move input side first), its intervals halved
        GridRefinement firstLayer = GridUpdate.defaults().updateLayer(network, theta, 0, loss.points());
        double[] inputs = LayerInputs.of(firstLayer.network(), firstLayer.theta(), loss.points()).column(1, 0);
        double[] grid = ((KanLayer) refined.network().layers().get(1)).grid(0).gridPoints();
        assertEquals(6 + 1, grid.length);
        assertEquals(Arrays.stream(inputs).min().orElseThrow(), grid[0], 1e-12);
        assertEquals(Arrays.stream(inputs).max().orElseThrow(), grid[6], 1e-12);
        for (int j = 1; j < grid.length; j += 2) {
            assertEquals((grid[j - 1] + grid[j + 1]) / 2, grid[j], 1e-12, "grid point " + j + " splits its interval");
        }
        double[] spacing = new double[3];
        Arrays.setAll(spacing, j -> grid[2 * j + 2] - grid[2 * j]);
        assertTrue(Arrays.stream(spacing).max().orElseThrow() > 1.01 * Arrays.stream(spacing).min().orElseThrow(),
                "the updated grid follows the inputs' quantiles, not a uniform grid: " + Arrays.toString(grid));

        // one map from the old parameters to the new ones, and one record of both steps
        assertArrayEquals(refined.theta(), refined.transfer().apply(theta), 1e-12);
        assertEquals("grid extension", refined.record().operation());
        assertTrue(refined.record().changes().get(0).contains("knots moved toward 34 samples"),
                refined.record().changes().toString());
        assertTrue(refined.record().changes().stream().anyMatch(c -> c.contains("G 3 -> 6")),
                refined.record().changes().toString());
        // the refit changes the function a little (the extension itself is exact)
        double[] before = RefineFixtures.values(network, theta, loss.points());
        double[] after = RefineFixtures.values(refined.network(), refined.theta(), loss.points());
        double change = 0;
        double size = 0;
        for (int n = 0; n < before.length; n++) {
            change += (after[n] - before[n]) * (after[n] - before[n]);
            size += before[n] * before[n];
        }
        System.out.printf("grid update then extension 3 -> 6: relative output change %.3g, record %s%n",
                Math.sqrt(change / size), refined.record());
        assertTrue(Math.sqrt(change / size) < 0.02, "relative output change " + Math.sqrt(change / size));
        assertTrue(refined.record().relativeChange() > 1e-8, refined.record().toString());
    }

    @Test
    void withoutAGridUpdateTheExtensionIsThePlainOneAndAUsedUpScheduleIsRefused() {
        Network network = Kan.widths(1, 5, 1).grid(3).degree(3).noise(0.5).build();
        double[] theta = network.initialParameters(7);
        PinnLoss loss = RefineFixtures.sinePoisson1d(network);
        RefinementScheduler scheduler = RefinementScheduler.extend(3, 6);
        assertArrayEquals(GridExtension.extend(network, theta, 6).theta(),
                scheduler.extension(network, theta, loss).theta());
        Network fine = scheduler.extension(network, theta, loss).network();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scheduler.extension(fine,
                fine.initialParameters(1), RefineFixtures.sinePoisson1d(fine)));
        assertEquals("the grid schedule [3, 6] is used up: no grid extension left", e.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> scheduler.refinement(fine,
                fine.initialParameters(1), RefineFixtures.sinePoisson1d(fine)));
        assertEquals("the grid schedule [3, 6] is used up and no knot insertion follows it: no refinement left",
                none.getMessage());
        assertArrayEquals(GridExtension.extend(network, theta, 6).theta(),
                scheduler.refinement(network, theta, loss).orElseThrow().theta());
        assertThrows(IllegalArgumentException.class, () -> scheduler.withGridUpdate(null));
    }
}
