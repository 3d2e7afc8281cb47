package org.pikan4j.problems.geometry;

import java.util.List;
import org.pikan4j.core.util.Arguments;

/**
 * An immutable, closed region of space (or space-time) on which a PDE is posed.
 *
 * <p>Domains are built from the primitive shapes ({@link Interval}, {@link Rectangle}, {@link Box},
 * {@link Disk}, {@link Polygon}), the set operations {@link #union}, {@link #difference} and
 * {@link #intersection}, and {@link SpaceTime}. The interface is sealed: new shapes are made by
 * composing these.
 *
 * <p>Membership tests use a small tolerance ({@code 1e-9} times the larger of 1 and the largest
 * absolute bounding-box coordinate), so points computed on the boundary count as contained.
 */
public sealed interface Domain permits AbstractDomain {

    /** @return the number of coordinates of a point (space dimension, plus one for space-time) */
    int dimension();

    /**
     * @return the coordinate names: "x", "y", "z" for space, followed by "t" for
     *         {@link SpaceTime}
     */
    List<String> coordinateNames();

    /**
     * Whether the point lies in the closed domain (interior or boundary, within the tolerance).
     *
     * @param p a point with {@link #dimension()} finite coordinates
     * @return true if the point is in the domain
     * @throws IllegalArgumentException if the point has the wrong dimension or a non-finite coordinate
     */
    boolean contains(double[] p);

    /**
     * Batch form of {@link #contains(double[])}.
     *
     * @param points points with {@link #dimension()} finite coordinates each
     * @return for each point, whether it lies in the domain
     */
    default boolean[] contains(double[][] points) {
        Arguments.notNull("points", points);
        boolean[] inside = new boolean[points.length];
        for (int i = 0; i < points.length; i++) {
            inside[i] = contains(points[i]);
        }
        return inside;
    }

    /**
     * A signed distance: negative inside, zero on the boundary, positive outside. It is the exact
     * Euclidean signed distance for the primitive shapes; for set operations it has the exact sign
     * and zero set but its magnitude is only a bound.
     *
     * @param p a point with {@link #dimension()} finite coordinates
     * @return the signed distance of p to the boundary
     */
    double signedDistance(double[] p);

    /** @return the lower corner of the axis-aligned bounding box (a copy) */
    double[] lowerBounds();

    /** @return the upper corner of the axis-aligned bounding box (a copy) */
    double[] upperBounds();

    /**
     * The length / area / volume of the domain: exact for primitive shapes and space-time
     * cylinders over them, a quasi-Monte-Carlo estimate (relative error around 1e-3) for set
     * operations.
     *
     * @return the measure of the domain
     */
    double measure();

    /**
     * The names of the boundary pieces, in order of first appearance. Pieces of equal name coming
     * from different operands of a set operation share that name; use
     * {@link #withPiecePrefix(String)} to tell them apart.
     *
     * @return the piece names
     */
    List<String> boundaryPieceNames();

    /**
     * Samples points strictly inside the domain by mapping the sampler's unit-cube points onto the
     * bounding box and rejecting those not inside.
     *
     * @param n       number of points, {@code >= 1}; a grid sampler returns at least {@code n}
     * @param sampler the point sampler
     * @return the points, {@code [n][dimension()]}
     * @throws IllegalArgumentException if n is less than 1, or if the domain appears empty (no, or
     *                                  too few, candidate points fall inside)
     */
    double[][] sampleInterior(int n, PointSampler sampler);

    /**
     * Samples boundary points with their outward unit normals and piece names. Points are
     * distributed over the pieces in proportion to their measure (length or area; the two end
     * points of an interval count 1 each, so an interval's {@code n} points are split between its
     * two ends as repeated points). For set operations, candidates are drawn on the operands'
     * boundaries and kept where they lie on the boundary of the result, with the normal oriented
     * outward of the result (so the normals on the boundary of a subtracted shape point into it).
     *
     * @param n       number of points, {@code >= 1}; a grid sampler returns about {@code n}
     * @param sampler the point sampler
     * @return the boundary sample
     * @throws IllegalArgumentException if n is less than 1 or the boundary appears empty
     */
    BoundarySample sampleBoundary(int n, PointSampler sampler);

    /**
     * @param other a domain of the same dimension and coordinates
     * @return the set union of this and other
     */
    Domain union(Domain other);

    /**
     * @param other a domain of the same dimension and coordinates
     * @return the closure of this minus other; its boundary includes the part of other's boundary
     *         inside this, with normals pointing into other
     */
    Domain difference(Domain other);

    /**
     * @param other a domain of the same dimension and coordinates
     * @return the set intersection of this and other
     */
    Domain intersection(Domain other);

    /**
     * The same domain with every boundary piece renamed to {@code prefix + "." + name}, e.g.
     * {@code Disk.of(0, 0, 0.2).withPiecePrefix("hole")} has the piece "hole.circle".
     *
     * @param prefix a non-blank prefix
     * @return the renamed domain
     */
    Domain withPiecePrefix(String prefix);
}
