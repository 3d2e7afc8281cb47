package org.pikan4j.validation.solve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.refine.LayerInputs;
import org.pikan4j.core.symbolic.SymbolicEdges;
import org.pikan4j.core.symbolic.SymbolicLibrary;
import org.pikan4j.core.symbolic.SymbolicModel;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.dsl.SymbolicTrial;
import org.pikan4j.validation.metrics.ErrorMetrics;

/**
 * Reads a solved KAN back as a formula, in three steps, each scored against the exact solution on the
 * evaluation grid: every edge gets its best candidate of the library (fitted on the values that
 * reach it at the training points); the composed formula is fine-tuned to the network's outputs there; then
 * fine-tuned against the PDE and conditions themselves ({@link SymbolicTrial}). Immutable.
 */
public final class SymbolicReadout {

    /** Levenberg-Marquardt iterations of each fine-tuning step. */
    public static final int DEFAULT_STEPS = 100;

    /**
     * The formula after each step with its errors by field.
     *
     * @param fitted    every edge fixed to its best candidate
     * @param distilled fine-tuned to the network's outputs
     * @param tuned     fine-tuned against the problem's terms
     * @param errors    the errors of the three, in that order
     * @param seconds   wall time of the readout
     */
    public record Result(SymbolicModel fitted, SymbolicModel distilled, SymbolicModel tuned,
                         List<Map<String, ErrorMetrics>> errors, double seconds) {
    }

    private final int steps;
    private final List<SymbolicLibrary> libraries;

    private SymbolicReadout(int steps, List<SymbolicLibrary> libraries) {
        this.steps = steps;
        this.libraries = List.copyOf(libraries);
    }

    /** A readout with {@link #DEFAULT_STEPS} iterations per fine-tuning step and the standard library. */
    public static SymbolicReadout defaults() {
        return new SymbolicReadout(DEFAULT_STEPS, List.of());
    }

    /** The same with another iteration budget per fine-tuning step (at least 1). */
    public SymbolicReadout withSteps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + n);
        }
        return new SymbolicReadout(n, libraries);
    }

    /**
     * The same with one library per layer, input side first: a guess at the structure, e.g.
     * {@code [only("x"), only("cos")]} for a KAN [2, 2, 1]. Empty: the standard library everywhere.
     */
    public SymbolicReadout withLibraries(List<SymbolicLibrary> perLayer) {
        return new SymbolicReadout(steps, perLayer);
    }

    /**
     * Reads the solution's network.
     *
     * @throws IllegalArgumentException when the network is not a KAN, or the problem has trainable
     *                                  coefficients (the formula is fine-tuned with the coefficients fixed)
     */
    public Result read(Solution solution) {
        long start = System.nanoTime();
        Problem problem = solution.problem();
        Discretization discretization = problem.discretize(solution.settings().collocation());
        double[][] points = discretization.trainingPoints();
        double[] theta = solution.training().theta();
        SymbolicEdges edges = SymbolicEdges.of(solution.network(), theta).withInputs(points);
        if (!libraries.isEmpty() && libraries.size() != solution.network().layers().size()) {
            throw new IllegalArgumentException("libraries must hold one library per layer ("
                    + solution.network().layers().size() + "), got " + libraries.size());
        }
        for (int l = 0; l < libraries.size(); l++) {
            edges = edges.withLibrary(l, libraries.get(l));
        }
        SymbolicModel fitted = edges.auto(0.0).model();
        LayerInputs values = LayerInputs.of(solution.network(), theta, points);
        int depth = solution.network().layers().size();
        double[][] targets = new double[points.length][solution.network().outputDimension()];
        for (int k = 0; k < targets[0].length; k++) {
            double[] column = values.column(depth, k);
            for (int n = 0; n < points.length; n++) {
                targets[n][k] = column[n];
            }
        }
        LevenbergMarquardt lm = LevenbergMarquardt.steps(steps);
        SymbolicModel distilled = fitted.fineTune(points, targets, lm);
        SymbolicModel tuned = SymbolicTrial.fineTune(discretization, distilled, lm);
        List<Map<String, ErrorMetrics>> errors = List.of(errors(solution, fitted), errors(solution, distilled),
                errors(solution, tuned));
        return new Result(fitted, distilled, tuned, errors, (System.nanoTime() - start) * 1e-9);
    }

    private static Map<String, ErrorMetrics> errors(Solution solution, SymbolicModel model) {
        Problem problem = solution.problem();
        double[][] points = solution.grid().points();
        double[][] u = SymbolicTrial.fieldValues(problem, model, points);
        Map<String, ErrorMetrics> byField = new LinkedHashMap<>();
        for (int k = 0; k < u.length; k++) {
            String field = problem.fieldNames().get(k);
            byField.put(field, ErrorMetrics.compare(u[k], solution.exact().get(field)));
        }
        return byField;
    }

    @Override
    public String toString() {
        return "SymbolicReadout[steps " + steps + (libraries.isEmpty() ? "" : ", libraries " + libraries) + "]";
    }
}
