package org.pikan4j.problems.geometry;

/** A straight segment from a to b in the plane with a fixed outward normal. */
final class SegmentPiece implements BoundaryPiece {

    private final String name;
    private final double ax;
    private final double ay;
    private final double bx;
    private final double by;
    private final double[] normal;

    SegmentPiece(String name, double[] a, double[] b, double[] normal) {
        this.name = name;
        this.ax = a[0];
        this.ay = a[1];
        this.bx = b[0];
        this.by = b[1];
        this.normal = normal.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double measure() {
        return Math.hypot(bx - ax, by - ay);
    }

    @Override
    public int parameterDimension() {
        return 1;
    }

    @Override
    public BoundaryPoint map(double[] u) {
        double s = u[0];
        return new BoundaryPoint(new double[] {ax + s * (bx - ax), ay + s * (by - ay)}, normal.clone());
    }

    @Override
    public double distance(double[] p) {
        return Segments.distance(p[0], p[1], ax, ay, bx, by);
    }

    @Override
    public Plane plane() {
        if (ax == bx) {
            return new Plane(0, ax);
        }
        return ay == by ? new Plane(1, ay) : null;
    }
}
