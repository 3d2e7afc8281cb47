package org.pikan4j.core.optim;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.pikan4j.core.util.Arguments;

/**
 * Immutable configuration of a Levenberg-Marquardt minimization of a {@link LeastSquaresObjective}
 * (loss = &Sigma; r<sub>i</sub><sup>2</sup>).
 *
 * <p>Levenberg-Marquardt needs the residual Jacobian, so this class does not implement
 * {@link Optimizer} (whose runs only see a scalar {@link Objective}). It offers two entry points:
 * <ul>
 *   <li>{@link #minimize(LeastSquaresObjective, double[])} runs a whole minimization with Hipparchus's
 *       {@link LevenbergMarquardtOptimizer} (MINPACK trust-region LM) and returns a {@link Result};</li>
 *   <li>{@link #start(LeastSquaresObjective, double[])} returns a {@link DampedGaussNewtonRun}, a small
 *       step-by-step Marquardt iteration implementing {@link OptimizerRun}, for training loops that
 *       interleave steps with logging or checkpoints.</li>
 * </ul>
 *
 * <p>Defaults: cost-relative, parameter-relative and orthogonality tolerances 1e-10 (Hipparchus
 * defaults), initial step bound factor 100, unlimited evaluations, initial damping 1e-3.
 */
public final class LevenbergMarquardt {

    /** How a {@link #minimize} call ended. */
    public enum Termination {
        /** One of Hipparchus's convergence criteria (cost, parameter or orthogonality tolerance) was met. */
        CONVERGED,
        /** The iteration budget {@link #steps()} was used up. */
        MAX_ITERATIONS,
        /** The evaluation budget {@link #maxEvaluations()} was used up. */
        MAX_EVALUATIONS,
        /** Hipparchus reported that the tolerances cannot be reached at machine precision. */
        NO_PROGRESS
    }

    /**
     * The outcome of {@link #minimize}.
     *
     * @param iterations  the number of (accepted) LM iterations
     * @param evaluations the number of calls to {@link LeastSquaresObjective#evaluate}
     * @param cost        the final loss &Sigma; r<sub>i</sub><sup>2</sup> (the square of Hipparchus's cost)
     * @param termination why the minimization stopped
     */
    public record Result(int iterations, int evaluations, double cost, Termination termination) {
    }

    private final int steps;
    private final int maxEvaluations;
    private final double costRelativeTolerance;
    private final double parameterRelativeTolerance;
    private final double orthoTolerance;
    private final double initialStepBoundFactor;
    private final double initialDamping;

    private LevenbergMarquardt(int steps, int maxEvaluations, double costRelativeTolerance,
                               double parameterRelativeTolerance, double orthoTolerance,
                               double initialStepBoundFactor, double initialDamping) {
        this.steps = steps;
        this.maxEvaluations = maxEvaluations;
        this.costRelativeTolerance = costRelativeTolerance;
        this.parameterRelativeTolerance = parameterRelativeTolerance;
        this.orthoTolerance = orthoTolerance;
        this.initialStepBoundFactor = initialStepBoundFactor;
        this.initialDamping = initialDamping;
    }

    /**
     * Creates a default configuration with the given iteration budget.
     *
     * @param maxIterations the iteration budget, at least 1
     * @return the configuration
     */
    public static LevenbergMarquardt steps(int maxIterations) {
        Arguments.atLeast("steps", maxIterations, 1);
        return new LevenbergMarquardt(maxIterations, Integer.MAX_VALUE, 1e-10, 1e-10, 1e-10, 100, 1e-3);
    }

    /**
     * Returns a copy with another iteration budget.
     *
     * @param maxIterations the budget, at least 1
     * @return the new configuration
     */
    public LevenbergMarquardt withSteps(int maxIterations) {
        Arguments.atLeast("steps", maxIterations, 1);
        return new LevenbergMarquardt(maxIterations, maxEvaluations, costRelativeTolerance,
                parameterRelativeTolerance, orthoTolerance, initialStepBoundFactor, initialDamping);
    }

    /**
     * Returns a copy with a bound on objective evaluations in {@link #minimize}.
     *
     * @param n the bound, at least 1
     * @return the new configuration
     */
    public LevenbergMarquardt withMaxEvaluations(int n) {
        Arguments.atLeast("maxEvaluations", n, 1);
        return new LevenbergMarquardt(steps, n, costRelativeTolerance,
                parameterRelativeTolerance, orthoTolerance, initialStepBoundFactor, initialDamping);
    }

    /**
     * Returns a copy with another relative tolerance on the cost reduction.
     *
     * @param tolerance the tolerance, &gt;= 0 and finite
     * @return the new configuration
     */
    public LevenbergMarquardt withCostRelativeTolerance(double tolerance) {
        Arguments.nonNegative("costRelativeTolerance", tolerance);
        return new LevenbergMarquardt(steps, maxEvaluations, tolerance,
                parameterRelativeTolerance, orthoTolerance, initialStepBoundFactor, initialDamping);
    }

    /**
     * Returns a copy with another relative tolerance on the parameter change.
     *
     * @param tolerance the tolerance, &gt;= 0 and finite
     * @return the new configuration
     */
    public LevenbergMarquardt withParameterRelativeTolerance(double tolerance) {
        Arguments.nonNegative("parameterRelativeTolerance", tolerance);
        return new LevenbergMarquardt(steps, maxEvaluations, costRelativeTolerance,
                tolerance, orthoTolerance, initialStepBoundFactor, initialDamping);
    }

    /**
     * Returns a copy with another tolerance on the orthogonality between residuals and Jacobian columns.
     *
     * @param tolerance the tolerance, &gt;= 0 and finite
     * @return the new configuration
     */
    public LevenbergMarquardt withOrthoTolerance(double tolerance) {
        Arguments.nonNegative("orthoTolerance", tolerance);
        return new LevenbergMarquardt(steps, maxEvaluations, costRelativeTolerance,
                parameterRelativeTolerance, tolerance, initialStepBoundFactor, initialDamping);
    }

    /**
     * Returns a copy with another factor for the initial trust-region radius of {@link #minimize}.
     *
     * @param factor the factor, &gt; 0 and finite
     * @return the new configuration
     */
    public LevenbergMarquardt withInitialStepBoundFactor(double factor) {
        Arguments.positive("initialStepBoundFactor", factor);
        return new LevenbergMarquardt(steps, maxEvaluations, costRelativeTolerance,
                parameterRelativeTolerance, orthoTolerance, factor, initialDamping);
    }

    /**
     * Returns a copy with another initial damping &lambda; for {@link #start}.
     *
     * @param lambda the damping, &gt; 0 and finite
     * @return the new configuration
     */
    public LevenbergMarquardt withInitialDamping(double lambda) {
        Arguments.positive("initialDamping", lambda);
        return new LevenbergMarquardt(steps, maxEvaluations, costRelativeTolerance,
                parameterRelativeTolerance, orthoTolerance, initialStepBoundFactor, lambda);
    }

    /**
     * Returns the short name of the method.
     *
     * @return {@code "lm"}
     */
    public String name() {
        return "lm";
    }

    /**
     * Returns the iteration budget.
     *
     * @return the maximum number of iterations
     */
    public int steps() {
        return steps;
    }

    /**
     * Returns the evaluation budget of {@link #minimize}.
     *
     * @return the maximum number of evaluations
     */
    public int maxEvaluations() {
        return maxEvaluations;
    }

    /**
     * Returns the cost-relative tolerance.
     *
     * @return the tolerance
     */
    public double costRelativeTolerance() {
        return costRelativeTolerance;
    }

    /**
     * Returns the parameter-relative tolerance.
     *
     * @return the tolerance
     */
    public double parameterRelativeTolerance() {
        return parameterRelativeTolerance;
    }

    /**
     * Returns the orthogonality tolerance.
     *
     * @return the tolerance
     */
    public double orthoTolerance() {
        return orthoTolerance;
    }

    /**
     * Returns the initial step bound factor.
     *
     * @return the factor
     */
    public double initialStepBoundFactor() {
        return initialStepBoundFactor;
    }

    /**
     * Returns the initial damping of {@link #start}.
     *
     * @return the damping
     */
    public double initialDamping() {
        return initialDamping;
    }

    /**
     * Starts a step-by-step damped Gauss-Newton (Marquardt) run; evaluates f once at {@code theta}.
     *
     * @param f     the residuals
     * @param theta the starting parameters (length {@code f.parameterCount()}), updated in place
     * @return the run
     */
    public DampedGaussNewtonRun start(LeastSquaresObjective f, double[] theta) {
        return new DampedGaussNewtonRun(f, theta, initialDamping);
    }

    /**
     * Minimizes &Sigma; r<sub>i</sub>(&theta;)<sup>2</sup> with Hipparchus's Levenberg-Marquardt optimizer.
     * Running out of iterations or evaluations, or hitting machine precision, is not an error: &theta;
     * then receives the best point evaluated and {@link Result#termination()} says why it stopped.
     *
     * @param f     the residuals
     * @param theta the starting parameters (length {@code f.parameterCount()}); receives the result
     * @return iterations, evaluations, final cost and termination reason
     */
    public Result minimize(LeastSquaresObjective f, double[] theta) {
        Arguments.notNull("f", f);
        Arguments.length("theta", theta, f.parameterCount());
        BestPointModel model = new BestPointModel(f);
        // [0]: completed iterations seen by the checker, [1]: 1 once the checker stopped on the budget
        int[] progress = {0, 0};
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(model)
                .target(new double[f.residualCount()])
                .start(theta.clone())
                .lazyEvaluation(false)
                .maxIterations(steps)
                .maxEvaluations(maxEvaluations)
                .checker((iteration, previous, current) -> {
                    progress[0] = iteration;
                    progress[1] = iteration >= steps ? 1 : 0;
                    return progress[1] == 1;
                })
                .build();
        LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(costRelativeTolerance)
                .withParameterRelativeTolerance(parameterRelativeTolerance)
                .withOrthoTolerance(orthoTolerance)
                .withInitialStepBoundFactor(initialStepBoundFactor);
        try {
            LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem);
            double[] point = optimum.getPoint().toArray();
            System.arraycopy(point, 0, theta, 0, theta.length);
            RealVector r = optimum.getResiduals();
            Termination how = progress[1] == 1 ? Termination.MAX_ITERATIONS : Termination.CONVERGED;
            return new Result(optimum.getIterations(), model.evaluations, r.dotProduct(r), how);
        } catch (MathIllegalStateException e) {
            if (model.bestPoint == null) {
                throw e;
            }
            System.arraycopy(model.bestPoint, 0, theta, 0, theta.length);
            Termination how = e.getSpecifier() == LocalizedCoreFormats.MAX_COUNT_EXCEEDED
                    ? (model.evaluations >= maxEvaluations ? Termination.MAX_EVALUATIONS : Termination.MAX_ITERATIONS)
                    : Termination.NO_PROGRESS;
            return new Result(progress[0], model.evaluations, model.bestCost, how);
        }
    }

    /**
     * Adapts a {@link LeastSquaresObjective} to Hipparchus (model value r(&theta;), target 0, so Hipparchus's
     * residuals are -r), counting evaluations and remembering the lowest-cost point seen.
     */
    private static final class BestPointModel
            implements org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction {

        private final LeastSquaresObjective f;
        private final double[] residuals;
        private int evaluations;
        private double[] bestPoint;
        private double bestCost = Double.POSITIVE_INFINITY;

        BestPointModel(LeastSquaresObjective f) {
            this.f = f;
            this.residuals = new double[f.residualCount()];
        }

        @Override
        public Pair<RealVector, org.hipparchus.linear.RealMatrix> value(RealVector point) {
            double[] theta = point.toArray();
            double[][] jacobian = new double[residuals.length][theta.length];
            f.evaluate(theta, residuals, jacobian);
            evaluations++;
            double cost = Vectors.dot(residuals, residuals);
            if (cost < bestCost || bestPoint == null) {
                bestCost = cost;
                bestPoint = theta;
            }
            return new Pair<>(new ArrayRealVector(residuals), new Array2DRowRealMatrix(jacobian, false));
        }
    }

    @Override
    public String toString() {
        return "LevenbergMarquardt[steps=" + steps + ", maxEvaluations=" + maxEvaluations
                + ", costRelativeTolerance=" + costRelativeTolerance + ", parameterRelativeTolerance="
                + parameterRelativeTolerance + ", orthoTolerance=" + orthoTolerance + "]";
    }
}
