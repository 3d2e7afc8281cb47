package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.pikan4j.core.spline.KnotVector;

/**
 * The exact coefficient map from a coarse knot vector to a finer one whose grid contains the coarse grid
 * (same ends, same degree), e.g. a uniform grid of G to one of 2G intervals.
 *
 * <p>Two steps. First, Boehm insertion of every fine grid point the coarse grid lacks
 * ({@link KnotVector#insertKnotCoefficients}); this keeps the coarse extension knots. Second, a change of the
 * extension knots to the fine ones: B-splines whose knots are all grid points are the same functions in both
 * bases, so those coefficients are copied, and the k coefficients at each end are solved from the end intervals
 * (k+1 points each, a consistent system solved by QR). Both steps reproduce the spline function on
 * {@code [lo, hi]} to round-off, and its polynomial extrapolation outside, since the end pieces are the same
 * polynomials.
 */
final class NestedSplineMap {

    private NestedSplineMap() {
    }

    /**
     * @param coarse the old knot vector
     * @param fine   the new knot vector, whose grid points include the old ones (to {@code 1e-9} of the smallest
     *               fine spacing)
     * @return A, {@code [fine.basisCount()][coarse.basisCount()]}, with {@code c_fine = A c_coarse}
     * @throws IllegalArgumentException if the grids are not nested
     */
    static double[][] matrix(KnotVector coarse, KnotVector fine) {
        double[] fineGrid = fine.gridPoints();
        double tolerance = 1e-9 * smallestSpacing(fineGrid);
        List<Double> missing = new ArrayList<>();
        for (int i = 1; i + 1 < fineGrid.length; i++) {
            double x = fineGrid[i];
            double nearest = coarse.gridPoints()[nearestGridPoint(coarse, x)];
            if (Math.abs(nearest - x) > tolerance) {
                missing.add(x);
            }
        }
        Inserted inserted = insert(coarse, missing.stream().mapToDouble(Double::doubleValue).toArray());
        KnotVector current = inserted.grid();
        if (current.intervals() != fine.intervals() || coarse.degree() != fine.degree()
                || Math.abs(coarse.lo() - fine.lo()) > tolerance || Math.abs(coarse.hi() - fine.hi()) > tolerance) {
            throw new IllegalArgumentException("grids must be nested (every grid point of " + coarse
                    + " a grid point of " + fine + ")");
        }
        double[][] afterInsertion = inserted.matrix();
        return rebaseEnds(current, fine, afterInsertion);
    }

    /** A knot vector after Boehm insertion, with the coefficient map {@code [new basis][old basis]}. */
    record Inserted(KnotVector grid, double[][] matrix) {
    }

    /**
     * Boehm insertion of new grid points, extension knots kept ({@link KnotVector#withGridPoint}).
     *
     * @param from   the knot vector
     * @param points new grid points, strictly inside the grid range, none an existing grid point, no repeats
     * @return the refined knot vector and the exact coefficient map
     */
    static Inserted insert(KnotVector from, double[] points) {
        List<KnotVector> before = new ArrayList<>();
        KnotVector current = from;
        for (double x : points) {
            before.add(current);
            current = current.withGridPoint(x);
        }
        int oldCount = from.basisCount();
        double[][] matrix = new double[current.basisCount()][oldCount];
        for (int j = 0; j < oldCount; j++) {
            double[] c = new double[oldCount];
            c[j] = 1.0;
            for (int s = 0; s < points.length; s++) {
                c = before.get(s).insertKnotCoefficients(c, points[s]);
            }
            for (int m = 0; m < c.length; m++) {
                matrix[m][j] = c[m];
            }
        }
        return new Inserted(current, matrix);
    }

    /** Re-expresses splines on {@code from} (same grid as {@code to}, other extension knots) in {@code to}'s basis. */
    private static double[][] rebaseEnds(KnotVector from, KnotVector to, double[][] coefficients) {
        int k = to.degree();
        int intervals = to.intervals();
        int count = to.basisCount();
        int columns = coefficients[0].length;
        boolean[] known = new boolean[count];
        int[] unknownColumn = new int[count];
        int unknowns = 0;
        for (int m = 0; m < count; m++) {
            known[m] = m >= k && m < intervals;   // all knots t_m .. t_{m+k+1} are grid points
            unknownColumn[m] = known[m] ? -1 : unknowns++;
        }
        double[][] result = new double[count][];
        for (int m = 0; m < count; m++) {
            result[m] = known[m] ? coefficients[m].clone() : new double[columns];
        }
        List<Integer> endIntervals = new ArrayList<>();
        for (int q = 0; q < intervals; q++) {
            if (q < k || q >= intervals - k) {
                endIntervals.add(q);
            }
        }
        double[] grid = to.gridPoints();
        int width = k + 1;
        double[][] design = new double[endIntervals.size() * width][unknowns];
        double[][] target = new double[endIntervals.size() * width][columns];
        double[] toLocal = new double[width];
        double[] fromLocal = new double[width];
        int row = 0;
        for (int q : endIntervals) {
            for (int p = 0; p < width; p++, row++) {
                double x = grid[q] + (p + 1.0) / (width + 1.0) * (grid[q + 1] - grid[q]);
                to.evaluate(x, q, 0, toLocal);
                from.evaluate(x, q, 0, fromLocal);
                for (int r = 0; r < width; r++) {
                    int m = q + r;
                    for (int j = 0; j < columns; j++) {
                        target[row][j] += coefficients[m][j] * fromLocal[r];
                    }
                    if (known[m]) {
                        for (int j = 0; j < columns; j++) {
                            target[row][j] -= result[m][j] * toLocal[r];
                        }
                    } else {
                        design[row][unknownColumn[m]] = toLocal[r];
                    }
                }
            }
        }
        RealMatrix solved = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                .solve(new Array2DRowRealMatrix(target, false));
        for (int m = 0; m < count; m++) {
            if (!known[m]) {
                result[m] = solved.getRow(unknownColumn[m]);
            }
        }
        return result;
    }

    private static int nearestGridPoint(KnotVector kv, double x) {
        int j = kv.interval(x);
        double[] g = kv.gridPoints();
        return Math.abs(g[j + 1] - x) < Math.abs(g[j] - x) ? j + 1 : j;
    }

    private static double smallestSpacing(double[] grid) {
        double h = Double.POSITIVE_INFINITY;
        for (int i = 1; i < grid.length; i++) {
            h = Math.min(h, grid[i] - grid[i - 1]);
        }
        return h;
    }
}
