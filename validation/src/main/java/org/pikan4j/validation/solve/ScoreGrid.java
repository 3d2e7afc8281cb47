package org.pikan4j.validation.solve;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.validation.metrics.ErrorMetrics;

/**
 * A further grid a catalog entry's solutions are scored on, e.g. 256 x 100 for Burgers as Raissi et al. tabulate it.
 * For an entry that is the half of a problem odd in one coordinate ({@link CatalogEntry#oddIn()}, e.g.
 * {@code burgers1d-half}) the grid spans the full box, that coordinate's range mirrored about 0, and the solution
 * is extended oddly onto it: u(-x) = -u(x) for x &lt; 0, the trained value itself at x = 0 (so a violated
 * u(0) = 0 counts). On a grid symmetric in that coordinate the relative L2 then equals the half grid's with its
 * x = 0 points weighted 1/2 (the squared errors and reference values of x and -x are equal); a grid without a point
 * at x = 0 (256 points on [-1, 1]) gives exactly the half grid's. Immutable.
 */
public final class ScoreGrid {

    private final EvaluationGrid grid;
    private final int oddAxis;
    private final String label;

    private ScoreGrid(EvaluationGrid grid, int oddAxis, String label) {
        this.grid = grid;
        this.oddAxis = oddAxis;
        this.label = label;
    }

    /**
     * The grid for an entry: over its problem's box, or over the mirrored full box of an entry with odd symmetry.
     *
     * @param entry  the catalog entry
     * @param counts points per axis, one per coordinate, each at least 2
     * @throws IllegalArgumentException when the counts do not fit the domain
     */
    public static ScoreGrid of(CatalogEntry entry, int... counts) {
        Problem problem = entry.problem();
        String named = Arrays.stream(counts).mapToObj(Integer::toString).collect(Collectors.joining("x"));
        if (entry.oddIn().isEmpty()) {
            return new ScoreGrid(EvaluationGrid.of(problem.domain(), counts), -1, named);
        }
        int axis = problem.coordinateNames().indexOf(entry.oddIn().get());
        double[] lower = problem.domain().lowerBounds();
        double[] upper = problem.domain().upperBounds();
        lower[axis] = -upper[axis];
        return new ScoreGrid(EvaluationGrid.ofBox(lower, upper, counts), axis, named + " mirrored");
    }

    /** The grid's points (over the full box for an entry with odd symmetry). */
    public EvaluationGrid grid() {
        return grid;
    }

    /** E.g. "256x100", or "256x100 mirrored" for the full box of an entry with odd symmetry. */
    public String label() {
        return label;
    }

    /**
     * The first field's errors on this grid against the problem's exact (reference) solution evaluated at the grid
     * points themselves, the mirrored ones included.
     *
     * @param solution a solution of this grid's entry
     * @return relative L2 and max error
     */
    public ErrorMetrics error(Solution solution) {
        if (oddAxis < 0) {
            return solution.errorOn(grid);
        }
        double[][] points = grid.points();
        double[] predicted = solution.firstFieldAt(reflected(points));
        for (int n = 0; n < points.length; n++) {
            if (points[n][oddAxis] < 0) {
                predicted[n] = -predicted[n];
            }
        }
        Problem problem = solution.problem();
        return ErrorMetrics.compare(predicted, problem.exact(problem.fieldNames().get(0), points));
    }

    private double[][] reflected(double[][] points) {
        double[][] half = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            half[n] = points[n].clone();
            half[n][oddAxis] = Math.abs(half[n][oddAxis]);
        }
        return half;
    }
}
