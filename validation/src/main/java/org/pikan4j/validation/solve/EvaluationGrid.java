package org.pikan4j.validation.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.pikan4j.problems.geometry.Domain;

/**
 * The fixed points a solution is compared with the exact one on: 1001 evenly spaced points for a
 * 1D domain; a 101 x 101 tensor grid over the bounding box of a 2D domain (space-time: x by t),
 * keeping the points the domain contains; 21 points per axis above. {@link #of(Domain, int...)} takes other
 * counts, e.g. 256 x 100 for Burgers as Raissi et al. tabulate it. Immutable.
 */
public final class EvaluationGrid {

    /** Points of a 1D grid. */
    public static final int POINTS_1D = 1001;
    /** Points per axis of a 2D grid. */
    public static final int POINTS_2D = 101;
    /** Points per axis in three or more dimensions. */
    public static final int POINTS_HIGHER = 21;

    private final double[] lower;
    private final double[] upper;
    private final int[] counts;
    private final double[][] points;
    private final int[] cells;

    private EvaluationGrid(double[] lower, double[] upper, int[] counts, double[][] points, int[] cells) {
        this.lower = lower;
        this.upper = upper;
        this.counts = counts;
        this.points = points;
        this.cells = cells;
    }

    /**
     * The grid of a domain.
     *
     * @throws IllegalArgumentException when no grid point lies in the domain
     */
    public static EvaluationGrid of(Domain domain) {
        int d = domain.lowerBounds().length;
        int[] counts = new int[d];
        Arrays.fill(counts, d == 1 ? POINTS_1D : d == 2 ? POINTS_2D : POINTS_HIGHER);
        return of(domain, counts);
    }

    /**
     * The tensor grid of {@code counts[i]} evenly spaced points on axis i of the domain's bounding box (both ends
     * included), keeping the points the domain contains.
     *
     * @param domain the domain
     * @param counts points per axis, one per coordinate, each at least 2
     * @throws IllegalArgumentException when the counts do not fit the domain or no grid point lies in it
     */
    public static EvaluationGrid of(Domain domain, int... counts) {
        return build(domain.lowerBounds(), domain.upperBounds(), counts, domain::contains, domain.toString());
    }

    /**
     * The full tensor grid of {@code counts[i]} evenly spaced points on axis i of a box (both ends included), e.g.
     * the box a symmetric problem's half is mirrored onto.
     *
     * @param lower the box's lower corner
     * @param upper the box's upper corner, above {@code lower} on every axis
     * @param counts points per axis, one per coordinate, each at least 2
     * @throws IllegalArgumentException when the corners or counts do not fit
     */
    public static EvaluationGrid ofBox(double[] lower, double[] upper, int... counts) {
        for (int i = 0; i < Math.max(lower.length, upper.length); i++) {
            if (upper.length != lower.length || !(lower[i] < upper[i])) {
                throw new IllegalArgumentException("evaluation box " + Arrays.toString(lower) + " - "
                        + Arrays.toString(upper) + " needs a lower corner below the upper one on every axis");
            }
        }
        return build(lower.clone(), upper.clone(), counts, p -> true, "the box " + Arrays.toString(lower) + " - "
                + Arrays.toString(upper));
    }

    private static EvaluationGrid build(double[] lo, double[] hi, int[] counts, Predicate<double[]> contains,
                                        String where) {
        int d = lo.length;
        if (counts.length != d || Arrays.stream(counts).anyMatch(c -> c < 2)) {
            throw new IllegalArgumentException("evaluation grid counts " + Arrays.toString(counts) + " must hold one"
                    + " count per coordinate, " + d + " here (" + where + "), each at least 2 points");
        }
        long total = 1;
        for (int c : counts) {
            total *= c;
        }
        List<double[]> kept = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int cell = 0; cell < total; cell++) {
            double[] p = new double[d];
            int rest = cell;
            for (int i = 0; i < d; i++) {
                p[i] = lo[i] + (hi[i] - lo[i]) * (rest % counts[i]) / (counts[i] - 1);
                rest /= counts[i];
            }
            if (contains.test(p)) {
                kept.add(p);
                index.add(cell);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no point of the " + Arrays.toString(counts)
                    + " evaluation grid lies in " + where);
        }
        return new EvaluationGrid(lo, hi, counts.clone(), kept.toArray(new double[0][]),
                index.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The points inside the domain, coordinate 0 varying fastest. */
    public double[][] points() {
        return points;
    }

    /** The number of points inside the domain. */
    public int size() {
        return points.length;
    }

    /** The dimension. */
    public int dimension() {
        return lower.length;
    }

    /** Grid points per axis (inside the domain or not), one count per coordinate. */
    public int[] counts() {
        return counts.clone();
    }

    /** The bounding box's lower corner. */
    public double[] lower() {
        return lower.clone();
    }

    /** The bounding box's upper corner. */
    public double[] upper() {
        return upper.clone();
    }

    /**
     * A 2D grid's values as rows {@code [iy][ix]} (row 0 at the lower y), NaN outside the domain:
     * the layout {@link org.pikan4j.validation.report.Heatmap} draws.
     *
     * @param values one value per point inside, in {@link #points()} order
     * @throws IllegalStateException when the grid is not 2D
     */
    public double[][] asRows(double[] values) {
        if (dimension() != 2) {
            throw new IllegalStateException("only a 2D grid has rows, this one is " + dimension() + "D");
        }
        double[][] rows = new double[counts[1]][counts[0]];
        for (double[] row : rows) {
            Arrays.fill(row, Double.NaN);
        }
        for (int n = 0; n < cells.length; n++) {
            rows[cells[n] / counts[0]][cells[n] % counts[0]] = values[n];
        }
        return rows;
    }
}
