package org.pikan4j.problems.geometry;

import java.util.Arrays;

/** Validation of polygon vertices: count, finiteness, no zero-length edges, simplicity. */
final class PolygonChecks {

    private PolygonChecks() {
    }

    /** @return a validated deep copy of the vertices */
    static double[][] validate(double[][] vertices) {
        if (vertices == null || vertices.length < 3) {
            throw new IllegalArgumentException("Polygon needs at least 3 vertices, got "
                    + (vertices == null ? "null" : vertices.length));
        }
        int n = vertices.length;
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            if (vertices[i] == null || vertices[i].length != 2) {
                throw new IllegalArgumentException("Polygon vertex " + i + " must have 2 coordinates (x, y), got "
                        + (vertices[i] == null ? "null" : Arrays.toString(vertices[i])));
            }
            if (!Double.isFinite(vertices[i][0]) || !Double.isFinite(vertices[i][1])) {
                throw new IllegalArgumentException("Polygon vertex " + i + " must have finite coordinates, got "
                        + Arrays.toString(vertices[i]));
            }
            v[i] = vertices[i].clone();
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            if (v[i][0] == v[j][0] && v[i][1] == v[j][1]) {
                throw new IllegalArgumentException("Polygon edge " + i + " has zero length: vertices " + i + " and "
                        + j + " coincide at " + Arrays.toString(v[i])
                        + (j == 0 ? " (do not repeat the first vertex at the end)" : ""));
            }
        }
        checkSimple(v);
        if (Polygon.signedArea(v) == 0) {
            throw new IllegalArgumentException("Polygon has zero area: its vertices are collinear");
        }
        return v;
    }

    private static void checkSimple(double[][] v) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % n];
            double[] c = v[(i + 2) % n];
            if (Segments.cross(a, b, c) == 0 && (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0) {
                throw new IllegalArgumentException("Polygon is not simple: edges " + i + " and " + ((i + 1) % n)
                        + " fold back onto each other at vertex " + ((i + 1) % n) + " " + Arrays.toString(b));
            }
            for (int k = i + 2; k < n; k++) {
                if ((k + 1) % n == i) {
                    continue; // adjacent through the closing vertex
                }
                if (Segments.intersect(a, b, v[k], v[(k + 1) % n])) {
                    throw new IllegalArgumentException("Polygon is not simple: edge " + i + " " + Arrays.toString(a)
                            + " -> " + Arrays.toString(b) + " and edge " + k + " " + Arrays.toString(v[k]) + " -> "
                            + Arrays.toString(v[(k + 1) % n]) + " intersect");
                }
            }
        }
    }
}
