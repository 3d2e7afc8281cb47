package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;

/** A continuation's factor per level, each level's discretization, levels by Adam step, and the refusals. */
class ContinuationTest {

    private static final Problem BURGERS = Catalog.standard().entry("burgers1d").problem();

    @Test
    void eachLevelGetsItsFactorAndTheLevelsAfterTheListGetTheProblemItself() {
        Continuation c = Continuation.of("nu", 5, 2.2);
        assertEquals(5, c.factor(0), 0.0);
        assertEquals(2.2, c.factor(1), 0.0);
        assertEquals(1, c.factor(2), 0.0);
        assertArrayEquals(new double[] {5, 2.2}, c.factors(), 0.0);
        Discretization base = BURGERS.discretize(Collocation.of(50, 0, 0));
        double nu = BURGERS.parameter("nu");
        assertEquals(5 * nu, c.at(base, 0).problem().parameter("nu"), 0.0);
        assertEquals(2.2 * nu, c.at(base, 1).problem().parameter("nu"), 0.0);
        assertSame(base, c.at(base, 2));
        assertEquals("nu x5.00, x2.20 on the first grids", c.toString());
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsValid() {
        assertTrue(message(() -> Continuation.of(" ", 5)).contains("must be a parameter's name, got \" \""));
        assertTrue(message(() -> Continuation.of("nu")).contains("needs at least one factor"));
        assertTrue(message(() -> Continuation.of("nu", 5, 0)).contains("must be finite and > 0, got [5.0, 0.0]"));
        assertTrue(message(() -> Continuation.of("nu", Double.NaN)).contains("got [NaN]"));
        assertTrue(message(() -> Continuation.of("nu", Double.POSITIVE_INFINITY)).contains("got [Infinity]"));
        String unknown = message(() -> Continuation.of("mu", 5).check(BURGERS, 2));
        assertTrue(unknown.contains("\"mu\" is not a parameter of problem \"burgers1d\"; its parameters are [nu]"),
                unknown);
        // two factors for two extensions: G = 5 and 10 scaled, the last grid the problem itself
        Continuation.of("nu", 5, 2).check(BURGERS, 2);
        String lastGrid = message(() -> Continuation.of("nu", 5, 2, 1.5).check(BURGERS, 2));
        assertTrue(lastGrid.contains("lists 3 factors [5.0, 2.0, 1.5], but the grid schedule has 2 extension(s):"
                + " give at most 2"), lastGrid);
    }

    @Test
    void levelsByAdamStepsEndWhereTheStepsSay() {
        Continuation grids = Continuation.of("nu", 5, 2.2);
        Continuation steps = grids.untilAdamSteps(280, 450);
        assertFalse(grids.byAdamSteps());
        assertTrue(steps.byAdamSteps());
        assertEquals(280, steps.adamStep(0));
        assertEquals(450, steps.adamStep(1));
        assertArrayEquals(grids.factors(), steps.factors(), 0.0);
        assertEquals("nu x5.00, x2.20 until Adam steps 280, 450", steps.toString());
        assertEquals("nu = 0.0159155 (5.00 x 0.00318310) until Adam step 280", steps.describe(BURGERS, 0));
        assertEquals("nu = 0.00318310 (1.00 x 0.00318310) from Adam step 450, the problem itself",
                steps.describe(BURGERS, 2));
        assertEquals("nu = 0.00700282 (2.20 x 0.00318310) on grid level 1", grids.describe(BURGERS, 1));
        assertThrows(IllegalStateException.class, () -> grids.adamStep(0));
        assertTrue(message(() -> steps.adamStep(2)).contains("level must be in [0, 2) for the continuation of \"nu\","
                + " got 2"));
        steps.checkSteps(BURGERS, 451);
    }

    @Test
    void badAdamStepsAreRefusedWithWhatIsValid() {
        Continuation c = Continuation.of("nu", 5, 2.2);
        assertTrue(message(() -> c.untilAdamSteps(280)).contains("has 2 factor(s) [5.0, 2.2] and needs as many Adam"
                + " steps to end their levels at, got [280]"));
        assertTrue(message(() -> c.untilAdamSteps(0, 10)).contains("must be >= 1 and strictly increasing, got [0,"
                + " 10]"));
        assertTrue(message(() -> c.untilAdamSteps(300, 300)).contains("got [300, 300]"));
        String late = message(() -> c.untilAdamSteps(280, 450).checkSteps(BURGERS, 450));
        assertTrue(late.contains("ends its last level at Adam step 450, but the plan has 450 Adam steps"), late);
        String grids = message(() -> c.checkSteps(BURGERS, 1000));
        assertTrue(grids.contains("changes level at grid extensions, but this is the continuation by Adam steps"),
                grids);
        String adaptive = message(() -> c.untilAdamSteps(280, 450).check(BURGERS, 2));
        assertTrue(adaptive.contains("but an adaptivity's continuation changes level at grid extensions"), adaptive);
        String unknown = message(() -> Continuation.of("mu", 5).untilAdamSteps(10).checkSteps(BURGERS, 100));
        assertTrue(unknown.contains("\"mu\" is not a parameter of problem \"burgers1d\""), unknown);
    }

    private static String message(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }
}
