package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertAllStrictlyInside;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertValidBoundary;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertVector;

import org.junit.jupiter.api.Test;

class CsgTest {

    private static final PointSampler SOBOL = PointSampler.sobol();
    private static final Rectangle A = Rectangle.of(0, 2, 0, 1);
    private static final Rectangle B = Rectangle.of(1, 3, 0, 1);
    /** only in A, in both, only in B, in neither, on A's right edge inside B, on B's left edge inside A. */
    private static final double[][] PROBES = {{0.5, 0.5}, {1.5, 0.5}, {2.5, 0.5}, {3.5, 0.5}, {2, 0.5}, {1, 0.5}};

    @Test
    void unionContainsPointsOfEitherOperand() {
        assertArrayEquals(new boolean[] {true, true, true, false, true, true}, A.union(B).contains(PROBES));
    }

    @Test
    void intersectionContainsPointsOfBothOperands() {
        assertArrayEquals(new boolean[] {false, true, false, false, true, true}, A.intersection(B).contains(PROBES));
    }

    @Test
    void differenceIsClosedAndKeepsTheCutEdge() {
        assertArrayEquals(new boolean[] {true, false, false, false, false, true}, A.difference(B).contains(PROBES));
    }

    @Test
    void lShapeByDifferenceHasOutwardNormalsOnTheReentrantEdges() {
        Domain l = Rectangle.of(0, 2, 0, 2).difference(Rectangle.of(1, 3, 1, 3));
        assertEquals(3, l.measure(), 1e-2);
        double[][] inside = l.sampleInterior(400, SOBOL);
        assertEquals(400, inside.length);
        assertAllStrictlyInside(l, inside);
        BoundarySample boundary = l.sampleBoundary(800, SOBOL);
        assertValidBoundary(l, boundary);
        int reentrant = 0;
        for (int i = 0; i < boundary.size(); i++) {
            double[] p = boundary.point(i);
            assertFalse(p[0] > 1 + 1e-9 && p[1] > 1 + 1e-9, "point in the removed corner");
            if (p[0] == 1 && p[1] > 1) {
                assertVector(new double[] {1, 0}, boundary.normal(i), "normal on re-entrant edge x = 1");
                reentrant++;
            }
            if (p[1] == 1 && p[0] > 1) {
                assertVector(new double[] {0, 1}, boundary.normal(i), "normal on re-entrant edge y = 1");
                reentrant++;
            }
        }
        // the re-entrant edges are 2 of the total boundary length 8
        assertEquals(200, reentrant, 3);
    }

    @Test
    void holeBoundaryNormalsPointIntoTheHole() {
        Domain plate = Rectangle.of(-1, 1, -1, 1).difference(Disk.of(0, 0, 0.5).withPiecePrefix("hole"));
        BoundarySample boundary = plate.sampleBoundary(500, SOBOL);
        assertValidBoundary(plate, boundary);
        BoundarySample hole = boundary.select("hole.circle");
        double perimeter = 8 + Math.PI;
        assertEquals(500 * Math.PI / perimeter, hole.size(), 2);
        for (int i = 0; i < hole.size(); i++) {
            double[] p = hole.point(i);
            assertVector(new double[] {-p[0] / 0.5, -p[1] / 0.5}, hole.normal(i), "hole normal");
        }
        assertAllStrictlyInside(plate, plate.sampleInterior(300, SOBOL));
    }

    @Test
    void unionDoesNotSampleTheInternalInterfaceNorSharedEdgesTwice() {
        Domain union = A.union(B);
        BoundarySample boundary = union.sampleBoundary(1000, SOBOL);
        assertValidBoundary(union, boundary);
        assertEquals(1000, boundary.size());
        for (int i = 0; i < boundary.size(); i++) {
            double x = boundary.point(i)[0];
            assertTrue(x <= 0 || x >= 3 || boundary.point(i)[1] == 0 || boundary.point(i)[1] == 1,
                    "interior point " + x + " sampled as boundary");
        }
        // perimeter 8: bottom and top are 3 long each, shared part covered once
        int bottom = boundary.select(BoundarySelector.onPlane("y", 0)).size();
        assertEquals(375, bottom, 3);
    }

    @Test
    void intersectionOfOverlappingDisksIsALens() {
        Domain lens = Disk.of(-0.5, 0, 1).intersection(Disk.of(0.5, 0, 1));
        double expectedArea = 2 * Math.acos(0.5) - 0.5 * Math.sqrt(3);
        assertEquals(expectedArea, lens.measure(), 1e-2);
        assertAllStrictlyInside(lens, lens.sampleInterior(200, SOBOL));
        assertValidBoundary(lens, lens.sampleBoundary(200, SOBOL));
    }

    @Test
    void nestedOperationsCompose() {
        Domain shape = Rectangle.of(0, 4, 0, 1).union(Rectangle.of(1, 2, 0, 3)).difference(Disk.of(1.5, 0.5, 0.25));
        assertTrue(shape.contains(new double[] {1.5, 2.5}));
        assertFalse(shape.contains(new double[] {1.5, 0.5}));
        assertValidBoundary(shape, shape.sampleBoundary(400, PointSampler.uniform(5)));
        assertAllStrictlyInside(shape, shape.sampleInterior(400, PointSampler.uniform(5)));
    }

    @Test
    void emptyDifferenceFailsWithAClearMessageInsteadOfLooping() {
        Domain empty = Rectangle.of(0, 1, 0, 1).difference(Rectangle.of(-1, 2, -1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> empty.sampleInterior(10, SOBOL));
        assertTrue(e.getMessage().startsWith("domain appears empty: no interior point found after "), e.getMessage());
        assertTrue(e.getMessage().contains(" tries"), e.getMessage());
    }

    @Test
    void disjointIntersectionFailsOnItsEmptyBoundingBox() {
        Domain none = Disk.of(0, 0, 1).intersection(Disk.of(5, 0, 1));
        assertEquals(0, none.measure());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> none.sampleInterior(10, SOBOL));
        assertTrue(e.getMessage().startsWith("domain appears empty: its bounding box is empty in x"), e.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> none.sampleBoundary(10, SOBOL));
        assertTrue(b.getMessage().startsWith("domain boundary appears empty"), b.getMessage());
    }

    @Test
    void boundarySamplingOfCsgIsReproducible() {
        Domain plate = Rectangle.of(-1, 1, -1, 1).difference(Disk.of(0, 0, 0.5));
        assertArrayEquals(plate.sampleBoundary(100, PointSampler.uniform(3)).points(),
                plate.sampleBoundary(100, PointSampler.uniform(3)).points());
    }

    @Test
    void combiningDomainsOfDifferentDimensionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rectangle.of(0, 1, 0, 1).union(Interval.of(0, 1)));
        assertEquals("cannot take the union of a 2-dimensional domain [x, y] and a 1-dimensional domain [x]",
                e.getMessage());
    }
}
