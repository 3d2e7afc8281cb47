package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * Immutable configuration of the limited-memory BFGS optimizer with a strong Wolfe line search, or of full BFGS
 * with a dense, self-scaled inverse Hessian ({@link #withDenseInverse()}).
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
    /** The most numbers a dense inverse Hessian may hold (its upper triangle; 1.6 GB). */
    static final long MAX_DENSE_ENTRIES = 200_000_000L;

    private final int steps;
    private final int historySize;
    private final double gradientTolerance;
    private final int maxLineSearchEvaluations;
    private final boolean denseInverse;

    private Lbfgs(int steps, int historySize, double gradientTolerance, int maxLineSearchEvaluations,
                  boolean denseInverse) {
        this.steps = steps;
        this.historySize = historySize;
        this.gradientTolerance = gradientTolerance;
        this.maxLineSearchEvaluations = maxLineSearchEvaluations;
        this.denseInverse = denseInverse;
    }

    /**
     * Creates a default configuration with the given iteration budget.
     *
     * @param n the iteration budget, at least 1
     * @return the configuration
     */
    public static Lbfgs steps(int n) {
        Arguments.atLeast("steps", n, 1);
        return new Lbfgs(n, 20, 1e-9, 25, false);
    }

    /**
     * Returns a copy with another iteration budget.
     *
     * @param n the iteration budget, at least 1
     * @return the new configuration
     */
    public Lbfgs withSteps(int n) {
        Arguments.atLeast("steps", n, 1);
        return new Lbfgs(n, historySize, gradientTolerance, maxLineSearchEvaluations, denseInverse);
    }

    /**
     * Returns a copy with another number of stored correction pairs.
     *
     * @param m the history size, at least 1
     * @return the new configuration
     */
    public Lbfgs withHistorySize(int m) {
        Arguments.atLeast("historySize", m, 1);
        return new Lbfgs(steps, m, gradientTolerance, maxLineSearchEvaluations, denseInverse);
    }

    /**
     * Returns a copy with another convergence threshold on max<sub>i</sub> |g<sub>i</sub>|.
     *
     * @param tolerance the threshold, &gt;= 0 and finite (0 disables the test)
     * @return the new configuration
     */
    public Lbfgs withGradientTolerance(double tolerance) {
        Arguments.nonNegative("gradientTolerance", tolerance);
        return new Lbfgs(steps, historySize, tolerance, maxLineSearchEvaluations, denseInverse);
    }

    /**
     * Returns a copy with another bound on function evaluations per line search.
     *
     * @param n the bound, at least 1
     * @return the new configuration
     */
    public Lbfgs withMaxLineSearchEvaluations(int n) {
        Arguments.atLeast("maxLineSearchEvaluations", n, 1);
        return new Lbfgs(steps, historySize, gradientTolerance, n, denseInverse);
    }

    /**
     * Returns a copy that keeps the whole inverse Hessian approximation as a dense matrix, updated by self-scaled
     * BFGS, instead of the newest {@link #historySize()} correction pairs. It remembers all the curvature seen and
     * reaches far smaller PINN losses per step, at n(n + 1) / 2 numbers of memory (35 MB for 3,000 parameters) and
     * about three passes over them per step: for models up to a few thousand parameters.
     *
     * @return the new configuration
     */
    public Lbfgs withDenseInverse() {
        return new Lbfgs(steps, historySize, gradientTolerance, maxLineSearchEvaluations, true);
    }

    /**
     * Tells whether runs keep a dense inverse Hessian ({@link #withDenseInverse()}).
     *
     * @return true for full BFGS, false for limited memory
     */
    public boolean denseInverse() {
        return denseInverse;
    }

    /** {@inheritDoc} @return {@code "bfgs"} with a dense inverse, {@code "lbfgs"} otherwise */
    @Override
    public String name() {
        return denseInverse ? "bfgs" : "lbfgs";
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
        Arguments.notNull("theta", theta);
        if (denseInverse && BfgsState.upperTriangleLength(theta.length) > MAX_DENSE_ENTRIES) {
            throw new IllegalArgumentException("a dense inverse Hessian for theta.length = " + theta.length
                    + " parameters would hold " + BfgsState.upperTriangleLength(theta.length)
                    + " numbers; at most " + MAX_DENSE_ENTRIES + " (about 20,000 parameters): use limited memory");
        }
        return new LbfgsRun(this, objective, theta);
    }

    @Override
    public String toString() {
        return "Lbfgs[steps=" + steps + ", historySize=" + historySize + ", gradientTolerance="
                + gradientTolerance + ", maxLineSearchEvaluations=" + maxLineSearchEvaluations
                + (denseInverse ? ", denseInverse" : "") + "]";
    }
}
