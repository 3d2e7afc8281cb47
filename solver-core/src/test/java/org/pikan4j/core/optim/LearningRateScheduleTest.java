package org.pikan4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    /** Schedules are closed-form expressions; 1e-15 relative to rates of order 1 allows rounding only. */
    private static final double TOL = 1e-15;

    @Test
    void constant() {
        LearningRateSchedule s = LearningRateSchedule.constant();
        assertEquals(0.01, s.rate(0, 0.01), 0.0);
        assertEquals(0.01, s.rate(123456, 0.01), 0.0);
    }

    @Test
    void exponentialDecayIsSmooth() {
        LearningRateSchedule s = LearningRateSchedule.exponentialDecay(0.5, 10);
        assertEquals(1.0, s.rate(0, 1), TOL);
        assertEquals(Math.sqrt(0.5), s.rate(5, 1), TOL);
        assertEquals(0.5, s.rate(10, 1), TOL);
        assertEquals(0.25, s.rate(20, 1), TOL);
    }

    @Test
    void stepDecayIsStaircase() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 100);
        assertEquals(2.0, s.rate(0, 2), TOL);
        assertEquals(2.0, s.rate(99, 2), TOL);
        assertEquals(0.2, s.rate(100, 2), TOL);
        assertEquals(0.02, s.rate(250, 2), TOL);
    }

    @Test
    void cosineAnnealsToMinFactor() {
        LearningRateSchedule s = LearningRateSchedule.cosine(100, 0.1);
        assertEquals(1.0, s.rate(0, 1), TOL);
        assertEquals(0.55, s.rate(50, 1), TOL);              // midpoint: 0.1 + 0.9 * 0.5
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI / 4)), s.rate(25, 1), TOL);
        assertEquals(0.1, s.rate(100, 1), TOL);
        assertEquals(0.1, s.rate(1000, 1), TOL);             // stays at the floor
    }

    @Test
    void warmupRampsThenHandsOver() {
        LearningRateSchedule s = LearningRateSchedule.warmup(4, LearningRateSchedule.stepDecay(0.5, 1));
        assertEquals(0.25, s.rate(0, 1), TOL);
        assertEquals(0.75, s.rate(2, 1), TOL);
        assertEquals(1.0, s.rate(3, 1), TOL);
        assertEquals(1.0, s.rate(4, 1), TOL);                // then.rate(0)
        assertEquals(0.5, s.rate(5, 1), TOL);                // then.rate(1)
    }
}
