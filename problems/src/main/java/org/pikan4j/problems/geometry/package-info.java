/**
 * Geometry of PDE problems: domains, their boundaries, and the point sets a physics-informed
 * solver trains on.
 *
 * <p>A {@link org.pikan4j.problems.geometry.Domain} is an immutable closed set in 1, 2 or 3 space
 * dimensions (optionally extended by a time coordinate with
 * {@link org.pikan4j.problems.geometry.SpaceTime}). The primitive shapes are
 * {@link org.pikan4j.problems.geometry.Interval}, {@link org.pikan4j.problems.geometry.Rectangle},
 * {@link org.pikan4j.problems.geometry.Box}, {@link org.pikan4j.problems.geometry.Disk} and
 * {@link org.pikan4j.problems.geometry.Polygon}; more complex shapes are built with the
 * constructive-solid-geometry operations {@code union}, {@code difference} and
 * {@code intersection}.
 *
 * <p>Every domain samples
 * <ul>
 *   <li>interior (collocation) points with {@code sampleInterior}, and</li>
 *   <li>boundary points with {@code sampleBoundary}; each boundary point carries its outward unit
 *       normal and the name of the boundary <em>piece</em> it lies on ("left", "circle",
 *       "edge2", ...), so that boundary conditions can be attached per piece through a
 *       {@link org.pikan4j.problems.geometry.BoundarySelector}.</li>
 * </ul>
 * The points come from a {@link org.pikan4j.problems.geometry.PointSampler} (Sobol, Halton,
 * seeded uniform random, or a tensor grid); all of them are reproducible.
 *
 * <p>Invalid input is rejected with an {@link java.lang.IllegalArgumentException} whose message
 * names the argument, the offending value and what would have been valid.
 */
package org.pikan4j.problems.geometry;
