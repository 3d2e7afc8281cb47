package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Network;

class MarkingTest {

    /** Total 10: sorted 5 (1), 3 (3), 1 (4), 0.7 (5), 0.2 (2), 0.1 (0). */
    private static final double[] INDICATORS = {0.1, 5, 0.2, 3, 1, 0.7};

    @Test
    void dorflerMarksTheSmallestSetHoldingTheBulk() {
        assertArrayEquals(new int[] {1}, Marking.dorfler(0.5).mark(INDICATORS));          // 5 >= 5
        assertArrayEquals(new int[] {1, 3}, Marking.dorfler(0.51).mark(INDICATORS));      // 8 >= 5.1
        assertArrayEquals(new int[] {1, 3, 4}, Marking.dorfler(0.85).mark(INDICATORS));   // 9 >= 8.5
        assertArrayEquals(new int[] {1, 3, 4, 5}, Marking.dorfler(0.97).mark(INDICATORS)); // 9.7 >= 9.7
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, Marking.dorfler(1.0).mark(INDICATORS));
        assertArrayEquals(new int[0], Marking.dorfler(0.5).mark(new double[] {0, 0, 0}));
    }

    @Test
    void dorflerBreaksTiesByTheLowerIndex() {
        assertArrayEquals(new int[] {1}, Marking.dorfler(0.3).mark(new double[] {1, 2, 2, 1}));
        assertArrayEquals(new int[] {1, 2}, Marking.dorfler(0.6).mark(new double[] {1, 2, 2, 1}));
    }

    @Test
    void fixedFractionMarksTheLargestShare() {
        assertArrayEquals(new int[] {1, 3, 4}, Marking.fixedFraction(0.5).mark(INDICATORS));
        assertArrayEquals(new int[] {1, 3}, Marking.fixedFraction(1.0 / 3.0).mark(INDICATORS));
        assertArrayEquals(new int[] {1}, Marking.fixedFraction(0.01).mark(INDICATORS));
        assertArrayEquals(new int[] {1, 3, 4}, Marking.fixedFraction(0.3).mark(new double[] {0, 9, 0, 8, 7, 0,
                0, 0, 0, 0}));   // ceil(0.3 * 10) = 3, not 4 from 0.30000000000000004 * 10
    }

    @Test
    void refusesParametersOutsideTheUnitInterval() {
        assertEquals("theta (Dörfler bulk fraction) must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Marking.dorfler(0)).getMessage());
        assertEquals("theta (Dörfler bulk fraction) must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> Marking.dorfler(1.5)).getMessage());
        assertEquals("theta (Dörfler bulk fraction) must be in (0, 1], got NaN",
                assertThrows(IllegalArgumentException.class, () -> Marking.dorfler(Double.NaN)).getMessage());
        assertEquals("fraction (of intervals to mark) must be in (0, 1], got -0.1",
                assertThrows(IllegalArgumentException.class, () -> Marking.fixedFraction(-0.1)).getMessage());
        assertEquals("indicators[1] must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> Marking.dorfler(0.5).mark(new double[] {1, -1})).getMessage());
    }

    @Test
    void indicatorsSumSquaredResidualsPerIntervalOfTheLayerInput() {
        Network network = RefineFixtures.kan(2, 5, 1);
        double[] theta = network.initialParameters(3);
        double[][] points = RefineFixtures.points(500, 2, -1, 1, 5);
        double[] residuals = new double[points.length];
        double sum = 0.0;
        for (int n = 0; n < points.length; n++) {
            // large where x lies in grid interval 3 = [0.2, 0.6) of layer 0, input 0
            residuals[n] = points[n][0] >= 0.2 && points[n][0] < 0.6 ? 1.0 : 0.05;
            sum += residuals[n] * residuals[n];
        }
        IntervalIndicators indicators = IntervalIndicators.of(network, theta, 0, points, residuals);
        assertEquals(sum, indicators.total(0), 1e-9);
        assertEquals(sum, indicators.total(1), 1e-9);
        assertArrayEquals(new int[] {3}, Marking.dorfler(0.5).mark(indicators.values(0)));
        double[] y = indicators.values(1);
        double spread = java.util.Arrays.stream(y).max().getAsDouble() / java.util.Arrays.stream(y).min().getAsDouble();
        assertTrue(spread < 2, "input 1 (y) sees the residual spread evenly, max/min " + spread);
        IntervalIndicators hidden = IntervalIndicators.of(network, theta, 1, points, residuals);
        assertEquals(5, hidden.inputs());
        assertEquals(sum, hidden.total(4), 1e-9);
    }
}
