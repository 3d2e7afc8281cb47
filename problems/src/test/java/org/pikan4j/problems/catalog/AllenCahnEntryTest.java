package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.problems.dsl.Problem;

/**
 * The Allen-Cahn entries impose periodicity and the initial condition exactly: the recommended network starts
 * with the embedding of x, there is no periodic or initial term, and any parameters give u(x, 0) = x² cos πx
 * and equal values at x = -1 and x = 1.
 */
class AllenCahnEntryTest {

    @Test
    void periodicityAndInitialConditionHoldForAnyParameters() {
        for (String name : List.of("allen-cahn1d", "allen-cahn1d-d1e-4")) {
            CatalogEntry entry = Catalog.standard().entry(name);
            Problem p = entry.problem();
            assertEquals(List.of("pde"), p.termNames(), name);
            Network network = entry.recommendation().model().buildFor(p);
            assertEquals(PeriodicEmbedding.of(2).withPeriod(0, 2.0), network.layers().get(0), name);
            double[] theta = network.initialParameters(9);
            double[][] points = {{-0.7, 0.0}, {0.3, 0.0}, {-1.0, 0.4}, {1.0, 0.4}, {-1.0, 0.9}, {1.0, 0.9}};
            double[] u = p.fieldValues(network, new JvmBackend(), theta, points)[0];
            for (int n = 0; n < 2; n++) {
                double x = points[n][0];
                assertEquals(x * x * Math.cos(PI * x), u[n], 1e-15, name + " u(x, 0)");
            }
            for (int n = 2; n < points.length; n += 2) {
                assertEquals(u[n], u[n + 1], 1e-14, name + " u(-1, t) = u(1, t)");
            }
            double initialOnly = Math.cos(PI) * Math.exp(-PeriodicEntries.KINK_DECAY * points[4][1]);
            assertTrue(Math.abs(u[4] - initialOnly) > 1e-4, name + ": the network must contribute at t > 0");
        }
    }

    @Test
    void theLiftingCarriesNoKinkAcrossThePeriodicBoundary() {
        // u0 = x² cos πx has slope -2 at x = 1 and +2 at x = -1; the true solution rounds that kink at once, and so
        // does the lifting: with its rounding the slopes at both ends agree (without it they differ by 4 e^(-10t))
        for (String name : List.of("allen-cahn1d", "allen-cahn1d-d1e-4")) {
            CatalogEntry entry = Catalog.standard().entry(name);
            Problem p = entry.problem();
            Network network = entry.recommendation().model().buildFor(p);
            double[] theta = network.initialParameters(4);
            double h = 1e-6;
            for (double t : new double[] {1e-3, 0.05, 0.4}) {
                double[][] points = {{1 + h, t}, {1 - h, t}, {-1 + h, t}, {-1 - h, t}};
                double[] u = p.fieldValues(network, new JvmBackend(), theta, points)[0];
                double right = (u[0] - u[1]) / (2 * h);
                double left = (u[2] - u[3]) / (2 * h);
                // central differences: O(h²) truncation and ~1e-10 rounding
                assertEquals(right, left, 1e-7, name + " u_x(1, t) = u_x(-1, t) at t = " + t);
            }
        }
    }

    @Test
    void buildForRefusesAModelWhoseFirstWidthIsNotTheCoordinates() {
        Problem p = Catalog.standard().entry("allen-cahn1d").problem();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.kan(5, 3, 3, 4, 1).buildFor(p));
        assertTrue(e.getMessage().contains("first width must be the number of coordinates"), e.getMessage());
    }
}
