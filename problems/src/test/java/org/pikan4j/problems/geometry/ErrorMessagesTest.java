package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ErrorMessagesTest {

    private static String message(Executable action) {
        return assertThrows(IllegalArgumentException.class, action).getMessage();
    }

    @Test
    void intervalNeedsOrderedFiniteEnds() {
        assertEquals("Interval needs a < b, got a = 1.0, b = 1.0", message(() -> Interval.of(1, 1)));
        assertEquals("Interval bound a must be a finite number, got NaN", message(() -> Interval.of(Double.NaN, 1)));
        assertEquals("Interval bound b must be a finite number, got Infinity",
                message(() -> Interval.of(0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void rectangleAndBoxNameTheOffendingSide() {
        assertEquals("Rectangle needs y0 < y1, got y0 = 2.0, y1 = 1.0", message(() -> Rectangle.of(0, 1, 2, 1)));
        assertEquals("Box needs z0 < z1, got z0 = 0.0, z1 = -1.0", message(() -> Box.of(0, 1, 0, 1, 0, -1)));
    }

    @Test
    void diskNeedsPositiveRadiusAndFiniteCentre() {
        assertEquals("Disk radius must be > 0, got -1.0", message(() -> Disk.of(0, 0, -1)));
        assertEquals("Disk radius must be > 0, got 0.0", message(() -> Disk.of(0, 0, 0)));
        assertEquals("Disk centre cy must be a finite number, got -Infinity",
                message(() -> Disk.of(0, Double.NEGATIVE_INFINITY, 1)));
    }

    @Test
    void polygonValidation() {
        assertEquals("Polygon needs at least 3 vertices, got 2",
                message(() -> Polygon.of(new double[][] {{0, 0}, {1, 0}})));
        assertEquals("Polygon vertex 1 must have 2 coordinates (x, y), got [1.0, 0.0, 0.0]",
                message(() -> Polygon.of(new double[][] {{0, 0}, {1, 0, 0}, {0, 1}})));
        assertEquals("Polygon vertex 2 must have finite coordinates, got [NaN, 1.0]",
                message(() -> Polygon.of(new double[][] {{0, 0}, {1, 0}, {Double.NaN, 1}})));
        String bowtie = message(() -> Polygon.of(new double[][] {{0, 0}, {1, 1}, {1, 0}, {0, 1}}));
        assertTrue(bowtie.startsWith("Polygon is not simple: edge 0 [0.0, 0.0] -> [1.0, 1.0] and edge 2"), bowtie);
        String closed = message(() -> Polygon.of(new double[][] {{0, 0}, {1, 0}, {0, 1}, {0, 0}}));
        assertTrue(closed.contains("edge 3 has zero length") && closed.contains("do not repeat the first vertex"),
                closed);
        String line = message(() -> Polygon.of(new double[][] {{0, 0}, {1, 0}, {2, 0}}));
        assertTrue(line.contains("fold back"), line);
    }

    @Test
    void sampleCountAndSamplerAreChecked() {
        Rectangle unit = Rectangle.of(0, 1, 0, 1);
        assertEquals("n must be >= 1, got 0", message(() -> unit.sampleInterior(0, PointSampler.sobol())));
        assertEquals("n must be >= 1, got -3", message(() -> unit.sampleBoundary(-3, PointSampler.sobol())));
        assertEquals("sampler must not be null", message(() -> unit.sampleInterior(5, null)));
    }

    @Test
    void pointsOfTheWrongDimensionOrNonFiniteAreRejected() {
        Rectangle unit = Rectangle.of(0, 1, 0, 1);
        assertEquals("point has 3 coordinates but the domain is 2-dimensional [x, y], got [0.0, 0.0, 0.0]",
                message(() -> unit.contains(new double[] {0, 0, 0})));
        assertEquals("point coordinate y must be finite, got NaN in [0.5, NaN]",
                message(() -> unit.contains(new double[] {0.5, Double.NaN})));
        assertEquals("point must not be null", message(() -> unit.signedDistance(null)));
    }

    @Test
    void selectorArgumentsAreChecked() {
        assertEquals("named(...) needs at least one piece name, got none", message(BoundarySelector::named));
        assertEquals("onPlane needs coordinate >= 0 and tolerance >= 0, got coordinate = -1, tolerance = 0.0",
                message(() -> BoundarySelector.onPlane(-1, 0, 0)));
        assertEquals("piece prefix must not be blank, got \" \"",
                message(() -> Disk.of(0, 0, 1).withPiecePrefix(" ")));
    }
}
