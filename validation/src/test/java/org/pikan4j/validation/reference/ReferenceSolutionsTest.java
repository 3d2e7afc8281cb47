package org.pikan4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.dsl.Problem;

/**
 * The reference attached to burgers1d satisfies the entry's initial and boundary conditions at
 * round-off, and its PDE by finite differences away from the shock.
 */
class ReferenceSolutionsTest {

    private static final double NU = 0.01 / Math.PI;

    private final CatalogEntry burgers = Catalog.standard().entry("burgers1d");
    private final Problem attached = ReferenceSolutions.attach(burgers);

    private double u(double x, double t) {
        return attached.exact("u", new double[][] {{x, t}})[0];
    }

    @Test
    void burgersReferenceMeetsTheInitialAndBoundaryConditions() {
        for (int i = 0; i <= 40; i++) {
            double x = -1 + i / 20.0;
            assertEquals(-Math.sin(Math.PI * x), u(x, 0), 1e-14, "u(" + x + ", 0)");
            double t = i / 40.0;
            assertEquals(0, u(-1, t), 1e-12, "u(-1, " + t + ")");
            assertEquals(0, u(1, t), 1e-12, "u(1, " + t + ")");
        }
    }

    @Test
    void burgersReferenceSatisfiesThePdeAwayFromTheShock() {
        double h = 2.5e-4;
        double worst = 0;
        double size = 0;
        for (double t = 0.1; t <= 0.9; t += 0.2) {
            for (double x = 0.3; x <= 0.9; x += 0.15) {
                double ut = (u(x, t + h) - u(x, t - h)) / (2 * h);
                double ux = (u(x + h, t) - u(x - h, t)) / (2 * h);
                double uxx = (u(x + h, t) - 2 * u(x, t) + u(x - h, t)) / (h * h);
                double uux = u(x, t) * ux;
                worst = Math.max(worst, Math.abs(ut + uux - NU * uxx));
                size = Math.max(size, Math.max(Math.abs(ut), Math.abs(uux)));
            }
        }
        // central differences leave O(h²): measured 8.8e-7 relative (1.4e-5 with h = 1e-3; steep near x = 0.3, late t)
        assertTrue(size > 0.1, "terms " + size);
        assertTrue(worst < 1e-5 * size, "residual " + worst + " against terms " + size);
    }

    @Test
    void entriesWithExactSolutionsAreLeftAsTheyAre() {
        CatalogEntry poisson = Catalog.standard().entry("poisson2d");
        assertSame(poisson.problem(), ReferenceSolutions.attach(poisson));
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferenceSolutions.named("allen-cahn"));
        assertTrue(e.getMessage().contains("burgers-cole-hopf"), e.getMessage());
        ToDoubleFunction<double[]> f = ReferenceSolutions.named("burgers-cole-hopf").get("u");
        assertEquals(0, f.applyAsDouble(new double[] {0, 0.5}), 1e-12);
    }
}
