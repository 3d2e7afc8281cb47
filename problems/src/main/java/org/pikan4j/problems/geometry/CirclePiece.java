package org.pikan4j.problems.geometry;

/** A full circle, parametrised by angle {@code 2 pi u}. */
final class CirclePiece implements BoundaryPiece {

    private final String name;
    private final double cx;
    private final double cy;
    private final double r;

    CirclePiece(String name, double cx, double cy, double r) {
        this.name = name;
        this.cx = cx;
        this.cy = cy;
        this.r = r;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double measure() {
        return 2 * Math.PI * r;
    }

    @Override
    public int parameterDimension() {
        return 1;
    }

    @Override
    public BoundaryPoint map(double[] u) {
        double angle = 2 * Math.PI * u[0];
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new BoundaryPoint(new double[] {cx + r * c, cy + r * s}, new double[] {c, s});
    }

    @Override
    public double distance(double[] p) {
        return Math.abs(Math.hypot(p[0] - cx, p[1] - cy) - r);
    }

    @Override
    public Plane plane() {
        return null;
    }
}
