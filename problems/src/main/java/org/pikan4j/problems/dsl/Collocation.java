package org.pikan4j.problems.dsl;

import org.pikan4j.problems.geometry.PointSampler;

/**
 * How many collocation points to sample where, and with which sampler: interior points for the
 * PDE terms, boundary points shared by the boundary conditions (each keeps those its selection
 * picks), initial-slice points for initial conditions. Immutable; the same value always gives the
 * same points (samplers are reproducible, {@link PointSampler#uniform(long)} from its seed).
 */
public final class Collocation {

    private final int interior;
    private final int boundary;
    private final int initial;
    private final PointSampler sampler;

    private Collocation(int interior, int boundary, int initial, PointSampler sampler) {
        this.interior = interior;
        this.boundary = boundary;
        this.initial = initial;
        this.sampler = sampler;
    }

    /** Interior and boundary counts, no initial points, Sobol sampling. */
    public static Collocation of(int interior, int boundary) {
        return of(interior, boundary, 0);
    }

    /**
     * Interior, boundary and initial-slice counts (each {@code >= 0}), Sobol sampling.
     *
     * @throws IllegalArgumentException naming the negative count
     */
    public static Collocation of(int interior, int boundary, int initial) {
        check("interior", interior);
        check("boundary", boundary);
        check("initial", initial);
        return new Collocation(interior, boundary, initial, PointSampler.sobol());
    }

    private static void check(String what, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " point count must be >= 0, got " + n);
        }
    }

    /** The same counts with another sampler, e.g. {@code PointSampler.uniform(seed)}. */
    public Collocation withSampler(PointSampler s) {
        if (s == null) {
            throw new IllegalArgumentException("sampler must not be null");
        }
        return new Collocation(interior, boundary, initial, s);
    }

    /** Shorthand for {@code withSampler(PointSampler.uniform(seed))}. */
    public Collocation withSeed(long seed) {
        return withSampler(PointSampler.uniform(seed));
    }

    /** Number of interior points. */
    public int interior() {
        return interior;
    }

    /** Number of boundary points, shared by the boundary conditions. */
    public int boundary() {
        return boundary;
    }

    /** Number of points on the initial slice. */
    public int initial() {
        return initial;
    }

    /** The point sampler. */
    public PointSampler sampler() {
        return sampler;
    }

    @Override
    public String toString() {
        return "Collocation[interior=" + interior + ", boundary=" + boundary + ", initial=" + initial + ", sampler="
                + sampler + "]";
    }
}
