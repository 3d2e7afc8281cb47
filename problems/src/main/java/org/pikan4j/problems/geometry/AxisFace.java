package org.pikan4j.problems.geometry;

/**
 * A face of an axis-aligned box: {@code x[axis] = value} with the other coordinates ranging over the
 * box; an end point for an interval, an edge for a rectangle, a face for a 3-D box.
 */
final class AxisFace implements BoundaryPiece {

    private final String name;
    private final double[] lower;
    private final double[] upper;
    private final int axis;
    private final boolean upperSide;

    AxisFace(String name, double[] lower, double[] upper, int axis, boolean upperSide) {
        this.name = name;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.axis = axis;
        this.upperSide = upperSide;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double measure() {
        double m = 1;
        for (int j = 0; j < lower.length; j++) {
            if (j != axis) {
                m *= upper[j] - lower[j];
            }
        }
        return m;
    }

    @Override
    public int parameterDimension() {
        return lower.length - 1;
    }

    @Override
    public BoundaryPoint map(double[] u) {
        double[] p = new double[lower.length];
        int k = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = j == axis ? value() : lower[j] + u[k++] * (upper[j] - lower[j]);
        }
        double[] normal = new double[lower.length];
        normal[axis] = upperSide ? 1 : -1;
        return new BoundaryPoint(p, normal);
    }

    @Override
    public double distance(double[] p) {
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            double d = j == axis ? p[j] - value() : Math.max(0, Math.max(lower[j] - p[j], p[j] - upper[j]));
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    @Override
    public Plane plane() {
        return new Plane(axis, value());
    }

    private double value() {
        return upperSide ? upper[axis] : lower[axis];
    }
}
