package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Behaviour shared by all domains: argument checks, tolerance, sampling and set operations. */
abstract sealed class AbstractDomain implements Domain
        permits HyperRectangle, Disk, Polygon, CsgDomain, SpaceTime, PrefixedDomain {

    private static final List<String> SPACE_NAMES = List.of("x", "y", "z");

    /** @return the signed distance without argument checks */
    abstract double distance(double[] p);

    /** @return the boundary as parametrised pieces plus an optional candidate filter */
    abstract BoundaryModel boundaryModel();

    @Override
    public List<String> coordinateNames() {
        return SPACE_NAMES.subList(0, dimension());
    }

    @Override
    public final boolean contains(double[] p) {
        Checks.point(p, dimension(), coordinateNames());
        return distance(p) <= tolerance();
    }

    @Override
    public final double signedDistance(double[] p) {
        Checks.point(p, dimension(), coordinateNames());
        return distance(p);
    }

    /** @return the absolute tolerance for membership tests */
    final double tolerance() {
        double scale = 1;
        for (double v : lowerBounds()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (double v : upperBounds()) {
            scale = Math.max(scale, Math.abs(v));
        }
        return 1e-9 * scale;
    }

    @Override
    public List<String> boundaryPieceNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (BoundaryPiece piece : boundaryModel().pieces()) {
            names.add(piece.name());
        }
        return List.copyOf(new ArrayList<>(names));
    }

    @Override
    public double[][] sampleInterior(int n, PointSampler sampler) {
        return InteriorSampling.sample(this, n, sampler);
    }

    @Override
    public BoundarySample sampleBoundary(int n, PointSampler sampler) {
        return BoundarySampling.sample(this, n, sampler);
    }

    @Override
    public final Domain union(Domain other) {
        return CsgDomain.of(CsgDomain.Operation.UNION, this, other);
    }

    @Override
    public final Domain difference(Domain other) {
        return CsgDomain.of(CsgDomain.Operation.DIFFERENCE, this, other);
    }

    @Override
    public final Domain intersection(Domain other) {
        return CsgDomain.of(CsgDomain.Operation.INTERSECTION, this, other);
    }

    @Override
    public final Domain withPiecePrefix(String prefix) {
        return new PrefixedDomain(this, prefix);
    }
}
