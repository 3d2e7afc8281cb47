package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.problems.dsl.Problem;

/**
 * burgers1d-half is Burgers on x in [0, 1] by the odd symmetry: the full entry's reference, u(x, 0) = -sin πx and
 * u(1, t) = 0 for any parameters, u(0, t) = 0 as a soft boundary term, and it declares the symmetry.
 */
class HalfBurgersEntryTest {

    private final CatalogEntry half = Catalog.standard().entry("burgers1d-half");

    @Test
    void isTheHalfOfBurgersWithItsReferenceAndItsSymmetry() {
        Problem p = half.problem();
        assertArrayEquals(new double[] {0, 0}, p.domain().lowerBounds());
        assertArrayEquals(new double[] {1, 1}, p.domain().upperBounds());
        assertEquals(Catalog.standard().entry("burgers1d").reference(), half.reference());
        assertEquals(Optional.of("x"), half.oddIn());
        assertEquals(Optional.empty(), Catalog.standard().entry("burgers1d").oddIn());
        assertEquals(List.of("pde", "dirichlet[left]"), p.termNames());
    }

    @Test
    void initialConditionAndRightEndHoldForAnyParametersAndTheLeftEndIsLeftToTraining() {
        Problem p = half.problem();
        Network network = half.recommendation().model().buildFor(p);
        double[] theta = network.initialParameters(4);
        double[][] points = {{0.3, 0.0}, {0.8, 0.0}, {1.0, 0.4}, {1.0, 1.0}, {0.0, 0.5}};
        double[] u = p.fieldValues(network, new JvmBackend(), theta, points)[0];
        assertEquals(-Math.sin(0.3 * PI), u[0], 1e-15);
        assertEquals(-Math.sin(0.8 * PI), u[1], 1e-15);
        assertEquals(0, u[2], 1e-15);
        assertEquals(0, u[3], 1e-15);
        assertTrue(Math.abs(u[4]) > 1e-4, "u(0, t) = " + u[4] + ": the soft condition is not built in");
    }

    @Test
    void oddSymmetryNeedsAKnownCoordinateWhereTheDomainStartsAtZero() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> half.withOddSymmetry("y")).getMessage();
        assertTrue(unknown.contains("\"y\" is not one of [x, t]"), unknown);
        CatalogEntry full = Catalog.standard().entry("burgers1d");
        String notHalf = assertThrows(IllegalArgumentException.class, () -> full.withOddSymmetry("x")).getMessage();
        assertTrue(notHalf.contains("needs the half domain x >= 0") && notHalf.contains("starts at x = -1.0"),
                notHalf);
    }
}
