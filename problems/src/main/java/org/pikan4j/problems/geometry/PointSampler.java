package org.pikan4j.problems.geometry;

/**
 * Generates points in the unit hypercube {@code [0, 1)^d}; domains map them onto their interior or
 * boundary. Implementations are immutable and reproducible: the same sampler asked for the same
 * {@code (n, dimension)} returns the same points, and for the exact-count samplers the first
 * {@code m} points of a request for {@code n >= m} points are the points of a request for {@code m}.
 *
 * <p>The Sobol and Halton sequences skip their first element (the origin), so that every
 * coordinate lies strictly inside {@code (0, 1)}.
 */
public interface PointSampler {

    /**
     * Returns points in the unit hypercube.
     *
     * @param n         how many points; {@code >= 1}
     * @param dimension the dimension of the hypercube; {@code >= 0} (a 0-dimensional request
     *                  returns {@code n} empty arrays)
     * @return {@code n} points (or, when {@link #isExactCount()} is false, about {@code n}: at least
     *         {@code n}), each of length {@code dimension}
     */
    double[][] sample(int n, int dimension);

    /**
     * Whether {@link #sample} returns exactly {@code n} points that form a prefix-stable sequence
     * (true for Sobol, Halton and uniform random; false for the grid, which returns at least
     * {@code n} points arranged as a tensor grid).
     *
     * @return true if the sampler returns exactly the requested number of points
     */
    default boolean isExactCount() {
        return true;
    }

    /**
     * The Sobol low-discrepancy sequence (Hipparchus), skipping the origin.
     *
     * @return a Sobol sampler
     */
    static PointSampler sobol() {
        return SobolSampler.INSTANCE;
    }

    /**
     * The (scrambled) Halton low-discrepancy sequence (Hipparchus), skipping the origin; at most 40
     * dimensions.
     *
     * @return a Halton sampler
     */
    static PointSampler halton() {
        return HaltonSampler.INSTANCE;
    }

    /**
     * Independent uniform random points from a seeded XoRoShiRo128++ generator (commons-rng); the
     * generator is re-created from the seed on every call, so equal seeds give equal points.
     *
     * @param seed the seed
     * @return a uniform random sampler
     */
    static PointSampler uniform(long seed) {
        return new UniformSampler(seed);
    }

    /**
     * A tensor grid of cell centres: {@code k^d} points {@code ((i + 1/2) / k)} with
     * {@code k = ceil(n^(1/d))}, i.e. at least {@code n} points.
     *
     * @return a grid sampler
     */
    static PointSampler grid() {
        return GridSampler.INSTANCE;
    }
}
