package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;

class KnotInsertionTest {

    @Test
    void bisectingMarkedIntervalsKeepsTheNetworkFunction() {
        for (int[] widths : new int[][] {{2, 5, 1}, {2, 3, 3, 1}}) {
            Network coarse = RefineFixtures.kan(widths);
            double[] theta = coarse.initialParameters(13);
            int layer = widths.length - 2;   // the last KAN layer: hidden inputs, outside [-1, 1] for some points
            GridRefinement refined = KnotInsertion.bisect(coarse, theta, layer, 1, new int[] {3, 0});
            double[][] points = RefineFixtures.points(300, 2, -1.3, 1.3, 17);
            double difference = RefineFixtures.maxDifference(RefineFixtures.jets(coarse, theta, points),
                    RefineFixtures.jets(refined.network(), refined.theta(), points));
            assertTrue(difference <= 1e-10, Arrays.toString(widths) + ": max difference " + difference);
            assertTrue(refined.record().relativeChange() < 1e-13, refined.record().toString());
        }
    }

    @Test
    void theMarkedInputGetsMidpointsAndTheOthersArePaddedToTheSameCount() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        GridRefinement refined = KnotInsertion.bisect(coarse, coarse.initialParameters(2), 0, 1, new int[] {2, 4});
        KanLayer layer = (KanLayer) refined.network().layers().get(0);
        // uniform G = 5 on [-1, 1]: interval 2 is [-0.2, 0.2], interval 4 is [0.6, 1]
        double[] marked = layer.grid(1).gridPoints();
        assertEquals(8, marked.length);
        assertTrue(Arrays.stream(marked).anyMatch(g -> Math.abs(g) < 1e-15));
        assertTrue(Arrays.stream(marked).anyMatch(g -> Math.abs(g - 0.8) < 1e-15));
        assertFalse(layer.grid(1).isUniform());
        // input 0 had no marks: padded by bisecting its two longest intervals, all equal, so the first two
        double[] padded = layer.grid(0).gridPoints();
        assertEquals(-0.8, padded[1], 1e-15);
        assertEquals(-0.4, padded[3], 1e-15);
        assertEquals(7, layer.grid(0).intervals());
        assertEquals(coarse.parameterCount() + 2 * 5 * 2, refined.network().parameterCount());
        assertTrue(refined.record().changes().get(0).contains("padded with longest [0, 1]"),
                refined.record().changes().get(0));
    }

    @Test
    void inputsWithTheirOwnMarksArePaddedToTheLargestCount() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        double[] theta = coarse.initialParameters(6);
        GridRefinement refined = KnotInsertion.bisect(coarse, theta, 0,
                Map.of(0, new int[] {4}, 1, new int[] {1, 2, 3}));
        KanLayer layer = (KanLayer) refined.network().layers().get(0);
        assertEquals(8, layer.grid(0).intervals());
        assertEquals(8, layer.grid(1).intervals());
        double[][] points = RefineFixtures.points(100, 2, -1, 1, 8);
        assertTrue(RefineFixtures.maxDifference(RefineFixtures.jets(coarse, theta, points),
                RefineFixtures.jets(refined.network(), refined.theta(), points)) <= 1e-10);
    }

    @Test
    void refusesBadMarks() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        double[] theta = coarse.initialParameters(1);
        assertEquals("marked interval of input 0 must be in [0, 4], got 5", assertThrows(
                IllegalArgumentException.class, () -> KnotInsertion.bisect(coarse, theta, 0, 0, new int[] {5}))
                .getMessage());
        assertEquals("marked intervals of input 0 must be distinct, got 2 twice", assertThrows(
                IllegalArgumentException.class, () -> KnotInsertion.bisect(coarse, theta, 0, 0, new int[] {2, 2}))
                .getMessage());
        assertEquals("marked must hold at least one interval to bisect, got none", assertThrows(
                IllegalArgumentException.class, () -> KnotInsertion.bisect(coarse, theta, 0, 0, new int[0]))
                .getMessage());
        assertEquals("input must be in [0, 1], got 2", assertThrows(
                IllegalArgumentException.class, () -> KnotInsertion.bisect(coarse, theta, 0, 2, new int[] {1}))
                .getMessage());
    }
}
