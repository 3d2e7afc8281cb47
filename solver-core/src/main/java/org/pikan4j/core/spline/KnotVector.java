package org.pikan4j.core.spline;

import java.util.Arrays;
import org.pikan4j.core.util.Arguments;

/**
 * An immutable knot vector for degree-k B-splines: G grid intervals on {@code [lo, hi]} extended by k knots on
 * each side.
 *
 * <p>The grid points are {@code g_0 = lo < g_1 < ... < g_G = hi}; the knots are
 * {@code t_0 < ... < t_{G+2k}} with {@code t_{i+k} = g_i}. The factories place the extension knots so that they
 * continue the spacing of the first and last grid interval. There are {@code G + k} basis functions
 * {@code B_0 .. B_{G+k-1}}; {@code B_m} has support {@code [t_m, t_{m+k+1}]}, and on grid interval j
 * ({@code [g_j, g_{j+1})}) exactly {@code B_j .. B_{j+k}} are non-zero.
 *
 * <p>Evaluation uses the polynomial pieces of one grid interval. A point outside {@code [lo, hi]} is evaluated
 * with the piece of the nearest end interval, i.e. the basis (and any spline built on it) is extrapolated as a
 * polynomial of degree k, never cut to zero.
 *
 * <p>Instances are immutable and thread-safe. The hot-path methods {@link #interval(double)} and the
 * {@code evaluate} overloads do not allocate and do not check x for NaN or infinity: callers check their inputs.
 */
public final class KnotVector {

    /** The highest derivative order the evaluation methods accept. */
    public static final int MAX_DERIVATIVE_ORDER = 5;

    /** Buckets per grid interval of a non-uniform grid's interval lookup. */
    private static final int BUCKETS_PER_INTERVAL = 4;

    /** Relative tolerance (to the mean grid spacing) under which knot spacings count as equal. */
    private static final double UNIFORM_TOLERANCE = 1e-12;

    private final int degree;
    private final int intervals;
    private final double[] knots;
    private final double[] grid;
    private final boolean uniform;
    /** {@code inverse[p][i] = 1 / (t_{i+p} - t_i)}, precomputed for the evaluation hot path. */
    private final double[][] inverse;
    /** {@code G / (hi - lo)}, used by the O(1) interval lookup of uniform grids. */
    private final double inverseSpacing;
    /** {@code 1 / h_j} per grid interval of a non-uniform grid (null for a uniform one): its local coordinates. */
    private final double[] inverseWidths;
    /**
     * For a non-uniform grid, the interval of each of {@code BUCKETS_PER_INTERVAL · G} equal buckets' left edges on
     * {@code [lo, hi]} (null for a uniform one): the interval lookup starts there and steps at most a few grid
     * points, instead of a binary search whose unpredictable branches cost more than the basis itself.
     */
    private final int[] bucketStart;
    /** The local polynomials of every interval: one set for a uniform grid, one per interval otherwise. */
    private final LocalPolynomials polynomials;

    private KnotVector(double[] knots, int degree, boolean builtUniform) {
        requireValidKnots(knots);
        this.degree = degree;
        this.knots = knots;
        this.intervals = knots.length - 2 * degree - 1;
        this.grid = Arrays.copyOfRange(knots, degree, degree + intervals + 1);
        this.uniform = builtUniform || hasEqualSpacings(knots, intervals, degree);
        this.inverse = BasisRecursion.inverseKnotDifferences(knots, degree);
        this.inverseSpacing = intervals / (grid[intervals] - grid[0]);
        if (uniform) {
            this.inverseWidths = null;
            this.bucketStart = null;
            double spacing = (grid[intervals] - grid[0]) / intervals;
            this.polynomials = LocalPolynomials.uniform(knots, inverse, degree, spacing);
        } else {
            this.inverseWidths = new double[intervals];
            Arrays.setAll(inverseWidths, j -> 1.0 / (grid[j + 1] - grid[j]));
            this.bucketStart = new int[BUCKETS_PER_INTERVAL * intervals];
            Arrays.setAll(bucketStart, b -> searchInterval(grid[0] + b / (inverseSpacing * BUCKETS_PER_INTERVAL)));
            this.polynomials = LocalPolynomials.perInterval(knots, inverse, degree, intervals);
        }
    }

    /**
     * A uniform knot vector: {@code intervals} equal grid intervals on {@code [lo, hi]}, with {@code degree}
     * extension knots on each side at the same spacing.
     *
     * @param intervals the grid size G, at least 1
     * @param degree    the spline degree k, at least 1
     * @param lo        the left end of the grid, finite
     * @param hi        the right end of the grid, finite and greater than {@code lo}
     * @return the knot vector
     * @throws IllegalArgumentException if an argument is outside the ranges above, or the grid is so wide or so
     *                                  narrow that its knots are not finite and strictly increasing in double precision
     */
    public static KnotVector uniform(int intervals, int degree, double lo, double hi) {
        Arguments.atLeast("intervals (grid size G)", intervals, 1);
        Arguments.atLeast("degree", degree, 1);
        Arguments.finite("lo", lo);
        Arguments.finite("hi", hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException("lo must be < hi, got lo = " + lo + ", hi = " + hi);
        }
        double spacing = (hi - lo) / intervals;
        double[] t = new double[intervals + 2 * degree + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = lo + (i - degree) * spacing;
        }
        t[degree + intervals] = hi;   // the right end exactly, not lo + G * spacing
        for (int m = 1; m <= degree; m++) {
            t[degree + intervals + m] = hi + m * spacing;
        }
        return new KnotVector(t, degree, true);
    }

    /**
     * A knot vector on the given (possibly non-uniform) grid points, with {@code degree} extension knots on each
     * side continuing the spacing of the first and last grid interval.
     *
     * @param gridPoints the grid points {@code g_0 < ... < g_G}, finite and strictly increasing, length G+1 &gt;= 2;
     *                   the array is copied
     * @param degree     the spline degree k, at least 1
     * @return the knot vector
     * @throws IllegalArgumentException if an argument is outside the ranges above
     */
    public static KnotVector of(double[] gridPoints, int degree) {
        Arguments.notNull("gridPoints", gridPoints);
        if (gridPoints.length < 2) {
            throw new IllegalArgumentException("gridPoints.length must be >= 2 (G + 1 with G >= 1), got "
                    + gridPoints.length);
        }
        Arguments.atLeast("degree", degree, 1);
        for (int i = 0; i < gridPoints.length; i++) {
            Arguments.finite("gridPoints[" + i + "]", gridPoints[i]);
        }
        for (int i = 1; i < gridPoints.length; i++) {
            if (!(gridPoints[i] > gridPoints[i - 1])) {
                throw new IllegalArgumentException("gridPoints must be strictly increasing: gridPoints[" + i
                        + "] = " + gridPoints[i] + " <= gridPoints[" + (i - 1) + "] = " + gridPoints[i - 1]);
            }
        }
        int g = gridPoints.length - 1;
        double[] t = new double[g + 2 * degree + 1];
        System.arraycopy(gridPoints, 0, t, degree, g + 1);
        double first = gridPoints[1] - gridPoints[0];
        double last = gridPoints[g] - gridPoints[g - 1];
        for (int m = 1; m <= degree; m++) {
            t[degree - m] = gridPoints[0] - m * first;
            t[degree + g + m] = gridPoints[g] + m * last;
        }
        return new KnotVector(t, degree, false);
    }

    /**
     * A knot vector rebuilt from its full knots, extension knots included, e.g. one read back from a saved model.
     * Unlike {@link #of(double[], int)} this keeps extension knots that are not recomputable from the grid points
     * (those inherited through {@link #withGridPoint(double)}), so {@code ofKnots(v.knots(), v.degree())} has the
     * same knots as {@code v}. It is uniform when all knot spacings are equal, as for the other factories.
     *
     * @param knots  the knots {@code t_0 < ... < t_{G+2k}}, finite and strictly increasing, length at least
     *               {@code 2k + 2} (G &gt;= 1); the array is copied
     * @param degree the spline degree k, at least 1
     * @return the knot vector
     * @throws IllegalArgumentException if an argument is outside the ranges above
     */
    public static KnotVector ofKnots(double[] knots, int degree) {
        Arguments.notNull("knots", knots);
        Arguments.atLeast("degree", degree, 1);
        if (knots.length < 2 * degree + 2) {
            throw new IllegalArgumentException("knots.length must be >= 2 * degree + 2 = " + (2 * degree + 2)
                    + " (at least one grid interval), got " + knots.length);
        }
        return new KnotVector(knots.clone(), degree, false);
    }

    /** @return the spline degree k */
    public int degree() {
        return degree;
    }

    /** @return the number G of grid intervals */
    public int intervals() {
        return intervals;
    }

    /** @return the number of basis functions, {@code G + k} */
    public int basisCount() {
        return intervals + degree;
    }

    /** @return the left end of the grid, {@code g_0} */
    public double lo() {
        return grid[0];
    }

    /** @return the right end of the grid, {@code g_G} */
    public double hi() {
        return grid[intervals];
    }

    /** @return a copy of the grid points {@code g_0 .. g_G}, length G+1 */
    public double[] gridPoints() {
        return grid.clone();
    }

    /** @return a copy of the knots {@code t_0 .. t_{G+2k}}, length G+2k+1 */
    public double[] knots() {
        return knots.clone();
    }

    /**
     * @return true when built by {@link #uniform} or when all knot spacings (extension knots included) equal the
     *         mean grid spacing to 1e-12 relative
     */
    public boolean isUniform() {
        return uniform;
    }

    /**
     * Index j of the grid interval holding x, clamped to {@code [0, G-1]}: x below lo uses interval 0, x at or
     * above hi uses G-1; a grid point {@code g_j} (j &lt; G) belongs to interval j. The non-zero basis functions on
     * interval j are {@code B_j .. B_{j+k}}. O(1) for uniform grids, a bucket and a few steps otherwise. No allocation;
     * x is not checked (NaN gives 0).
     *
     * @param x the point
     * @return the interval index j
     */
    public int interval(double x) {
        int last = intervals - 1;
        if (uniform) {
            double u = (x - grid[0]) * inverseSpacing;
            int j = u < 1.0 ? 0 : (u >= last ? last : (int) u);
            // the division may round across a grid point: one step fixes it
            if (j > 0 && x < grid[j]) {
                j--;
            } else if (j < last && x >= grid[j + 1]) {
                j++;
            }
            return j;
        }
        double buckets = (x - grid[0]) * inverseSpacing * BUCKETS_PER_INTERVAL;
        if (!(buckets >= 0 && buckets < bucketStart.length)) {
            return x >= grid[0] ? last : 0;   // beyond the ends (NaN gives 0, as documented)
        }
        int j = bucketStart[(int) buckets];
        // the bucket's edge may round to either side of x: step to the largest j with g_j <= x
        while (j < last && x >= grid[j + 1]) {
            j++;
        }
        while (j > 0 && x < grid[j]) {
            j--;
        }
        return j;
    }

    /** The largest j in [0, G-1] with g_j <= x (or 0), by binary search. */
    private int searchInterval(double x) {
        int a = 0;
        int b = intervals - 1;   // the answer, the largest j with g_j <= x (or 0), lies in [a, b]
        while (a < b) {
            int m = (a + b + 1) >>> 1;
            if (grid[m] <= x) {
                a = m;
            } else {
                b = m - 1;
            }
        }
        return a;
    }

    /**
     * Values and derivatives of the k+1 basis functions that are non-zero on {@code j = interval(x)}, evaluated
     * as the polynomial pieces of that interval (so outside {@code [lo, hi]} this is the polynomial extrapolation
     * of the end piece, never a silent zero): {@code out[r*(k+1) + q] = d^r/dx^r B_{j+q}(x)} for
     * {@code r = 0..maxOrder}; orders above k are 0. No allocation; x is not checked for NaN or infinity.
     *
     * @param x        the point
     * @param maxOrder the highest derivative order, in {@code [0, MAX_DERIVATIVE_ORDER]}
     * @param out      the output, length at least {@code (maxOrder+1)*(k+1)}; entries beyond are untouched
     * @return the interval index j
     * @throws IllegalArgumentException if maxOrder or out.length is invalid
     */
    public int evaluate(double x, int maxOrder, double[] out) {
        return evaluate(x, maxOrder, out, 0);
    }

    /**
     * Same as {@link #evaluate(double, int, double[])} with the table written from {@code out[at]} on: lets a
     * caller fill one array for many points without a copy per point.
     *
     * @throws IllegalArgumentException if maxOrder is invalid or out holds no (maxOrder+1)*(k+1) values from at
     */
    public int evaluate(double x, int maxOrder, double[] out, int at) {
        checkEvaluationArguments(maxOrder, out, at);
        int j = interval(x);
        evaluateOn(j, x, maxOrder, out, at);
        return j;
    }

    /**
     * Same as {@link #evaluate(double, int, double[])} for a grid interval the caller already knows. x need not
     * lie in that interval: the interval's polynomial pieces are evaluated at x wherever it is.
     *
     * @param x        the point
     * @param interval the grid interval j, in {@code [0, G-1]}
     * @param maxOrder the highest derivative order, in {@code [0, MAX_DERIVATIVE_ORDER]}
     * @param out      the output, length at least {@code (maxOrder+1)*(k+1)}
     * @throws IllegalArgumentException if interval, maxOrder or out.length is invalid
     */
    public void evaluate(double x, int interval, int maxOrder, double[] out) {
        Arguments.inRange("interval", interval, 0, intervals - 1);
        checkEvaluationArguments(maxOrder, out, 0);
        evaluateOn(interval, x, maxOrder, out, 0);
    }

    /**
     * {@link #evaluate(double, int, double[], int)} for the points {@code x[0..count)} at once, one table per
     * (order, basis function): {@code out[outAt + r*(k+1) + q][n] = d^r/dx^r B_{j+q}(x[n])} with
     * {@code j = intervals[intervalsAt + n] = interval(x[n])}, for {@code r = 0..maxOrder}. Later loops over the
     * points then read each table at the point's index. On uniform grids every table is filled by one loop over
     * the points, which the JIT vectorizes (measured about 6x faster per value than the point-by-point form); on
     * non-uniform grids each point reads its interval's own polynomials. Either way the values are the same bits as
     * {@link #evaluate(double, int, double[], int)}'s. No allocation.
     *
     * @param x         the points, at least count of them
     * @param count     the number of points, at least 0
     * @param maxOrder  the highest derivative order, in {@code [0, MAX_DERIVATIVE_ORDER]}
     * @param out       the tables: {@code (maxOrder+1)*(k+1)} distinct arrays from outAt, each holding count values
     * @param outAt     the first table's index in out
     * @param intervals receives the points' grid intervals from intervalsAt on
     * @throws IllegalArgumentException if count, maxOrder, out, outAt or intervals is invalid
     */
    public void evaluate(double[] x, int count, int maxOrder, double[][] out, int outAt, int[] intervals,
                         int intervalsAt) {
        checkBlockArguments(x, count, maxOrder, out, outAt, intervals, intervalsAt);
        double[] u = out[outAt];   // the local coordinates, until the table of B_j itself is written
        for (int n = 0; n < count; n++) {
            int j = interval(x[n]);
            intervals[intervalsAt + n] = j;
            u[n] = localCoordinate(x[n], j);
        }
        polynomials.evaluate(count, uniform ? null : intervals, intervalsAt, maxOrder, out, outAt);
    }

    private void evaluateOn(int j, double x, int maxOrder, double[] out, int at) {
        polynomials.evaluate(localCoordinate(x, j), uniform ? 0 : j, maxOrder, out, at);
    }

    /** {@code u = (x - g_j) / h_j}, the coordinate the local polynomials of interval j take. */
    private double localCoordinate(double x, int j) {
        return uniform ? (x - grid[0]) * inverseSpacing - j : (x - grid[j]) * inverseWidths[j];
    }

    /**
     * Dense evaluation for many points, for dense/GEMM backends: {@code result[r][p][m] = d^r B_m(xs[p])} for
     * {@code r = 0..maxOrder}, every basis function m, with zeros off the local support of each point.
     *
     * @param xs       the points
     * @param maxOrder the highest derivative order, in {@code [0, MAX_DERIVATIVE_ORDER]}
     * @return the dense array, dimensions {@code [maxOrder+1][xs.length][basisCount()]}
     * @throws IllegalArgumentException if xs is null or maxOrder is invalid
     */
    public double[][][] evaluateDense(double[] xs, int maxOrder) {
        Arguments.notNull("xs", xs);
        Arguments.inRange("maxOrder", maxOrder, 0, MAX_DERIVATIVE_ORDER);
        int width = degree + 1;
        double[][][] result = new double[maxOrder + 1][xs.length][basisCount()];
        double[] local = new double[(maxOrder + 1) * width];
        for (int p = 0; p < xs.length; p++) {
            int j = evaluate(xs[p], maxOrder, local);
            for (int r = 0; r <= maxOrder; r++) {
                System.arraycopy(local, r * width, result[r][p], j, width);
            }
        }
        return result;
    }

    /**
     * The spline {@code s = sum_m c_m B_m} or one of its derivatives at x: returns {@code s^(order)(x)}, with the
     * same polynomial extrapolation outside {@code [lo, hi]} as the basis. A convenience, not a hot-path method
     * (it allocates a small work array).
     *
     * @param coefficients the coefficients {@code c_0 .. c_{G+k-1}}, length {@link #basisCount()}
     * @param x            the point
     * @param order        the derivative order, in {@code [0, MAX_DERIVATIVE_ORDER]}
     * @return {@code s^(order)(x)}
     * @throws IllegalArgumentException if coefficients has the wrong length or order is invalid
     */
    public double spline(double[] coefficients, double x, int order) {
        Arguments.length("coefficients", coefficients, basisCount(), "basisCount()");
        Arguments.inRange("order", order, 0, MAX_DERIVATIVE_ORDER);
        int width = degree + 1;
        double[] local = new double[(order + 1) * width];
        int j = evaluate(x, order, local);
        double sum = 0.0;
        for (int q = 0; q < width; q++) {
            sum += coefficients[j + q] * local[order * width + q];
        }
        return sum;
    }

    /**
     * A knot vector with the extra grid point x inserted. The extension knots are kept as they are (even when x
     * falls in an end interval), so the new knot vector refines this one and
     * {@link #insertKnotCoefficients(double[], double)} is exact.
     *
     * @param x the new grid point, finite, {@code lo < x < hi}, not already a grid point
     * @return the refined knot vector, with G+1 intervals
     * @throws IllegalArgumentException if x is outside {@code (lo, hi)} or already a grid point
     */
    public KnotVector withGridPoint(double x) {
        int j = checkInsertionPoint(x);
        double[] t = new double[knots.length + 1];
        int position = j + degree + 1;
        System.arraycopy(knots, 0, t, 0, position);
        t[position] = x;
        System.arraycopy(knots, position, t, position + 1, knots.length - position);
        return new KnotVector(t, degree, false);
    }

    /**
     * Exact knot insertion (Boehm): the coefficients of the same spline function on {@link #withGridPoint(double)
     * withGridPoint(x)}. The function is unchanged to round-off on {@code [lo, hi]}, and so is its polynomial
     * extrapolation outside, since the end pieces do not change.
     *
     * @param coefficients the coefficients on this knot vector, length {@link #basisCount()}
     * @param x            the new grid point, as for {@link #withGridPoint(double)}
     * @return the coefficients on the refined knot vector, length {@code basisCount() + 1}
     * @throws IllegalArgumentException if coefficients has the wrong length or x is invalid
     */
    public double[] insertKnotCoefficients(double[] coefficients, double x) {
        Arguments.length("coefficients", coefficients, basisCount(), "basisCount()");
        int j = checkInsertionPoint(x);
        return BoehmInsertion.insert(knots, degree, coefficients, x, j + degree);
    }

    /**
     * @param o the other object
     * @return true when o is a KnotVector with the same degree, the same knots (bit for bit) and the same
     *         uniformity flag
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KnotVector)) {
            return false;
        }
        KnotVector other = (KnotVector) o;
        return degree == other.degree && uniform == other.uniform && Arrays.equals(knots, other.knots);
    }

    /** @return a hash code consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        return 31 * (31 * degree + Boolean.hashCode(uniform)) + Arrays.hashCode(knots);
    }

    /** @return a summary such as {@code KnotVector[G=5, k=3, [-1.0, 1.0], uniform]} */
    @Override
    public String toString() {
        return "KnotVector[G=" + intervals + ", k=" + degree + ", [" + lo() + ", " + hi() + "], "
                + (uniform ? "uniform" : "non-uniform") + "]";
    }

    private void checkEvaluationArguments(int maxOrder, double[] out, int at) {
        Arguments.inRange("maxOrder", maxOrder, 0, MAX_DERIVATIVE_ORDER);
        int needed = (maxOrder + 1) * (degree + 1);
        if (at < 0) {
            throw new IllegalArgumentException("at (first index in out) must be >= 0, got " + at);
        }
        if (out == null || out.length - at < needed) {
            throw new IllegalArgumentException("out.length must be >= at + (maxOrder + 1) * (degree + 1) = "
                    + (at + needed) + ", got " + (out == null ? "null" : String.valueOf(out.length)));
        }
    }

    private void checkBlockArguments(double[] x, int count, int maxOrder, double[][] out, int outAt,
                                     int[] intervals, int intervalsAt) {
        Arguments.notNull("x", x);
        Arguments.inRange("count", count, 0, x.length);
        Arguments.inRange("maxOrder", maxOrder, 0, MAX_DERIVATIVE_ORDER);
        int tables = (maxOrder + 1) * (degree + 1);
        if (out == null || outAt < 0 || out.length - outAt < tables) {
            throw new IllegalArgumentException("out must hold (maxOrder + 1) * (degree + 1) = " + tables
                    + " tables from outAt = " + outAt + ", got " + (out == null ? "null" : out.length + " tables"));
        }
        for (int t = outAt; t < outAt + tables; t++) {
            if (out[t] == null || out[t].length < count) {
                throw new IllegalArgumentException("out[" + t + "] must hold count = " + count + " values, got "
                        + (out[t] == null ? "null" : String.valueOf(out[t].length)));
            }
        }
        if (intervals == null || intervalsAt < 0 || intervals.length - intervalsAt < count) {
            throw new IllegalArgumentException("intervals must hold count = " + count + " values from intervalsAt = "
                    + intervalsAt + ", got " + (intervals == null ? "null" : "length " + intervals.length));
        }
    }

    /** Checks a new grid point and returns the interval holding it. */
    private int checkInsertionPoint(double x) {
        if (!(x > lo() && x < hi())) {
            throw new IllegalArgumentException("x (new grid point) must be strictly inside (lo, hi) = ("
                    + lo() + ", " + hi() + "), got " + x);
        }
        int j = interval(x);
        if (x == grid[j]) {
            throw new IllegalArgumentException("x (new grid point) must not be an existing grid point, got "
                    + x + " = gridPoints[" + j + "]");
        }
        return j;
    }

    private static void requireValidKnots(double[] t) {
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i]) || (i > 0 && !(t[i] > t[i - 1]))) {
                throw new IllegalArgumentException("knots must be finite and strictly increasing in double"
                        + " precision (grid too wide or too narrow): knots = " + Arrays.toString(t));
            }
        }
    }

    private static boolean hasEqualSpacings(double[] t, int intervals, int degree) {
        double mean = (t[degree + intervals] - t[degree]) / intervals;
        for (int i = 1; i < t.length; i++) {
            if (Math.abs(t[i] - t[i - 1] - mean) > UNIFORM_TOLERANCE * mean) {
                return false;
            }
        }
        return true;
    }
}
