package org.pikan4j.core.refine;

import org.pikan4j.core.optim.AdamRun;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.train.DivergenceGuard;

/**
 * A {@link DivergenceGuard} for the Adam steps of a {@link RefinedTraining}: remembers the newest Adam state whose
 * loss was checked, and on a divergence (a non-finite loss, or one above the guard's factor times the lowest loss
 * since the loss last changed) says whether a roll-back with a smaller learning rate is left. Mutable, one per run.
 *
 * <p>A refinement or a redraw of the points changes the loss, so its lowest value restarts there
 * ({@link #lossChanged}). Adam's step reports the loss at the parameters it started from, so the state taken
 * before a step becomes the good one once that step's loss is seen to be fine.
 */
final class AdamRollback {

    private final DivergenceGuard guard;
    private double best = Double.NaN;
    private int bestStep;
    private double[] pendingTheta;
    private AdamState pendingState;
    private double[] goodTheta;
    private AdamState goodState;
    private int goodStep;
    private int retries;

    /** A guard for a run whose steps follow {@code firstStep}. */
    AdamRollback(DivergenceGuard guard, int firstStep) {
        this.guard = guard;
        this.goodStep = firstStep;
    }

    /** Takes the state the next step starts from. */
    void beforeStep(AdamRun run) {
        pendingTheta = run.theta().clone();
        pendingState = run.state();
    }

    /**
     * Checks the loss of the step that started from the state {@link #beforeStep} took.
     *
     * @return true when the loss is fine (that state is the good one now), false on a divergence
     */
    boolean accept(int step, double loss) {
        if (!Double.isFinite(loss) || guard.blownUp(loss, best)) {
            return false;
        }
        goodTheta = pendingTheta;
        goodState = pendingState;
        goodStep = step;
        if (!(loss >= best)) {
            best = loss;
            bestStep = step;
        }
        return true;
    }

    /** A redraw of the points changed the loss: its lowest value restarts at {@code loss}. */
    void lossChanged(int step, double loss) {
        best = loss;
        bestStep = step;
    }

    /**
     * A refinement changed the parameters and the loss: the good state (of the old length) is dropped, and until a
     * step is accepted the refined parameters are the ones to fall back to.
     */
    void parametersChanged(int step, double loss) {
        lossChanged(step, loss);
        goodTheta = null;
        goodState = null;
        goodStep = step;
    }

    /** Whether a roll-back is left; counts it when there is one (and a good state to go back to). */
    boolean retry() {
        if (goodTheta == null || retries >= guard.retries()) {
            return false;
        }
        retries++;
        return true;
    }

    /** What went wrong, for the event: the loss, the bound, and the lowest loss since the loss last changed. */
    String describe(int step, double loss) {
        return Double.isFinite(loss) ? "loss " + (float) loss + " at step " + step + " is above "
                + guard.blowUpFactor() + " x the lowest loss " + (float) best + " (step " + bestStep
                + ") since the last refinement or redraw"
                : "loss " + loss + " at step " + step;
    }

    /** The roll-backs used and allowed, e.g. {@code "1 of 4"}. */
    String count() {
        return retries + " of " + guard.retries();
    }

    double stepFactor() {
        return guard.stepFactor();
    }

    /**
     * The parameters of the good state; before there is one, those the failing step started from (the run's first,
     * or the refinement's), since nothing better is known on this parameter vector.
     */
    double[] goodTheta() {
        return goodTheta != null ? goodTheta : pendingTheta;
    }

    AdamState goodState() {
        return goodState;
    }

    int goodStep() {
        return goodStep;
    }
}
