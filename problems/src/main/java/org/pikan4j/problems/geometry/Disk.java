package org.pikan4j.problems.geometry;

import java.util.List;

/**
 * The closed disk of centre {@code (cx, cy)} and radius r, coordinates "x", "y". Boundary piece:
 * "circle", with normal {@code (p - c) / r}.
 */
public final class Disk extends AbstractDomain {

    private final double cx;
    private final double cy;
    private final double r;
    private final BoundaryModel model;

    private Disk(double cx, double cy, double r) {
        this.cx = cx;
        this.cy = cy;
        this.r = r;
        this.model = BoundaryModel.exact(List.of(new CirclePiece("circle", cx, cy, r)));
    }

    /**
     * @param cx centre x, finite
     * @param cy centre y, finite
     * @param r  radius, finite and {@code > 0}
     * @return the disk
     */
    public static Disk of(double cx, double cy, double r) {
        Checks.finite("Disk centre cx", cx);
        Checks.finite("Disk centre cy", cy);
        Checks.finite("Disk radius", r);
        if (!(r > 0)) {
            throw new IllegalArgumentException("Disk radius must be > 0, got " + r);
        }
        return new Disk(cx, cy, r);
    }

    /** @return the centre (a copy) */
    public double[] center() {
        return new double[] {cx, cy};
    }

    /** @return the radius */
    public double radius() {
        return r;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] lowerBounds() {
        return new double[] {cx - r, cy - r};
    }

    @Override
    public double[] upperBounds() {
        return new double[] {cx + r, cy + r};
    }

    @Override
    public double measure() {
        return Math.PI * r * r;
    }

    @Override
    double distance(double[] p) {
        return Math.hypot(p[0] - cx, p[1] - cy) - r;
    }

    @Override
    BoundaryModel boundaryModel() {
        return model;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Disk d && d.cx == cx && d.cy == cy && d.r == r;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(cx) * 961 + Double.hashCode(cy) * 31 + Double.hashCode(r);
    }

    @Override
    public String toString() {
        return "Disk[centre (" + cx + ", " + cy + "), radius " + r + "]";
    }
}
