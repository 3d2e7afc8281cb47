package org.pikan4j.problems.geometry;

import java.util.Arrays;

/** A spatial boundary piece times a time interval; the normal has no time component. */
final class ExtrudedPiece implements BoundaryPiece {

    private final BoundaryPiece space;
    private final double t0;
    private final double t1;

    ExtrudedPiece(BoundaryPiece space, double t0, double t1) {
        this.space = space;
        this.t0 = t0;
        this.t1 = t1;
    }

    @Override
    public String name() {
        return space.name();
    }

    @Override
    public double measure() {
        return space.measure() * (t1 - t0);
    }

    @Override
    public int parameterDimension() {
        return space.parameterDimension() + 1;
    }

    @Override
    public BoundaryPoint map(double[] u) {
        int k = space.parameterDimension();
        BoundaryPoint s = space.map(Arrays.copyOf(u, k));
        double[] p = Arrays.copyOf(s.point(), s.point().length + 1);
        p[p.length - 1] = t0 + u[k] * (t1 - t0);
        return new BoundaryPoint(p, Arrays.copyOf(s.normal(), p.length));
    }

    @Override
    public double distance(double[] p) {
        double t = p[p.length - 1];
        double dt = Math.max(0, Math.max(t0 - t, t - t1));
        return Math.hypot(space.distance(Arrays.copyOf(p, p.length - 1)), dt);
    }

    @Override
    public Plane plane() {
        return space.plane();
    }
}
