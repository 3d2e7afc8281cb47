package org.pikan4j.core.optim;

/**
 * The mutable state of one optimizer run.
 */
public interface OptimizerRun {

    /**
     * Performs one iteration, updating {@link #theta()} in place.
     *
     * <p>Each implementation documents whether the returned value is taken at the new &theta;
     * or at the start of the step.
     *
     * @return the objective value (see the implementation for which &theta; it belongs to)
     */
    double step();

    /**
     * Returns the number of iterations performed so far.
     *
     * @return the iteration count
     */
    int iterations();

    /**
     * Tells whether the run has converged or cannot make further progress; once true, further
     * {@link #step()} calls leave &theta; unchanged.
     *
     * @return true if converged or stalled
     */
    boolean converged();

    /**
     * Returns the parameter array this run updates (the same instance passed at start).
     *
     * @return the live parameter array
     */
    double[] theta();
}
