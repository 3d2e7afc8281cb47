package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simple (non-self-intersecting) polygon, coordinates "x", "y". The vertices may be given in
 * either orientation; normals always point outward. Boundary pieces: "edge0" from vertex 0 to
 * vertex 1, "edge1" from vertex 1 to vertex 2, ..., and "edge(n-1)" from the last vertex back to
 * vertex 0. Horizontal and vertical edges are also reachable by their line, e.g. "x=0".
 */
public final class Polygon extends AbstractDomain {

    private final double[][] vertices;
    private final double area;
    private final BoundaryModel model;

    private Polygon(double[][] vertices) {
        this.vertices = vertices;
        this.area = signedArea(vertices);
        double orientation = Math.signum(area);
        List<BoundaryPiece> edges = new ArrayList<>();
        for (int i = 0; i < vertices.length; i++) {
            double[] a = vertices[i];
            double[] b = vertices[(i + 1) % vertices.length];
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double[] normal = {orientation * (b[1] - a[1]) / length, -orientation * (b[0] - a[0]) / length};
            edges.add(new SegmentPiece("edge" + i, a, b, normal));
        }
        this.model = BoundaryModel.exact(edges);
    }

    /**
     * @param vertices at least 3 vertices {@code {x, y}} in order (either orientation), finite, without
     *                 repeating the first at the end, forming a simple polygon of non-zero area
     * @return the polygon
     */
    public static Polygon of(double[][] vertices) {
        return new Polygon(PolygonChecks.validate(vertices));
    }

    /** @return the vertices in the given order (a copy) */
    public double[][] vertices() {
        double[][] copy = new double[vertices.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = vertices[i].clone();
        }
        return copy;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] lowerBounds() {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (double[] v : vertices) {
            lo[0] = Math.min(lo[0], v[0]);
            lo[1] = Math.min(lo[1], v[1]);
        }
        return lo;
    }

    @Override
    public double[] upperBounds() {
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] v : vertices) {
            hi[0] = Math.max(hi[0], v[0]);
            hi[1] = Math.max(hi[1], v[1]);
        }
        return hi;
    }

    @Override
    public double measure() {
        return Math.abs(area);
    }

    @Override
    double distance(double[] p) {
        double nearest = Double.POSITIVE_INFINITY;
        boolean inside = false;
        for (int i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
            double[] a = vertices[j];
            double[] b = vertices[i];
            nearest = Math.min(nearest, Segments.distance(p[0], p[1], a[0], a[1], b[0], b[1]));
            if ((a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) {
                inside = !inside;
            }
        }
        return inside ? -nearest : nearest;
    }

    @Override
    BoundaryModel boundaryModel() {
        return model;
    }

    /** Shoelace formula: positive for counter-clockwise vertices. */
    static double signedArea(double[][] v) {
        double twice = 0;
        for (int i = 0; i < v.length; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % v.length];
            twice += a[0] * b[1] - b[0] * a[1];
        }
        return twice / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polygon other && Arrays.deepEquals(vertices, other.vertices);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(vertices);
    }

    @Override
    public String toString() {
        return "Polygon" + Arrays.deepToString(vertices);
    }
}
