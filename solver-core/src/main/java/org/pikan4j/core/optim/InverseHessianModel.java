package org.pikan4j.core.optim;

/**
 * How a quasi-Newton run models the inverse Hessian H from its steps: the newest correction pairs
 * ({@link LbfgsHistory}) or a dense matrix ({@link DenseInverseHessian}). {@link LbfgsRun} owns the line search,
 * the renewals and the stall handling; the model only turns gradients into directions and learns from each step.
 */
interface InverseHessianModel {

    /** Whether the model has learned nothing yet (the run then takes a steepest-descent step). */
    boolean isEmpty();

    /** Forgets all curvature, e.g. after the parameters were re-mapped. */
    void clear();

    /** Writes H g into {@code out}. */
    void multiply(double[] g, double[] out);

    /**
     * Learns from an accepted step; a step with s'y &lt;= 0 (or not finite) is skipped, as it would make H
     * indefinite.
     *
     * @param s          the step, &theta;<sub>k+1</sub> - &theta;<sub>k</sub>
     * @param y          the change of the gradient, g<sub>k+1</sub> - g<sub>k</sub>
     * @param gradient   g<sub>k</sub>, the gradient the step's direction -H g<sub>k</sub> was computed from
     * @param stepLength the line search's step length a, s = -a H g<sub>k</sub>
     */
    void update(double[] s, double[] y, double[] gradient, double stepLength);

    /** The model as an immutable value, e.g. for a checkpoint. */
    OptimizerState state();

    /** Replaces the model by a state captured from a model of the same kind and size. */
    void restore(OptimizerState state);
}
