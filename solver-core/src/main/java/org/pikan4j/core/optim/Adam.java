package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * Immutable configuration of the Adam optimizer (Kingma &amp; Ba, 2015) with bias correction.
 *
 * <p>Usage: {@code Adam.steps(5000).withLearningRate(1e-3).withSchedule(LearningRateSchedule.cosine(5000, 0.01))}.
 * Defaults: learning rate 1e-3, betas (0.9, 0.999), epsilon 1e-8, constant schedule.
 *
 * @see AdamRun for the update formula
 */
public final class Adam implements Optimizer {

    private final int steps;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final LearningRateSchedule schedule;

    private Adam(int steps, double learningRate, double beta1, double beta2, double epsilon,
                 LearningRateSchedule schedule) {
        this.steps = steps;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.schedule = schedule;
    }

    /**
     * Creates a default configuration with the given step budget.
     *
     * @param n the step budget, at least 1
     * @return the configuration
     */
    public static Adam steps(int n) {
        Arguments.atLeast("steps", n, 1);
        return new Adam(n, 1e-3, 0.9, 0.999, 1e-8, LearningRateSchedule.constant());
    }

    /**
     * Returns a copy with another step budget.
     *
     * @param n the step budget, at least 1
     * @return the new configuration
     */
    public Adam withSteps(int n) {
        Arguments.atLeast("steps", n, 1);
        return new Adam(n, learningRate, beta1, beta2, epsilon, schedule);
    }

    /**
     * Returns a copy with another base learning rate.
     *
     * @param rate the base learning rate, &gt; 0 and finite
     * @return the new configuration
     */
    public Adam withLearningRate(double rate) {
        Arguments.positive("learningRate", rate);
        return new Adam(steps, rate, beta1, beta2, epsilon, schedule);
    }

    /**
     * Returns a copy with other moment decay rates.
     *
     * @param b1 decay of the first moment, in [0, 1)
     * @param b2 decay of the second moment, in [0, 1)
     * @return the new configuration
     */
    public Adam withBetas(double b1, double b2) {
        Arguments.unitOpenAbove("beta1", b1);
        Arguments.unitOpenAbove("beta2", b2);
        return new Adam(steps, learningRate, b1, b2, epsilon, schedule);
    }

    /**
     * Returns a copy with another denominator offset.
     *
     * @param eps the offset added to sqrt(v&#770;), &gt; 0 and finite
     * @return the new configuration
     */
    public Adam withEpsilon(double eps) {
        Arguments.positive("epsilon", eps);
        return new Adam(steps, learningRate, beta1, beta2, eps, schedule);
    }

    /**
     * Returns a copy with another learning-rate schedule.
     *
     * @param s the schedule, not null
     * @return the new configuration
     */
    public Adam withSchedule(LearningRateSchedule s) {
        Arguments.notNull("schedule", s);
        return new Adam(steps, learningRate, beta1, beta2, epsilon, s);
    }

    /** {@inheritDoc} @return {@code "adam"} */
    @Override
    public String name() {
        return "adam";
    }

    /** {@inheritDoc} */
    @Override
    public int steps() {
        return steps;
    }

    /**
     * Returns the base learning rate.
     *
     * @return the base learning rate
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the first-moment decay rate.
     *
     * @return beta1
     */
    public double beta1() {
        return beta1;
    }

    /**
     * Returns the second-moment decay rate.
     *
     * @return beta2
     */
    public double beta2() {
        return beta2;
    }

    /**
     * Returns the denominator offset.
     *
     * @return epsilon
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Returns the learning-rate schedule.
     *
     * @return the schedule
     */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * Starts an Adam run with zero moments.
     *
     * @param objective the objective to minimize
     * @param theta     the starting parameters, updated in place
     * @return the run
     */
    @Override
    public AdamRun start(Objective objective, double[] theta) {
        return new AdamRun(this, objective, theta);
    }

    @Override
    public String toString() {
        return "Adam[steps=" + steps + ", learningRate=" + learningRate + ", beta1=" + beta1
                + ", beta2=" + beta2 + ", epsilon=" + epsilon + "]";
    }
}
