package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertAllStrictlyInside;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertValidBoundary;
import static org.pikan4j.problems.geometry.GeometryAssertions.assertVector;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimitiveShapesTest {

    private static final PointSampler SOBOL = PointSampler.sobol();

    @Test
    void intervalInteriorIsInsideAndBoundaryIsTheTwoEndsWithOutwardNormals() {
        Interval interval = Interval.of(-1, 2);
        assertAllStrictlyInside(interval, interval.sampleInterior(100, SOBOL));
        BoundarySample ends = interval.sampleBoundary(5, SOBOL);
        assertEquals(Map.of("left", 3, "right", 2), ends.countsByPiece());
        for (int i = 0; i < ends.size(); i++) {
            boolean left = ends.piece(i).equals("left");
            assertArrayEquals(new double[] {left ? -1 : 2}, ends.point(i));
            assertArrayEquals(new double[] {left ? -1 : 1}, ends.normal(i));
        }
        assertEquals(List.of("x"), interval.coordinateNames());
        assertEquals(3, interval.measure());
    }

    @Test
    void rectangleEdgesCarryAxisNormalsAndPointsSplitByEdgeLength() {
        Rectangle rectangle = Rectangle.of(0, 3, 0, 1);
        assertAllStrictlyInside(rectangle, rectangle.sampleInterior(500, SOBOL));
        BoundarySample boundary = rectangle.sampleBoundary(800, SOBOL);
        assertValidBoundary(rectangle, boundary);
        assertEquals(Map.of("left", 100, "right", 100, "bottom", 300, "top", 300), boundary.countsByPiece());
        Map<String, double[]> expected = Map.of("left", new double[] {-1, 0}, "right", new double[] {1, 0},
                "bottom", new double[] {0, -1}, "top", new double[] {0, 1});
        for (int i = 0; i < boundary.size(); i++) {
            assertVector(expected.get(boundary.piece(i)), boundary.normal(i), "normal on " + boundary.piece(i));
        }
        assertEquals(3, rectangle.measure(), 1e-15);
    }

    @Test
    void boxFacesFollowTheDocumentedNamingAndAreaProportions() {
        Box box = Box.of(0, 1, 0, 2, 0, 4);
        assertAllStrictlyInside(box, box.sampleInterior(300, PointSampler.halton()));
        BoundarySample boundary = box.sampleBoundary(700, SOBOL);
        assertValidBoundary(box, boundary);
        // areas: x-faces 8, y-faces 4, z-faces 2 (total 28)
        assertEquals(Map.of("left", 200, "right", 200, "bottom", 100, "top", 100, "front", 50, "back", 50),
                boundary.countsByPiece());
        double[][] expectedPlane = {{0, 0}, {0, 1}, {1, 0}, {1, 2}, {2, 0}, {2, 4}};
        List<String> names = List.of("left", "right", "bottom", "top", "front", "back");
        for (int i = 0; i < boundary.size(); i++) {
            double[] plane = expectedPlane[names.indexOf(boundary.piece(i))];
            assertEquals(plane[1], boundary.point(i)[(int) plane[0]], 0.0, boundary.piece(i));
        }
        assertEquals(names, box.boundaryPieceNames());
    }

    @Test
    void diskBoundaryNormalIsTheRadialUnitVector() {
        Disk disk = Disk.of(1, -2, 0.5);
        assertAllStrictlyInside(disk, disk.sampleInterior(400, SOBOL));
        BoundarySample circle = disk.sampleBoundary(64, SOBOL);
        assertEquals(64, circle.size());
        for (int i = 0; i < circle.size(); i++) {
            double[] p = circle.point(i);
            assertEquals(0.5, Math.hypot(p[0] - 1, p[1] + 2), 1e-12);
            assertVector(new double[] {(p[0] - 1) / 0.5, (p[1] + 2) / 0.5}, circle.normal(i), "disk normal");
            assertEquals("circle", circle.piece(i));
        }
        assertEquals(Math.PI / 4, disk.measure(), 1e-15);
    }

    @Test
    void clockwisePolygonStillGetsOutwardNormalsAndKeepsEdgeNumbering() {
        double[][] clockwise = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
        Polygon square = Polygon.of(clockwise);
        BoundarySample boundary = square.sampleBoundary(40, SOBOL);
        assertValidBoundary(square, boundary);
        BoundarySample edge0 = boundary.select("edge0");
        assertEquals(10, edge0.size());
        for (int i = 0; i < edge0.size(); i++) {
            assertEquals(0, edge0.point(i)[0], 0.0, "edge0 runs from (0,0) to (0,1)");
            assertVector(new double[] {-1, 0}, edge0.normal(i), "edge0 normal");
        }
        assertEquals(1, square.measure(), 1e-15);
    }

    @Test
    void lShapedPolygonSamplesInsideAndOnItsEdges() {
        Polygon l = Polygon.of(new double[][] {{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}});
        assertEquals(3, l.measure(), 1e-15);
        double[][] inside = l.sampleInterior(500, SOBOL);
        assertEquals(500, inside.length);
        assertAllStrictlyInside(l, inside);
        for (double[] p : inside) {
            assertFalse(p[0] > 1 && p[1] > 1, "point in the cut-out corner");
        }
        BoundarySample boundary = l.sampleBoundary(800, SOBOL);
        assertValidBoundary(l, boundary);
        assertEquals(100, boundary.select("edge2").size(), "edge2 has length 1 of total perimeter 8");
        BoundarySample reentrant = boundary.select("edge3");
        for (int i = 0; i < reentrant.size(); i++) {
            assertVector(new double[] {1, 0}, reentrant.normal(i), "re-entrant edge x = 1 faces +x");
        }
    }

    @Test
    void containsIsClosedAndBatchFormAgrees() {
        Rectangle unit = Rectangle.of(0, 1, 0, 1);
        double[][] points = {{0.5, 0.5}, {0, 0.5}, {1, 1}, {1.0 + 1e-3, 0.5}, {-0.2, -0.2}};
        boolean[] expected = {true, true, true, false, false};
        assertArrayEquals(expected, unit.contains(points));
        for (int i = 0; i < points.length; i++) {
            assertEquals(expected[i], unit.contains(points[i]));
        }
        assertTrue(Disk.of(0, 0, 1).contains(new double[] {Math.cos(1), Math.sin(1)}));
    }

    @Test
    void gridSamplerGivesAtLeastNInteriorPoints() {
        double[][] grid = Rectangle.of(0, 1, 0, 1).sampleInterior(10, PointSampler.grid());
        assertEquals(16, grid.length);
        double[][] diskGrid = Disk.of(0, 0, 1).sampleInterior(100, PointSampler.grid());
        assertTrue(diskGrid.length >= 100, "got " + diskGrid.length);
        assertAllStrictlyInside(Disk.of(0, 0, 1), diskGrid);
    }

    @Test
    void samplingIsReproducibleFromTheSeed() {
        Disk disk = Disk.of(0, 0, 2);
        assertArrayEquals(disk.sampleInterior(50, PointSampler.uniform(9)),
                disk.sampleInterior(50, PointSampler.uniform(9)));
        assertArrayEquals(disk.sampleBoundary(50, PointSampler.uniform(9)).points(),
                disk.sampleBoundary(50, PointSampler.uniform(9)).points());
        assertFalse(java.util.Arrays.deepEquals(disk.sampleInterior(50, PointSampler.uniform(9)),
                disk.sampleInterior(50, PointSampler.uniform(10))));
    }

    @Test
    void sampleAccessorsReturnCopies() {
        BoundarySample sample = Rectangle.of(0, 1, 0, 1).sampleBoundary(8, SOBOL);
        sample.points()[0][0] = 99;
        sample.point(0)[0] = 99;
        sample.normals()[0][0] = 99;
        assertTrue(sample.point(0)[0] != 99 && sample.normal(0)[0] != 99);
        double[] lower = Rectangle.of(0, 1, 0, 1).lowerBounds();
        assertArrayEquals(new double[] {0, 0}, lower);
    }
}
