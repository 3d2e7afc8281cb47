package org.pikan4j.core.train;

import java.util.List;

/**
 * Observes a training run from outside: progress display, logging, checkpoints, custom stopping
 * rules. Every method has an empty default, so a listener overrides only what it needs. Methods
 * run on the training thread, between steps; an exception thrown by a listener ends training
 * and propagates to the caller.
 */
public interface TrainingListener {

    /** What a listener wants after a step. */
    enum Action {
        /** Go on training. */
        CONTINUE,
        /** Stop after this step; the result says {@link StopReason#INTERRUPTED}. */
        STOP
    }

    /**
     * Called once before the first stage starts.
     *
     * @param stages the chain, in order
     */
    default void onStart(List<StageInfo> stages) {
    }

    /**
     * Called when a stage starts, after its optimizer's initial evaluation (if any).
     *
     * @param stage the stage
     */
    default void onStageStart(StageInfo stage) {
    }

    /**
     * Called after every step whose loss is finite (recorded in the history or not).
     *
     * @param report the step; valid during this call only where noted
     * @return {@link Action#STOP} to end training after this step
     */
    default Action onStep(StepReport report) {
        return Action.CONTINUE;
    }

    /**
     * Called when the divergence guard rolls the run back to a good state with smaller steps; the stage of that
     * state then starts again ({@link #onStageStart}) and its steps after it are reported again.
     *
     * @param step        the step rolled back to
     * @param description what diverged, where to and the new step size, as in the history's "diverged" event
     */
    default void onRollBack(int step, String description) {
    }

    /**
     * Called when a stage ends, for whatever reason.
     *
     * @param stage     the stage
     * @param stepsDone the steps it took
     */
    default void onStageEnd(StageInfo stage, int stepsDone) {
    }

    /**
     * Called once at the end, also after a non-finite loss or a stop request.
     *
     * @param result the result
     */
    default void onFinish(TrainingResult result) {
    }
}
