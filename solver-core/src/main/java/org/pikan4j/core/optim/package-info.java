/**
 * Gradient-based optimizers working on a flat {@code double[]} parameter vector &theta;.
 *
 * <p>The package separates <em>configuration</em> from <em>state</em>:
 * <ul>
 *   <li>{@link org.pikan4j.core.optim.Optimizer} implementations ({@link org.pikan4j.core.optim.Adam},
 *       {@link org.pikan4j.core.optim.Lbfgs}, which also configures full BFGS with a dense inverse Hessian) are
 *       immutable values built with static factories and {@code withXxx} methods that return new instances;</li>
 *   <li>{@link org.pikan4j.core.optim.OptimizerRun} implementations ({@link org.pikan4j.core.optim.AdamRun},
 *       {@link org.pikan4j.core.optim.LbfgsRun}) hold the mutable state of one run and expose their
 *       state arrays, so that a run can be checkpointed, restored, or have its state transferred
 *       when the parameter vector is re-mapped (for example after a KAN grid extension).</li>
 * </ul>
 *
 * <p>Least-squares problems with an explicit Jacobian ({@link org.pikan4j.core.optim.LeastSquaresObjective})
 * are handled separately by {@link org.pikan4j.core.optim.LevenbergMarquardt}, which either delegates a whole
 * minimization to Hipparchus's Levenberg-Marquardt optimizer or runs a small step-by-step damped
 * Gauss-Newton iteration ({@link org.pikan4j.core.optim.DampedGaussNewtonRun}).
 *
 * <p>All array arguments are used in place: a run updates the &theta; array it was started with.
 * Nothing in this package is thread-safe; configurations are immutable and may be shared.
 */
package org.pikan4j.core.optim;
