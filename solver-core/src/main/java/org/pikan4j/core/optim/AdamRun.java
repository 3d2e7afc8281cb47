package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * The mutable state of an Adam run: moments m and v and the iteration count t.
 *
 * <p>Step t (1-based, t = {@link #iterations()} + 1) with gradient g computes
 * <pre>
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g*g
 *   m&#770; = m / (1 - beta1^t),   v&#770; = v / (1 - beta2^t)
 *   theta = theta - lr m&#770; / (sqrt(v&#770;) + epsilon)
 * </pre>
 * where {@code lr = schedule.rate(t - 1, learningRate)}.
 *
 * <p>The moment arrays returned by {@link #firstMoment()} and {@link #secondMoment()} are the
 * live state; they may be read for checkpoints or written to transfer state after the
 * parameters are re-mapped. {@link #restore} replaces the whole state at once.
 */
public final class AdamRun implements OptimizerRun {

    private final Adam config;
    private final Objective objective;
    private final double[] theta;
    private final double[] gradient;
    private final double[] m;
    private final double[] v;
    private int iterations;

    AdamRun(Adam config, Objective objective, double[] theta) {
        this.config = config;
        this.objective = Arguments.notNull("objective", objective);
        this.theta = Arguments.nonEmpty("theta", theta);
        this.gradient = new double[theta.length];
        this.m = new double[theta.length];
        this.v = new double[theta.length];
    }

    /**
     * Performs one Adam update.
     *
     * @return the objective value at the start of the step (the &theta; whose gradient was used),
     *         not at the updated &theta;
     */
    @Override
    public double step() {
        double value = objective.evaluate(theta, gradient);
        int t = iterations + 1;
        double b1 = config.beta1();
        double b2 = config.beta2();
        double lr = config.schedule().rate(iterations, config.learningRate());
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        double eps = config.epsilon();
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            double mHat = m[i] / c1;
            double vHat = v[i] / c2;
            theta[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
        iterations = t;
        return value;
    }

    /** {@inheritDoc} */
    @Override
    public int iterations() {
        return iterations;
    }

    /**
     * Adam has no convergence test of its own.
     *
     * @return always false
     */
    @Override
    public boolean converged() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public double[] theta() {
        return theta;
    }

    /**
     * Returns the configuration of this run.
     *
     * @return the configuration
     */
    public Adam config() {
        return config;
    }

    /**
     * Returns the live first-moment array m (biased, not corrected).
     *
     * @return the live array, same length as &theta;
     */
    public double[] firstMoment() {
        return m;
    }

    /**
     * Returns the live second-moment array v (biased, not corrected).
     *
     * @return the live array, same length as &theta;
     */
    public double[] secondMoment() {
        return v;
    }

    /**
     * Returns the gradient computed by the last {@link #step()} (at the &theta; before that step).
     *
     * @return the live gradient array (zeros before the first step)
     */
    public double[] lastGradient() {
        return gradient;
    }

    /**
     * Replaces the state of the run, e.g. from a checkpoint. The arrays are copied.
     *
     * @param iterationCount the number of steps already performed, at least 0 (drives bias correction
     *                       and the schedule)
     * @param firstMoment    the first moment, same length as &theta;
     * @param secondMoment   the second moment, same length as &theta;, entries &gt;= 0
     */
    public void restore(int iterationCount, double[] firstMoment, double[] secondMoment) {
        Arguments.atLeast("iterations", iterationCount, 0);
        Arguments.length("firstMoment", firstMoment, theta.length);
        Arguments.length("secondMoment", secondMoment, theta.length);
        for (int i = 0; i < secondMoment.length; i++) {
            if (!(secondMoment[i] >= 0)) {
                throw new IllegalArgumentException("secondMoment[" + i + "] must be >= 0, got " + secondMoment[i]);
            }
        }
        System.arraycopy(firstMoment, 0, m, 0, m.length);
        System.arraycopy(secondMoment, 0, v, 0, v.length);
        this.iterations = iterationCount;
    }

    /**
     * Returns the run's state (iteration count, base learning rate, moments) as a value, e.g. for a checkpoint.
     *
     * @return a copy of the state
     */
    public AdamState state() {
        return new AdamState(iterations, config.learningRate(), m, v);
    }

    /**
     * Replaces the iteration count and the moments by those of a state. The learning rate is the configuration's:
     * start the run from {@code config.withLearningRate(state.learningRate())} to use the state's.
     *
     * @param state a state of a run on as many parameters
     */
    public void restore(AdamState state) {
        Arguments.notNull("state", state);
        restore(state.iterations(), state.m(), state.v());
    }
}
