package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * Immutable configuration of the limited-memory BFGS optimizer with a strong Wolfe line search.
 *
 * <p>Usage: {@code Lbfgs.steps(500).withHistorySize(50).withGradientTolerance(1e-10)}.
 * Defaults: history size 20, gradient tolerance 1e-9 (infinity norm), at most 25 function
 * evaluations per line search. The Wolfe constants are fixed at c1 = {@value #C1}, c2 = {@value #C2}.
 *
 * @see LbfgsRun for the iteration
 */
public final class Lbfgs implements Optimizer {

    /** Sufficient-decrease constant of the strong Wolfe conditions. */
    public static final double C1 = 1e-4;
    /** Curvature constant of the strong Wolfe conditions. */
    public static final double C2 = 0.9;

    private final int steps;
    private final int historySize;
    private final double gradientTolerance;
    private final int maxLineSearchEvaluations;

    private Lbfgs(int steps, int historySize, double gradientTolerance, int maxLineSearchEvaluations) {
        this.steps = steps;
        this.historySize = historySize;
        this.gradientTolerance = gradientTolerance;
        this.maxLineSearchEvaluations = maxLineSearchEvaluations;
    }

    /**
     * Creates a default configuration with the given iteration budget.
     *
     * @param n the iteration budget, at least 1
     * @return the configuration
     */
    public static Lbfgs steps(int n) {
        Arguments.atLeast("steps", n, 1);
        return new Lbfgs(n, 20, 1e-9, 25);
    }

    /**
     * Returns a copy with another iteration budget.
     *
     * @param n the iteration budget, at least 1
     * @return the new configuration
     */
    public Lbfgs withSteps(int n) {
        Arguments.atLeast("steps", n, 1);
        return new Lbfgs(n, historySize, gradientTolerance, maxLineSearchEvaluations);
    }

    /**
     * Returns a copy with another number of stored correction pairs.
     *
     * @param m the history size, at least 1
     * @return the new configuration
     */
    public Lbfgs withHistorySize(int m) {
        Arguments.atLeast("historySize", m, 1);
        return new Lbfgs(steps, m, gradientTolerance, maxLineSearchEvaluations);
    }

    /**
     * Returns a copy with another convergence threshold on max<sub>i</sub> |g<sub>i</sub>|.
     *
     * @param tolerance the threshold, &gt;= 0 and finite (0 disables the test)
     * @return the new configuration
     */
    public Lbfgs withGradientTolerance(double tolerance) {
        Arguments.nonNegative("gradientTolerance", tolerance);
        return new Lbfgs(steps, historySize, tolerance, maxLineSearchEvaluations);
    }

    /**
     * Returns a copy with another bound on function evaluations per line search.
     *
     * @param n the bound, at least 1
     * @return the new configuration
     */
    public Lbfgs withMaxLineSearchEvaluations(int n) {
        Arguments.atLeast("maxLineSearchEvaluations", n, 1);
        return new Lbfgs(steps, historySize, gradientTolerance, n);
    }

    /** {@inheritDoc} @return {@code "lbfgs"} */
    @Override
    public String name() {
        return "lbfgs";
    }

    /** {@inheritDoc} */
    @Override
    public int steps() {
        return steps;
    }

    /**
     * Returns the number of stored correction pairs.
     *
     * @return the history size
     */
    public int historySize() {
        return historySize;
    }

    /**
     * Returns the convergence threshold on the infinity norm of the gradient.
     *
     * @return the gradient tolerance
     */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /**
     * Returns the bound on function evaluations per line search.
     *
     * @return the bound
     */
    public int maxLineSearchEvaluations() {
        return maxLineSearchEvaluations;
    }

    /**
     * Starts a run; evaluates the objective once at {@code theta}.
     *
     * @param objective the objective to minimize
     * @param theta     the starting parameters, updated in place
     * @return the run
     */
    @Override
    public LbfgsRun start(Objective objective, double[] theta) {
        return new LbfgsRun(this, objective, theta);
    }

    @Override
    public String toString() {
        return "Lbfgs[steps=" + steps + ", historySize=" + historySize + ", gradientTolerance="
                + gradientTolerance + ", maxLineSearchEvaluations=" + maxLineSearchEvaluations + "]";
    }
}
