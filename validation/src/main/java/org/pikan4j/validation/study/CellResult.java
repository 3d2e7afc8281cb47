package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;

/**
 * What one cell of a study measured, as one row of {@code results.csv}: the cell (problem, model,
 * points, optimizer chain, seed), the parameter count, the steps taken, the wall time (training
 * and evaluation), the final loss, and the first field's errors: relative L2 and max error on the
 * {@link org.pikan4j.validation.solve.EvaluationGrid}, and the L2 norm of the error by Gauss-Legendre
 * quadrature ({@link BoxQuadrature}). Immutable.
 *
 * @param cell       the run
 * @param parameters network parameters (after grid extension)
 * @param steps      optimizer steps, all stages and grids together
 * @param seconds    wall time of the solve
 * @param finalLoss  the loss at the returned parameters
 * @param relativeL2 relative L2 error on the evaluation grid
 * @param maxError   maximum absolute error on the evaluation grid
 * @param l2Error    (∫ (u - u*)²)^½ over the domain by quadrature
 * @param stop       why training stopped (a {@link org.pikan4j.core.train.StopReason} name)
 */
public record CellResult(StudyCell cell, int parameters, int steps, double seconds, double finalLoss, double relativeL2,
                         double maxError, double l2Error, String stop) {

    /** The CSV header; the columns of {@link #toCsv()}. */
    public static final List<String> COLUMNS = List.of("problem", "family", "widths", "params", "grid", "k", "schedule",
            "interior", "boundary", "initial", "adam", "lr", "lbfgs", "history", "lm", "seed", "steps", "wall_s",
            "final_loss", "rel_l2", "max_error", "l2_error", "stop");

    /** Checks that the cell and the stop reason are given. */
    public CellResult {
        if (cell == null || stop == null || stop.isEmpty() || stop.contains(",")) {
            throw new IllegalArgumentException("cell and a stop reason without commas must be given, got " + cell
                    + " and " + stop);
        }
    }

    /** What the history column holds for a plan with a dense inverse Hessian instead of pairs. */
    static final String DENSE = "dense";

    /** The L-BFGS pairs, or {@value #DENSE}. */
    private static String history(OptimizerPlan o) {
        return o.denseInverse() ? DENSE : Integer.toString(o.lbfgsHistory());
    }

    /** The row (no trailing newline); no cell contains a comma, so no quoting is needed. */
    public String toCsv() {
        StudyCell c = cell;
        ModelSpec m = c.model();
        boolean kan = m.kind() == ModelSpec.Kind.KAN;
        OptimizerPlan o = c.optimizer();
        List<String> row = List.of(c.problem(), m.kind().name().toLowerCase(Locale.ROOT), widths(m.widths()),
                Integer.toString(parameters), kan ? Integer.toString(c.finalGrid()) : "",
                kan ? Integer.toString(m.degree()) : "", c.schedule(),
                Integer.toString(c.interior()), Integer.toString(c.boundary()), Integer.toString(c.initial()),
                Integer.toString(o.adamSteps()), Double.toString(o.learningRate()), Integer.toString(o.lbfgsSteps()),
                history(o), Integer.toString(o.lmSteps()), Long.toString(c.seed()),
                Integer.toString(steps), String.format(Locale.ROOT, "%.3f", seconds), Double.toString(finalLoss),
                Double.toString(relativeL2), Double.toString(maxError), Double.toString(l2Error), stop);
        return String.join(",", row);
    }

    /**
     * Reads a row written by {@link #toCsv()}.
     *
     * @throws IllegalArgumentException saying which column is wrong
     */
    public static CellResult fromCsv(String line) {
        String[] v = line.split(",", -1);
        if (v.length != COLUMNS.size()) {
            throw new IllegalArgumentException("a results row has " + COLUMNS.size() + " columns, got " + v.length);
        }
        try {
            int[] widths = Arrays.stream(v[2].split("x")).mapToInt(Integer::parseInt).toArray();
            ModelSpec model = switch (v[1]) {
                case "kan" -> schedule(v[6], Integer.parseInt(v[5]), widths, Integer.parseInt(v[4]));
                case "mlp" -> ModelSpec.mlp(widths);
                default -> throw new IllegalArgumentException("family must be kan or mlp, got \"" + v[1] + "\"");
            };
            boolean dense = v[13].equals(DENSE);
            OptimizerPlan plan = new OptimizerPlan(Integer.parseInt(v[10]), Double.parseDouble(v[11]),
                    Integer.parseInt(v[12]), dense ? 0 : Integer.parseInt(v[13]), Integer.parseInt(v[14]), dense);
            StudyCell cell = new StudyCell(v[0], model, Integer.parseInt(v[7]), Integer.parseInt(v[8]),
                    Integer.parseInt(v[9]), plan, Long.parseLong(v[15]));
            return new CellResult(cell, Integer.parseInt(v[3]), Integer.parseInt(v[16]), Double.parseDouble(v[17]),
                    Double.parseDouble(v[18]), Double.parseDouble(v[19]), Double.parseDouble(v[20]),
                    Double.parseDouble(v[21]), v[22]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a results row has a malformed number: " + e.getMessage(), e);
        }
    }

    /** A KAN trained on the grids of {@code schedule} in turn ({@code 3-5-10}), which must end on {@code grid}. */
    private static ModelSpec schedule(String schedule, int degree, int[] widths, int grid) {
        int[] grids = Arrays.stream(schedule.split("-")).mapToInt(Integer::parseInt).toArray();
        if (grids[grids.length - 1] != grid) {
            throw new IllegalArgumentException("schedule " + schedule + " must end on the grid " + grid);
        }
        return ModelSpec.kan(grids[0], degree, widths).withExtensions(Arrays.copyOfRange(grids, 1, grids.length));
    }

    /** E.g. {@code 2x10x1}. */
    static String widths(int[] widths) {
        List<String> parts = new ArrayList<>();
        for (int w : widths) {
            parts.add(Integer.toString(w));
        }
        return String.join("x", parts);
    }
}
