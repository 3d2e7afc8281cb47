package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * The mutable state of an L-BFGS run: &theta;, f(&theta;), &nabla;f(&theta;) and the inverse Hessian model, the
 * correction pairs or, for {@link Lbfgs#withDenseInverse()}, a dense matrix.
 *
 * <p>One {@link #step()} is one quasi-Newton iteration: the model gives d = -H g (for pairs by the two-loop
 * recursion with H0 = gamma I, gamma = s'y/y'y of the newest pair; steepest descent with first trial step
 * min(1, 1/|g|) while the model is empty), then a strong Wolfe line search along d.
 * If the line search fails, the model is cleared and one steepest-descent line search is
 * tried (after renewing the objective, for a run that {@linkplain #renewObjectiveEvery renews} it, one more),
 * then, as a last resort, steps along -g cut tenfold per trial until one decreases the loss sufficiently (where the
 * loss is stiff along the gradient the Wolfe search's halving can run out of evaluations 1e-9 short of any step);
 * if that fails too the run is marked {@linkplain #stalled() stalled} and
 * {@linkplain #converged() converged}, and &theta; keeps its last accepted value.
 * The run also converges when max<sub>i</sub> |g<sub>i</sub>| &lt;= the gradient tolerance.
 */
public final class LbfgsRun implements OptimizerRun {

    private final Lbfgs config;
    private final Objective objective;
    private final double[] theta;
    private final double[] gradient;
    private final InverseHessianModel model;
    private final StrongWolfeLineSearch lineSearch;
    private final double[] direction;
    private final double[] trialPoint;
    private final double[] trialGradient;
    private final double[] sBuffer;
    private final double[] yBuffer;
    private double value;
    private int iterations;
    private int evaluations;
    private boolean converged;
    private boolean stalled;
    private Runnable renewal;
    private int renewEvery;
    private int renewedAt;

    LbfgsRun(Lbfgs config, Objective objective, double[] theta) {
        this.config = config;
        this.objective = Arguments.notNull("objective", objective);
        this.theta = Arguments.nonEmpty("theta", theta);
        int n = theta.length;
        this.gradient = new double[n];
        this.model = config.denseInverse() ? new DenseInverseHessian(n) : new LbfgsHistory(config.historySize(), n);
        this.lineSearch = new StrongWolfeLineSearch(Lbfgs.C1, Lbfgs.C2, config.maxLineSearchEvaluations());
        this.direction = new double[n];
        this.trialPoint = new double[n];
        this.trialGradient = new double[n];
        this.sBuffer = new double[n];
        this.yBuffer = new double[n];
        refresh();
    }

    /**
     * Performs one L-BFGS iteration (a no-op once {@link #converged()}).
     *
     * @return the objective value at the new &theta; (at the unchanged &theta; if no step was accepted)
     */
    @Override
    public double step() {
        if (converged) {
            return value;
        }
        if (renewable() && iterations % renewEvery == 0) {
            renew();
            if (converged) {
                return value;
            }
        }
        boolean accepted = !model.isEmpty() && lineSearchAlong(true);
        if (!accepted) {
            model.clear();
            accepted = lineSearchAlong(false);
        }
        if (!accepted && renewable()) {
            // the held objective may be what blocks progress: renew it once before giving up
            renew();
            if (converged) {
                return value;
            }
            accepted = lineSearchAlong(false);
        }
        if (!accepted) {
            accepted = backtrackAlongGradient();
        }
        if (!accepted) {
            stalled = true;
            converged = true;
            return value;
        }
        for (int i = 0; i < theta.length; i++) {
            sBuffer[i] = trialPoint[i] - theta[i];
            yBuffer[i] = trialGradient[i] - gradient[i];
        }
        model.update(sBuffer, yBuffer, gradient, lineSearch.alpha());
        System.arraycopy(trialPoint, 0, theta, 0, theta.length);
        System.arraycopy(trialGradient, 0, gradient, 0, gradient.length);
        value = lineSearch.value();
        iterations++;
        converged = gradientConverged();
        return value;
    }

    /**
     * Lets the run minimize an objective that changes as training goes on but is held fixed within each line
     * search, e.g. a loss whose causal weights are computed from its residuals: before every {@code every}-th
     * iteration, and once before the run gives up after a failed line search, {@code renew} runs and f and ∇f are
     * re-evaluated at θ. The inverse Hessian model is kept: a renewal changes the objective's curvature little.
     *
     * @param every iterations between renewals, at least 1
     * @param renew what renews the objective, e.g. marks its weights for recomputation at the next evaluation
     */
    public void renewObjectiveEvery(int every, Runnable renew) {
        this.renewEvery = Arguments.atLeast("every", every, 1);
        this.renewal = Arguments.notNull("renew", renew);
        this.renewedAt = iterations;
    }

    /** Whether the run renews its objective and has not done so at this iteration yet. */
    private boolean renewable() {
        return renewal != null && renewedAt != iterations;
    }

    private void renew() {
        renewal.run();
        refresh();
        renewedAt = iterations;
    }

    private boolean lineSearchAlong(boolean quasiNewton) {
        double alpha0;
        if (quasiNewton) {
            model.multiply(gradient, direction);
            for (int i = 0; i < direction.length; i++) {
                direction[i] = -direction[i];
            }
            alpha0 = 1;
        } else {
            alpha0 = steepestDescent();
        }
        boolean ok = lineSearch.search(objective, theta, value, gradient, direction, alpha0,
                trialPoint, trialGradient);
        evaluations += lineSearch.evaluations();
        return ok;
    }

    /** Sufficient decrease alone along -g, by tenfold cuts: the last resort before the run stalls. */
    private boolean backtrackAlongGradient() {
        boolean ok = lineSearch.backtrack(objective, theta, value, gradient, direction, steepestDescent(),
                trialPoint, trialGradient);
        evaluations += lineSearch.evaluations();
        return ok;
    }

    /** Writes -g into the direction; returns the first trial step min(1, 1/|g|). */
    private double steepestDescent() {
        for (int i = 0; i < direction.length; i++) {
            direction[i] = -gradient[i];
        }
        return Math.min(1, 1 / Vectors.norm2(gradient));
    }

    private boolean gradientConverged() {
        return Vectors.normInf(gradient) <= config.gradientTolerance();
    }

    /**
     * Re-evaluates f and &nabla;f at the current {@link #theta()} and re-tests convergence.
     * Call it after modifying &theta; from outside the run (usually together with
     * {@link #resetHistory()}). Clears the stalled flag.
     */
    public void refresh() {
        value = objective.evaluate(theta, gradient);
        evaluations++;
        stalled = false;
        converged = gradientConverged();
    }

    /**
     * Drops the inverse Hessian model's curvature, so the next step starts with steepest descent.
     * Needed when the parameters are re-mapped and old steps no longer describe the curvature.
     */
    public void resetHistory() {
        model.clear();
    }

    /**
     * Returns the inverse Hessian model as a value, e.g. for a checkpoint: an {@link LbfgsState} (the pairs, oldest
     * first) or, for a run with a dense inverse, a {@link BfgsState}.
     *
     * @return a copy of the model
     */
    public OptimizerState state() {
        return model.state();
    }

    /**
     * Replaces the inverse Hessian model by a state of the same kind, captured from a run on as many parameters
     * (of an {@link LbfgsState} pairs with s'y &lt;= 0 are skipped, only the newest {@code historySize} kept).
     *
     * @param state an {@link LbfgsState} for a limited-memory run, a {@link BfgsState} for a dense one
     * @throws IllegalArgumentException if the state is of the other kind or for another number of parameters
     */
    public void restore(OptimizerState state) {
        model.restore(Arguments.notNull("state", state));
    }

    /** {@inheritDoc} */
    @Override
    public int iterations() {
        return iterations;
    }

    /**
     * Tells whether the gradient tolerance is met or no further progress is possible.
     *
     * @return true if converged or {@linkplain #stalled() stalled}
     */
    @Override
    public boolean converged() {
        return converged;
    }

    /**
     * Tells whether the run stopped because even a steepest-descent line search failed.
     *
     * @return true if stalled
     */
    public boolean stalled() {
        return stalled;
    }

    /** {@inheritDoc} */
    @Override
    public double[] theta() {
        return theta;
    }

    /**
     * Returns f at the current &theta;.
     *
     * @return the current objective value
     */
    public double value() {
        return value;
    }

    /**
     * Returns &nabla;f at the current &theta;.
     *
     * @return the live gradient array
     */
    public double[] gradient() {
        return gradient;
    }

    /**
     * Returns the total number of objective evaluations of this run, including the initial one.
     *
     * @return the evaluation count
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Returns the configuration of this run.
     *
     * @return the configuration
     */
    public Lbfgs config() {
        return config;
    }
}
