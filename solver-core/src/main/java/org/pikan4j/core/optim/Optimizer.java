package org.pikan4j.core.optim;

/**
 * An immutable optimizer configuration: how many steps and how.
 *
 * <p>An optimizer is a stage of a training schedule; calling {@link #start} creates an
 * independent {@link OptimizerRun} holding all the mutable state.
 */
public interface Optimizer {

    /**
     * Returns the short name of the method.
     *
     * @return e.g. {@code "adam"}, {@code "lbfgs"}
     */
    String name();

    /**
     * Returns the step budget of this stage.
     *
     * @return the number of {@link OptimizerRun#step()} calls the stage is meant to perform, at least 1
     */
    int steps();

    /**
     * Starts a run from {@code theta}.
     *
     * @param objective the objective to minimize
     * @param theta     the starting parameters; the array is updated in place by the run
     * @return the new run
     */
    OptimizerRun start(Objective objective, double[] theta);
}
