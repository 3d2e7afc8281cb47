package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * The state of a {@link DampedGaussNewtonRun} besides its parameters: the damping &lambda;. Residuals and
 * Jacobian are evaluated again by a restored run.
 *
 * @param damping &lambda;, &gt; 0 and finite
 */
public record DampingState(double damping) implements OptimizerState {

    /** Checks the values. */
    public DampingState {
        Arguments.positive("damping", damping);
    }

    /**
     * The same state with the damping divided by {@code factor}: smaller steps.
     *
     * @param factor in (0, 1]
     * @return the more strongly damped state
     */
    public DampingState withDampingOver(double factor) {
        Arguments.unitOpenBelow("factor", factor);
        return new DampingState(Math.min(damping / factor, Double.MAX_VALUE));
    }
}
