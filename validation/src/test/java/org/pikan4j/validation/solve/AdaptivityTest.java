package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pikan4j.core.refine.RefinementScheduler;
import org.pikan4j.core.refine.RefinementScheduler.Trigger;

/** The adaptivity settings build the scheduler they describe and refuse values out of range by name. */
class AdaptivityTest {

    @Test
    void theDefaultsExtendOnAPlateauWithoutGridUpdateOrKnots() {
        RefinementScheduler scheduler = Adaptivity.defaults().scheduler(10, 20);
        assertEquals(Trigger.PLATEAU, scheduler.trigger());
        assertEquals(100, scheduler.window());
        assertEquals(0.1, scheduler.threshold());
        assertArrayEquals(new int[] {10, 20}, scheduler.grids());
        assertTrue(scheduler.gridUpdate().isEmpty() && scheduler.localRefinement().isEmpty());
        assertEquals(0, scheduler.causalFront());
    }

    @Test
    void stepsKnotsGridUpdateAndFrontReachTheScheduler() {
        int[] at = {30, 60, 90};
        Adaptivity how = Adaptivity.defaults().atSteps(at).withKnotInsertion(1, 0.4).withGridUpdate(0.05)
                .withCausalFront(0.5);
        at[0] = 99;   // the settings keep their own copy
        RefinementScheduler scheduler = how.scheduler(10, 20);
        assertEquals(Trigger.STEPS, scheduler.trigger());
        assertArrayEquals(new int[] {30, 60, 90}, scheduler.steps());
        assertEquals(1, scheduler.insertionRounds());
        assertEquals(0.05, scheduler.gridUpdate().orElseThrow().gridEps());
        assertEquals(0.5, scheduler.causalFront());
        assertTrue(how.toString().startsWith("adaptive (at steps [30, 60, 90], lr x0.500 per extension, grid update"
                + " (gridEps 0.0500) before each extension, no resampling, then 1 rounds of knot insertion"),
                how.toString());
    }

    @Test
    void theIndicatorTriggerTakesItsRatioAndAnotherTriggerReplacesIt() {
        Adaptivity indicator = Adaptivity.defaults().onIndicatorRatio(3);
        assertEquals(Trigger.INDICATOR, indicator.scheduler(10).trigger());
        assertEquals(3, indicator.scheduler(10).ratio());
        Adaptivity plateau = indicator.withPlateau(50, 0.2);
        assertEquals(Trigger.PLATEAU, plateau.scheduler(10).trigger());
        assertEquals(50, plateau.scheduler(10).window());
        assertEquals(Trigger.INDICATOR, indicator.trigger(), "copies: the original keeps its trigger");
        assertFalse(plateau.toString().contains("indicator"), plateau.toString());
    }

    @Test
    void valuesOutOfRangeAreRefusedByName() {
        assertMessage("adaptivity plateauWindow must be >= 2, got 1.0",
                () -> Adaptivity.defaults().withPlateau(1, 0.1));
        assertMessage("adaptivity steps (when to refine) must be at least one step, strictly increasing and >= 1,"
                + " got []",
                () -> Adaptivity.defaults().atSteps());
        assertMessage("adaptivity steps (when to refine) must be at least one step, strictly increasing and >= 1, got"
                + " [0, 5]", () -> Adaptivity.defaults().atSteps(0, 5));
        assertMessage("adaptivity indicatorRatio must be > 1 and finite, got Infinity",
                () -> Adaptivity.defaults().onIndicatorRatio(Double.POSITIVE_INFINITY));
        assertMessage("adaptivity gridEps must be in [0, 1] (0: no grid update), got -0.1",
                () -> Adaptivity.defaults().withGridUpdate(-0.1));
        assertMessage("adaptivity learningRateFactor must be in (0, 1], got 0.0",
                () -> Adaptivity.defaults().withLearningRateFactor(0));
    }

    private static void assertMessage(String message, Runnable change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, change::run);
        assertEquals(message, e.getMessage());
    }
}
