package org.pikan4j.core.train;

import java.util.Arrays;
import org.pikan4j.core.optim.LeastSquaresObjective;
import org.pikan4j.core.optim.Objective;
import org.pikan4j.core.residual.PinnLoss;

/**
 * The loss as the optimizers see it, remembering the parameters, value and per-term values of
 * the last evaluation so that the trainer can record and check the state a step arrived at.
 * Serves both the scalar objective (Adam, L-BFGS) and the residual vector (Levenberg-Marquardt).
 */
final class WatchedLoss implements Objective, LeastSquaresObjective {

    private final PinnLoss loss;
    private final double[] lastTheta;
    private double[] lastTerms;
    private double lastValue = Double.NaN;
    private long evaluations;

    WatchedLoss(PinnLoss loss) {
        this.loss = loss;
        this.lastTheta = new double[loss.parameterCount()];
        this.lastTerms = new double[loss.termNames().size()];
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double value = loss.evaluate(theta, gradient);
        remember(theta, value);
        return value;
    }

    /** The loss with its causal weights held (see {@link PinnLoss#evaluateWithHeldWeights}), remembered alike. */
    double evaluateWithHeldWeights(double[] theta, double[] gradient) {
        double value = loss.evaluateWithHeldWeights(theta, gradient);
        remember(theta, value);
        return value;
    }

    /** Whether the loss weights its terms causally, so that its weights change with θ. */
    boolean causallyWeighted() {
        return loss.causalWeighting() != null;
    }

    @Override
    public void evaluate(double[] theta, double[] residuals, double[][] jacobian) {
        loss.residuals(theta, residuals, jacobian);
        double sum = 0;
        for (double r : residuals) {
            sum += r * r;
        }
        remember(theta, sum);
    }

    /** Evaluates the loss without a gradient (a gradient buffer is still needed by the loss). */
    double value(double[] theta) {
        return evaluate(theta, new double[theta.length]);
    }

    private void remember(double[] theta, double value) {
        System.arraycopy(theta, 0, lastTheta, 0, lastTheta.length);
        lastTerms = loss.termValues();
        lastValue = value;
        evaluations++;
    }

    @Override
    public int residualCount() {
        return loss.residualCount();
    }

    @Override
    public int parameterCount() {
        return loss.parameterCount();
    }

    /** Number of evaluations so far. */
    long evaluations() {
        return evaluations;
    }

    /** The loss at the last evaluation. */
    double lastValue() {
        return lastValue;
    }

    /** The weighted term values at the last evaluation (the live array: copy to keep). */
    double[] lastTerms() {
        return lastTerms;
    }

    /** The parameters of the last evaluation (the live buffer: copy to keep). */
    double[] lastTheta() {
        return lastTheta;
    }

    /** Whether the last evaluation was at exactly these parameters. */
    boolean lastEvaluatedAt(double[] theta) {
        return evaluations > 0 && Arrays.equals(lastTheta, theta);
    }

    /** Whether the last evaluation's loss and every term value are finite. */
    boolean lastIsFinite() {
        if (!Double.isFinite(lastValue)) {
            return false;
        }
        for (double t : lastTerms) {
            if (!Double.isFinite(t)) {
                return false;
            }
        }
        return true;
    }
}
