package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link KnotVector#ofKnots} rebuilds any knot vector exactly from its knots and refuses invalid knots. */
class KnotVectorOfKnotsTest {

    @Test
    void rebuildsUniformNonUniformAndRefinedVectorsExactly() {
        KnotVector[] vectors = {
            KnotVector.uniform(5, 3, -1.0, 1.0),
            KnotVector.of(new double[] {0.0, 0.1, 0.5, 2.0}, 2),
            KnotVector.uniform(4, 3, -1.0, 1.0).withGridPoint(0.9).withGridPoint(-0.2),
        };
        for (KnotVector v : vectors) {
            assertEquals(v, KnotVector.ofKnots(v.knots(), v.degree()), v.toString());
        }
    }

    @Test
    void refusesTooFewOrUnorderedKnots() {
        assertThrows(IllegalArgumentException.class, () -> KnotVector.ofKnots(null, 1));
        assertThrows(IllegalArgumentException.class, () -> KnotVector.ofKnots(new double[] {0, 1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> KnotVector.ofKnots(new double[] {0, 1, 1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> KnotVector.ofKnots(new double[] {0, 1, 2, Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> KnotVector.ofKnots(new double[] {0, 1, 2, 3}, 0));
    }
}
