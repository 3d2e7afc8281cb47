package org.pikan4j.core.train;

import java.util.List;
import java.util.Map;

/**
 * What one training step evaluated, as listeners see it. The loss belongs to the parameters the
 * step evaluated: Adam evaluates before it updates (like any gradient loop), L-BFGS and
 * Levenberg-Marquardt report the point they accepted.
 */
public final class StepReport {

    private final int step;
    private final StageInfo stage;
    private final int stageStep;
    private final double loss;
    private final List<String> termNames;
    private final double[] termValues;
    private final double learningRate;
    private final double seconds;
    private final double[] evaluatedTheta;

    /**
     * A step's report, for training loops outside {@link Trainer} (e.g. refined training) that drive listeners.
     *
     * @param step           the global step number
     * @param stage          the stage that took it
     * @param stageStep      the step number within the stage, 1-based
     * @param loss           the loss the step evaluated
     * @param termNames      the loss terms' names
     * @param termValues     their values (copied)
     * @param learningRate   the step size used, NaN where there is none
     * @param seconds        wall time since training started
     * @param evaluatedTheta the parameters the step evaluated (shared, not copied; listeners must not keep it)
     */
    public StepReport(int step, StageInfo stage, int stageStep, double loss, List<String> termNames,
               double[] termValues, double learningRate, double seconds, double[] evaluatedTheta) {
        this.step = step;
        this.stage = stage;
        this.stageStep = stageStep;
        this.loss = loss;
        this.termNames = termNames;
        this.termValues = termValues.clone();
        this.learningRate = learningRate;
        this.seconds = seconds;
        this.evaluatedTheta = evaluatedTheta;
    }

    /**
     * Returns the global step number (1-based, continuing across stages and continued histories).
     *
     * @return the step
     */
    public int step() {
        return step;
    }

    /**
     * Returns the stage that took the step.
     *
     * @return the stage
     */
    public StageInfo stage() {
        return stage;
    }

    /**
     * Returns the step number within its stage.
     *
     * @return 1 for the stage's first step
     */
    public int stageStep() {
        return stageStep;
    }

    /**
     * Returns the total loss.
     *
     * @return the loss (finite: non-finite steps end training instead of being reported)
     */
    public double loss() {
        return loss;
    }

    /**
     * Returns each term's weighted value, in term order.
     *
     * @return an unmodifiable map from term name to value
     */
    public Map<String, Double> termValues() {
        return TermValues.byName(termNames, termValues);
    }

    /**
     * Returns the learning rate the step used.
     *
     * @return the rate, NaN where the method has none (L-BFGS, Levenberg-Marquardt)
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the wall time since training started (continuing a continued history's clock).
     *
     * @return seconds
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Returns a copy of the parameters whose loss this report holds. Valid only during
     * {@link TrainingListener#onStep}: the buffer behind it is overwritten by the next evaluation.
     *
     * @return a new array
     */
    public double[] parameters() {
        return evaluatedTheta.clone();
    }

    @Override
    public String toString() {
        return "StepReport[step=" + step + ", stage=" + stage.name() + ", loss=" + loss + "]";
    }
}
