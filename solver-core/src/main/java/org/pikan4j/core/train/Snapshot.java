package org.pikan4j.core.train;

import java.util.Arrays;

/**
 * The best finite state seen so far: parameters, loss, term values, and where they were
 * evaluated. Offers with a lower loss replace it (copied into its own buffers).
 */
final class Snapshot {

    private final double[] theta;
    private final double[] terms;
    private double loss = Double.NaN;
    private int step;
    private String where;

    /** Starts at the initial parameters, which no finite loss describes yet. */
    Snapshot(double[] initialTheta, int termCount, int step) {
        this.theta = initialTheta.clone();
        this.terms = new double[termCount];
        Arrays.fill(terms, Double.NaN);
        this.step = step;
        this.where = "the initial parameters (no finite loss was seen)";
    }

    /** Starts from a saved best state. */
    Snapshot(TrainingState.Best saved) {
        this.theta = saved.theta();
        this.terms = saved.terms();
        this.loss = saved.loss();
        this.step = saved.step();
        this.where = saved.where();
    }

    /** The state as a value. */
    TrainingState.Best toBest() {
        return new TrainingState.Best(theta, loss, terms, step, where);
    }

    /** Keeps the state if its loss is finite and lower than the current one (or the first finite). */
    void offer(double[] candidate, double value, double[] termValues, int atStep, String description) {
        if (!Double.isFinite(value) || (hasLoss() && !(value < loss))) {
            return;
        }
        System.arraycopy(candidate, 0, theta, 0, theta.length);
        System.arraycopy(termValues, 0, terms, 0, terms.length);
        loss = value;
        step = atStep;
        where = description;
    }

    boolean hasLoss() {
        return Double.isFinite(loss);
    }

    double[] theta() {
        return theta;
    }

    double[] terms() {
        return terms;
    }

    double loss() {
        return loss;
    }

    int step() {
        return step;
    }

    /** E.g. "step 136" or "the start of stage lbfgs (after step 2000)". */
    String where() {
        return where;
    }
}
