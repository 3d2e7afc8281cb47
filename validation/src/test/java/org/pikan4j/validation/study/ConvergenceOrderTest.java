package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fitted order and where the approximation-limited range stops, on errors made to measure. */
class ConvergenceOrderTest {

    private static final double[] G = {2, 3, 5, 10, 20, 40};

    @Test
    void exactPowerLawGivesItsOrderOverEveryGrid() {
        double[] e = new double[G.length];
        for (int i = 0; i < G.length; i++) {
            e[i] = 0.7 * Math.pow(G[i], -4);
        }
        ConvergenceOrder o = ConvergenceOrder.fit(G, e);
        assertEquals(4.0, o.order(), 1e-12);
        assertEquals(0.7, o.constant(), 1e-12);
        assertFalse(o.stopped());
        assertEquals(G.length - 1, o.last());
        assertTrue(o.describe().contains("order 4.00 over G = 2..40 (all grid sizes); local rates 4.00, 4.00, 4.00,"
                + " 4.00, 4.00"), o.describe());
    }

    @Test
    void rangeStopsWhereTheErrorLevelsOffAtAFloor() {
        // G^-4 until it meets a floor of 5e-6 (between G = 20 and 40): the step to 40 has rate 0.43
        double[] e = new double[G.length];
        for (int i = 0; i < G.length; i++) {
            e[i] = Math.max(Math.pow(G[i], -4), 5e-6) * (i == G.length - 1 ? 0.93 : 1);
        }
        ConvergenceOrder o = ConvergenceOrder.fit(G, e);
        assertEquals(4.0, o.order(), 1e-12);
        assertEquals(20, o.lastGrid());
        assertTrue(o.stopped());
        assertEquals(-Math.log(0.93 * 5e-6 / Math.pow(20, -4)) / Math.log(2), o.rateAfter(), 1e-12);
        assertTrue(o.describe().contains("stops at G = 20 (to G = 40 the error fell at rate"), o.describe());
    }

    @Test
    void aGrowingErrorEndsTheRangeAndIsCalledSo() {
        double[] e = {1e-2, 1e-3, 2e-3};
        ConvergenceOrder o = ConvergenceOrder.fit(new double[] {2, 4, 8}, e);
        assertEquals(Math.log(10) / Math.log(2), o.order(), 1e-12);
        assertEquals(1, o.last());
        assertTrue(o.describe().contains("the error grew at rate 1.00); local rates 3.32, -1.00"), o.describe());
    }

    @Test
    void stepsAtHalfTheOrderStayInTheRange() {
        // local rates 4 then 2.5 (kept: >= 0.5 x 4) then 1.5 (dropped: < 0.5 x the refit order)
        double[] g = {1, 2, 4, 8};
        double[] e = {1, Math.pow(2, -4), Math.pow(2, -6.5), Math.pow(2, -8)};
        ConvergenceOrder o = ConvergenceOrder.fit(g, e);
        assertEquals(2, o.last());
        assertTrue(o.order() > 2.5 && o.order() < 4, o.toString());
    }

    @Test
    void rejectsTooFewPointsUnsortedGridsAndNonPositiveErrors() {
        assertThrows(IllegalArgumentException.class, () -> ConvergenceOrder.fit(new double[] {2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceOrder.fit(new double[] {4, 2}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceOrder.fit(new double[] {2, 4}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceOrder.fit(new double[] {2, 4}, new double[] {1, 2}, 0));
    }
}
