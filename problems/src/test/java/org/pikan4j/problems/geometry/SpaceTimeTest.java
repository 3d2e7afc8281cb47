package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertAllStrictlyInside;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertVector;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceTimeTest {

    private static final PointSampler SOBOL = PointSampler.sobol();

    @Test
    void timeIsTheLastCoordinate() {
        SpaceTime st = SpaceTime.of(Rectangle.of(0, 1, 0, 2), 0, 5);
        assertEquals(3, st.dimension());
        assertEquals(List.of("x", "y", "t"), st.coordinateNames());
        assertEquals(10, st.measure(), 1e-12);
        assertEquals(5, st.upperBounds()[2]);
    }

    @Test
    void interiorPointsAreInsideSpaceAndStrictlyBetweenTheTimes() {
        SpaceTime st = SpaceTime.of(Disk.of(0, 0, 1), 1, 2);
        double[][] points = st.sampleInterior(300, SOBOL);
        assertAllStrictlyInside(st, points);
        for (double[] p : points) {
            assertTrue(Math.hypot(p[0], p[1]) < 1 && p[2] > 1 && p[2] < 2);
        }
    }

    @Test
    void lateralBoundaryKeepsSpatialPiecesAndHasNoTimeNormal() {
        SpaceTime st = SpaceTime.of(Interval.of(0, 1), 0, 2);
        BoundarySample boundary = st.sampleBoundary(100, SOBOL);
        assertEquals(Map.of("left", 50, "right", 50), boundary.countsByPiece());
        for (int i = 0; i < boundary.size(); i++) {
            double[] p = boundary.point(i);
            boolean left = boundary.piece(i).equals("left");
            assertEquals(left ? 0 : 1, p[0], 0.0);
            assertTrue(p[1] > 0 && p[1] <= 2, "t = " + p[1] + " outside (t0, t1]");
            assertVector(new double[] {left ? -1 : 1, 0}, boundary.normal(i), "space-time normal");
        }
        assertEquals(50, boundary.select("x=0").size());
    }

    @Test
    void initialSliceIsAtT0InsideTheSpace() {
        SpaceTime st = SpaceTime.of(Rectangle.of(0, 1, 0, 1), 0.25, 1);
        double[][] initial = st.sampleInitial(64, SOBOL);
        assertEquals(64, initial.length);
        for (double[] p : initial) {
            assertEquals(3, p.length);
            assertEquals(0.25, p[2]);
            assertTrue(p[0] > 0 && p[0] < 1 && p[1] > 0 && p[1] < 1);
        }
    }

    @Test
    void spaceTimeOverACsgSpaceUsesTheFilteredSpatialBoundary() {
        Domain plate = Rectangle.of(-1, 1, -1, 1).difference(Disk.of(0, 0, 0.5).withPiecePrefix("hole"));
        SpaceTime st = SpaceTime.of(plate, 0, 1);
        BoundarySample hole = st.sampleBoundary(400, SOBOL).select("hole.circle");
        assertTrue(hole.size() > 0);
        for (int i = 0; i < hole.size(); i++) {
            double[] p = hole.point(i);
            assertEquals(0.5, Math.hypot(p[0], p[1]), 1e-12);
            assertVector(new double[] {-p[0] / 0.5, -p[1] / 0.5, 0}, hole.normal(i), "hole normal in space-time");
        }
    }

    @Test
    void badTimeIntervalAndNestedSpaceTimeAreRejected() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> SpaceTime.of(Interval.of(0, 1), 1, 1));
        assertEquals("SpaceTime needs t0 < t1, got t0 = 1.0, t1 = 1.0", order.getMessage());
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> SpaceTime.of(SpaceTime.of(Interval.of(0, 1), 0, 1), 0, 1));
        assertTrue(nested.getMessage().contains("already has a time coordinate: [x, t]"), nested.getMessage());
    }
}
