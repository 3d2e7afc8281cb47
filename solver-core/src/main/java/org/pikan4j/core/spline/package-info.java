/**
 * Degree-k B-spline bases on a knot vector, the building block of the KAN layers.
 *
 * <p>A {@link org.pikan4j.core.spline.KnotVector} holds G grid intervals on {@code [lo, hi]}
 * (grid points {@code g_0 < ... < g_G}) extended by k knots on each side, giving
 * {@code G + 2k + 1} knots {@code t_0 < ... < t_{G+2k}} and {@code G + k} basis functions
 * {@code B_0 .. B_{G+k-1}}. Basis function {@code B_m} has support {@code [t_m, t_{m+k+1}]}; on grid
 * interval j, i.e. {@code [g_j, g_{j+1}) = [t_{j+k}, t_{j+k+1})}, exactly {@code B_j .. B_{j+k}} are non-zero.
 *
 * <p>Evaluation works on the polynomial pieces of one grid interval: points outside {@code [lo, hi]} use the
 * piece of the nearest end interval (polynomial extrapolation), never a silent zero. Values and derivatives
 * are exact closed forms (the Cox-de Boor recursion restricted to one knot span, and the B-spline derivative
 * recursion), computed in double precision without allocation, so they can sit in a training hot path.
 *
 * <p>Grid refinement is exact: {@link org.pikan4j.core.spline.KnotVector#withGridPoint(double)} together with
 * {@link org.pikan4j.core.spline.KnotVector#insertKnotCoefficients(double[], double)} (Boehm knot insertion)
 * represents the same spline function on a finer grid.
 *
 * <p>All classes are immutable and thread-safe.
 */
package org.pikan4j.core.spline;
