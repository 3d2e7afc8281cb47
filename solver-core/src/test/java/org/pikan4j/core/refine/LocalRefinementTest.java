package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;

class LocalRefinementTest {

    /** Residuals of a steep bump at x = 0.35 (width 0.03), as at a shock: nothing else is wrong. */
    private static double[] bump(double[][] points) {
        return Arrays.stream(points).mapToDouble(p -> Math.exp(-Math.pow((p[0] - 0.35) / 0.03, 2))).toArray();
    }

    @Test
    void knotsLandWhereTheResidualConcentrates() {
        Network coarse = RefineFixtures.kan(2, 3, 1);
        double[] theta = coarse.initialParameters(4);
        double[][] points = RefineFixtures.points(4000, 2, -1, 1, 8);
        GridRefinement refined = LocalRefinement.dorfler(0.5).refine(coarse, theta, points, bump(points))
                .orElseThrow();

        KanLayer before = (KanLayer) coarse.layers().get(0);
        KanLayer after = (KanLayer) refined.network().layers().get(0);
        // G = 5 on [-1, 1]: the bump lies in interval 3, [0.2, 0.6]; x's only marked interval, bisected at 0.4
        assertTrue(refined.record().changes().get(0).contains("input 0: G 5 -> " + after.grid(0).intervals()
                + ", bisected [3]"), refined.record().changes().get(0));
        assertTrue(Arrays.stream(after.grid(0).gridPoints()).anyMatch(g -> Math.abs(g - 0.4) < 1e-12));
        // y sees the bump's residual spread over all intervals: Dörfler marks several, cut to the cap of 4 per
        // input; x is padded to the same count with its longest (unmarked) intervals
        assertTrue(after.grid(1).intervals() > 5 && after.grid(1).intervals() <= 9, after.grid(1).toString());
        assertEquals(after.grid(1).intervals(), after.grid(0).intervals());
        assertEquals("knot insertion", refined.record().operation());
        // only the first KAN layer is refined by default
        assertEquals(((KanLayer) coarse.layers().get(1)).grid(0), ((KanLayer) refined.network().layers().get(1))
                .grid(0));
    }

    @Test
    void refinementOfAllLayersKeepsTheNetworkFunction() {
        Network coarse = RefineFixtures.kan(2, 3, 3, 1);
        double[] theta = coarse.initialParameters(12);
        double[][] points = RefineFixtures.points(500, 2, -1, 1, 3);
        GridRefinement refined = LocalRefinement.dorfler(0.3).onAllKanLayers().withMaxPerInput(2)
                .refine(coarse, theta, points, bump(points)).orElseThrow();
        for (int l = 0; l < 3; l++) {
            int g = ((KanLayer) refined.network().layers().get(l)).grid(0).intervals();
            assertTrue(g == 6 || g == 7, "layer " + l + ": G 5 -> " + g + ", at most 2 new intervals per round");
        }
        double[][] probe = RefineFixtures.points(300, 2, -1.2, 1.2, 5);
        double difference = RefineFixtures.maxDifference(RefineFixtures.jets(coarse, theta, probe),
                RefineFixtures.jets(refined.network(), refined.theta(), probe));
        assertTrue(difference <= 1e-10, "max difference " + difference);
    }

    @Test
    void aPeakOnAKnotBisectsBothIntervalsNextToIt() {
        Network coarse = RefineFixtures.kan(2, 3, 1);
        double[] theta = coarse.initialParameters(4);
        double[][] points = RefineFixtures.points(4000, 2, -1, 1, 8);
        // a bump just right of the knot x = 0.2 (G = 5 on [-1, 1]): 60% of it in interval 3, 40% in interval 2
        double[] residuals = Arrays.stream(points).mapToDouble(p -> Math.exp(-Math.pow((p[0] - 0.204) / 0.03, 2)))
                .toArray();
        LocalRefinement oneSided = LocalRefinement.dorfler(0.5);
        String plain = oneSided.refine(coarse, theta, points, residuals).orElseThrow().record().changes().get(0);
        assertTrue(plain.contains("bisected [3]"), plain);
        String both = oneSided.withPeakNeighbours(0.25).refine(coarse, theta, points, residuals).orElseThrow()
                .record().changes().get(0);
        assertTrue(both.contains("bisected [2, 3]"), both);
        // the bump at 0.35 peaks mid-interval: no neighbour
        String inside = oneSided.withPeakNeighbours(0.25).refine(coarse, theta, points, bump(points)).orElseThrow()
                .record().changes().get(0);
        assertTrue(inside.contains("bisected [3]"), inside);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> oneSided.withPeakNeighbours(0.6));
        assertTrue(e.getMessage().contains("[0, 0.5], got 0.6"), e.getMessage());
    }

    @Test
    void indicatorsKeepEachIntervalsPeak() {
        Network coarse = RefineFixtures.kan(1, 1);
        double[] theta = coarse.initialParameters(1);
        double[][] points = {{-0.9}, {-0.7}, {0.1}, {0.3}, {0.5}};
        IntervalIndicators indicators = IntervalIndicators.of(coarse, theta, 0, points,
                new double[] {1, -3, 2, -2, 0.5});
        // G = 5 on [-1, 1]: intervals [-1, -0.6], [-0.6, -0.2], [-0.2, 0.2], [0.2, 0.6], [0.6, 1]
        assertArrayEquals(new double[] {10, 0, 4, 4.25, 0}, indicators.values(0), 1e-15);
        double[] peaks = indicators.peaks(0);
        assertEquals(-0.7, peaks[0]);
        assertEquals(0.1, peaks[2]);
        assertEquals(0.3, peaks[3]);
        assertTrue(Double.isNaN(peaks[1]) && Double.isNaN(peaks[4]));
    }

    @Test
    void zeroResidualsMarkNothing() {
        Network coarse = RefineFixtures.kan(2, 3, 1);
        double[][] points = RefineFixtures.points(50, 2, -1, 1, 1);
        assertEquals(Optional.empty(), LocalRefinement.dorfler(0.5)
                .refine(coarse, coarse.initialParameters(1), points, new double[50]));
    }

    @Test
    void markingKeepsTheLargestIndicatorsUpToTheCap() {
        LocalRefinement local = LocalRefinement.dorfler(1.0).withMaxPerInput(2);
        assertArrayEquals(new int[] {1, 3}, local.mark(new double[] {1, 5, 2, 4}));
        assertArrayEquals(new int[] {1}, LocalRefinement.dorfler(0.5).mark(new double[] {1, 8, 1, 1}));
        assertArrayEquals(new int[0], local.mark(new double[4]));
    }

    @Test
    void scheduledInsertionAfterTheGridScheduleKeepsTheFunction() {
        Network network = RefineFixtures.kan(1, 4, 1);
        double[][] probePoints = RefineFixtures.points(200, 1, -1, 1, 9);
        List<double[]> seen = new ArrayList<>();
        ErrorProbe recordValues = (net, theta) -> {
            seen.add(RefineFixtures.values(net, theta, probePoints));
            return 0.0;
        };
        RefinedTrainingResult result = RefinedTraining.of(RefineFixtures::sinePoisson1d,
                        Adam.steps(30).withLearningRate(1e-2),
                        RefinementScheduler.extend(10).atSteps(10, 20)
                                .thenInsertKnots(LocalRefinement.dorfler(0.5), 1))
                .withErrorProbe(recordValues).run(network, network.initialParameters(3));

        assertEquals(List.of("grid extension", "knot insertion"),
                result.refinements().stream().map(e -> e.record().operation()).toList());
        RefinementEvent insertion = result.refinements().get(1);
        assertTrue(insertion.record().after() > insertion.record().before(), insertion.record().toString());
        assertEquals(insertion.lossBefore(), insertion.lossAfter(), 1e-10 * insertion.lossBefore());
        for (int k = 0; k < 4; k += 2) {
            double max = 0.0;
            for (int n = 0; n < probePoints.length; n++) {
                max = Math.max(max, Math.abs(seen.get(k)[n] - seen.get(k + 1)[n]));
            }
            assertTrue(max <= 1e-10, "refinement " + k / 2 + " changed the function by " + max);
        }
        assertTrue(result.history().events().stream().anyMatch(e -> e.description().startsWith("knot insertion")));
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalRefinement.dorfler(0))
                .getMessage().contains("theta"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalRefinement.dorfler(1.5))
                .getMessage().contains("(0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalRefinement.dorfler(0.5).withMaxPerInput(0)).getMessage().contains("maxPerInput"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RefinementScheduler.extend(5).thenInsertKnots(LocalRefinement.dorfler(0.5), 0))
                .getMessage().contains("rounds"));
    }
}
