package org.pikan4j.validation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.geometry.Disk;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;

/** The tensor Gauss-Legendre rule against integrals known in closed form. */
class BoxQuadratureTest {

    @Test
    void integratesPolynomialsExactlyOnARectangle() {
        BoxQuadrature q = BoxQuadrature.of(Rectangle.of(0, 1, -1, 2), 2, 3);
        // ∫_0^1 x^5 dx · ∫_-1^2 y^4 dy = 1/6 · 33/5; degree 5 per axis is exact with 3 nodes per piece
        double[] f = Arrays.stream(q.points()).mapToDouble(p -> Math.pow(p[0], 5) * Math.pow(p[1], 4)).toArray();
        assertEquals(33.0 / 30, q.integrate(f), 1e-14);
        assertEquals(36, q.size());
    }

    @Test
    void l2DistanceOfSinesMatchesTheClosedForm() {
        BoxQuadrature q = BoxQuadrature.of(Rectangle.of(-1, 1, -1, 1));
        double[][] x = q.points();
        double[] a = Arrays.stream(x).mapToDouble(p -> Math.sin(Math.PI * p[0]) * Math.sin(4 * Math.PI * p[1])).toArray();
        double[] zero = new double[a.length];
        // ∫∫ sin²(πx) sin²(4πy) over [-1,1]² = 1 · 1
        assertEquals(1.0, q.l2Distance(a, zero), 1e-13);
        assertEquals(128 * 128, q.size());
    }

    @Test
    void dropsNodesOutsideTheDomain() {
        // the disk's area from the indicator: first-order at the circle, 2e-3 measured with 16 x 8 nodes
        BoxQuadrature q = BoxQuadrature.of(Disk.of(0, 0, 1));
        double[] ones = new double[q.size()];
        Arrays.fill(ones, 1.0);
        assertEquals(Math.PI, q.integrate(ones), 1e-2);
    }

    @Test
    void oneDimensionalRuleIntegratesExponential() {
        BoxQuadrature q = BoxQuadrature.of(Interval.of(0, 2));
        double[] f = Arrays.stream(q.points()).mapToDouble(p -> Math.exp(p[0])).toArray();
        assertEquals(Math.exp(2) - 1, q.integrate(f), 1e-13);
    }

    @Test
    void rejectsBadCountsAndLengths() {
        assertThrows(IllegalArgumentException.class, () -> BoxQuadrature.of(Interval.of(0, 1), 0, 3));
        BoxQuadrature q = BoxQuadrature.of(Interval.of(0, 1), 1, 2);
        assertThrows(IllegalArgumentException.class, () -> q.integrate(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> q.l2Distance(new double[2], new double[3]));
    }
}
