package org.pikan4j.core.optim;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;
import org.pikan4j.core.util.Arguments;

/**
 * A step-by-step Levenberg-Marquardt run with Marquardt's diagonal scaling on a
 * {@link LeastSquaresObjective} (loss = &Sigma; r<sub>i</sub><sup>2</sup>).
 *
 * <p>One {@link #step()} solves (J'J + &lambda; diag(J'J)) &delta; = -J'r by Cholesky and tries
 * &theta; + &delta;. A trial that lowers the loss is accepted and &lambda; is divided by 3; otherwise
 * &lambda; is multiplied by 4 and the step retried, at most {@value #MAX_TRIES} times per step.
 * If no trial lowers the loss, the run is marked converged (no progress) and &theta; is unchanged.
 * It also converges when the loss or J'r is exactly zero.
 */
public final class DampedGaussNewtonRun implements OptimizerRun {

    /** Maximum number of damping increases (and trial evaluations) in one step. */
    public static final int MAX_TRIES = 30;
    /** Relative floor on diag(J'J) so that zero columns still get damped. */
    private static final double DIAGONAL_FLOOR = 1e-12;

    private final LeastSquaresObjective f;
    private final double[] theta;
    private final double[] residuals;
    private final double[][] jacobian;
    private final double[] trialTheta;
    private final double[] trialResiduals;
    private final double[][] trialJacobian;
    private double cost;
    private double lambda;
    private int iterations;
    private int evaluations;
    private boolean converged;

    DampedGaussNewtonRun(LeastSquaresObjective f, double[] theta, double initialDamping) {
        this.f = Arguments.notNull("f", f);
        this.theta = Arguments.length("theta", theta, f.parameterCount());
        int m = f.residualCount();
        int n = f.parameterCount();
        this.residuals = new double[m];
        this.jacobian = new double[m][n];
        this.trialTheta = new double[n];
        this.trialResiduals = new double[m];
        this.trialJacobian = new double[m][n];
        this.lambda = initialDamping;
        f.evaluate(theta, residuals, jacobian);
        evaluations++;
        cost = Vectors.dot(residuals, residuals);
    }

    /**
     * Performs one damped Gauss-Newton step (a no-op once {@link #converged()}).
     *
     * @return the loss &Sigma; r<sub>i</sub><sup>2</sup> at the new &theta;
     */
    @Override
    public double step() {
        if (converged) {
            return cost;
        }
        int n = theta.length;
        double[][] normal = new double[n][n];
        double[] gradient = new double[n];
        for (int i = 0; i < residuals.length; i++) {
            double[] row = jacobian[i];
            for (int j = 0; j < n; j++) {
                gradient[j] += row[j] * residuals[i];
                for (int k = 0; k <= j; k++) {
                    normal[j][k] += row[j] * row[k];
                }
            }
        }
        double maxDiagonal = 0;
        for (int j = 0; j < n; j++) {
            maxDiagonal = Math.max(maxDiagonal, normal[j][j]);
        }
        if (cost == 0 || Vectors.normInf(gradient) == 0) {
            converged = true;
            return cost;
        }
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            double[] delta = solveDamped(normal, gradient, maxDiagonal);
            if (delta != null) {
                for (int j = 0; j < n; j++) {
                    trialTheta[j] = theta[j] + delta[j];
                }
                f.evaluate(trialTheta, trialResiduals, trialJacobian);
                evaluations++;
                double trialCost = Vectors.dot(trialResiduals, trialResiduals);
                if (trialCost < cost) {
                    accept(trialCost);
                    lambda = Math.max(lambda / 3, Double.MIN_NORMAL);
                    return cost;
                }
            }
            lambda *= 4;
        }
        converged = true;
        return cost;
    }

    /** Solves (A + lambda diag(A)) delta = -g; null if the damped matrix is not positive definite. */
    private double[] solveDamped(double[][] lowerNormal, double[] gradient, double maxDiagonal) {
        int n = gradient.length;
        double[][] a = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                a[j][k] = lowerNormal[j][k];
                a[k][j] = lowerNormal[j][k];
            }
            a[j][j] += lambda * Math.max(lowerNormal[j][j], DIAGONAL_FLOOR * maxDiagonal);
        }
        try {
            CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false),
                    1e-10, 0);
            RealVector delta = cholesky.getSolver().solve(new ArrayRealVector(gradient).mapMultiply(-1));
            return delta.toArray();
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            return null;
        }
    }

    private void accept(double trialCost) {
        System.arraycopy(trialTheta, 0, theta, 0, theta.length);
        System.arraycopy(trialResiduals, 0, residuals, 0, residuals.length);
        for (int i = 0; i < jacobian.length; i++) {
            System.arraycopy(trialJacobian[i], 0, jacobian[i], 0, theta.length);
        }
        cost = trialCost;
        iterations++;
    }

    /** {@inheritDoc} */
    @Override
    public int iterations() {
        return iterations;
    }

    /**
     * Tells whether the loss or its gradient vanished, or no damping gave a decrease.
     *
     * @return true if converged or stalled
     */
    @Override
    public boolean converged() {
        return converged;
    }

    /** {@inheritDoc} */
    @Override
    public double[] theta() {
        return theta;
    }

    /**
     * Returns the loss &Sigma; r<sub>i</sub><sup>2</sup> at the current &theta;.
     *
     * @return the current loss
     */
    public double cost() {
        return cost;
    }

    /**
     * Returns the current damping &lambda;.
     *
     * @return the damping
     */
    public double damping() {
        return lambda;
    }

    /**
     * Sets the damping &lambda;, e.g. when restoring a checkpoint.
     *
     * @param value the damping, &gt; 0 and finite
     */
    public void setDamping(double value) {
        this.lambda = Arguments.positive("damping", value);
    }

    /**
     * Returns the damping as a state value, e.g. for a checkpoint.
     *
     * @return the state
     */
    public DampingState state() {
        return new DampingState(lambda);
    }

    /**
     * Returns the total number of objective evaluations, including the initial one.
     *
     * @return the evaluation count
     */
    public int evaluations() {
        return evaluations;
    }
}
