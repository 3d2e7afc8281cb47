package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;

/** A continuation's factor per grid level, the discretization it gives each level, and its refusals. */
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

    private static String message(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }
}
