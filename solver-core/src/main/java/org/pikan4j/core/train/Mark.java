package org.pikan4j.core.train;

import org.pikan4j.core.optim.OptimizerState;

/**
 * A state of a run kept in memory, cheap to take after every step: enough to roll back to it (the history is
 * remembered by its length) or to turn it into a {@link TrainingState}.
 *
 * @param stage          the stage index
 * @param stageSteps     steps taken in that stage
 * @param stageConverged whether the stage's optimizer converged
 * @param optimizer      the optimizer state, null when the stage has not started
 * @param theta          the parameters (owned: never modified)
 * @param step           the global step
 * @param rows           the history's row count
 * @param events         the history's event count
 * @param pending        the newest step's row when the history did not record it
 * @param retries        divergence roll-backs used
 */
record Mark(int stage, int stageSteps, boolean stageConverged, OptimizerState optimizer, double[] theta, int step,
            int rows, int events, TrainingHistory.Row pending, int retries) {

    /** The mark of a saved state, whose history is {@code history}. */
    static Mark of(TrainingState state, TrainingHistory history) {
        TrainingState.Position p = state.position();
        return new Mark(p.stage(), p.stageSteps(), p.stageConverged(), state.optimizer(), state.theta(), p.step(),
                history.size(), history.eventCount(), state.pending(), state.retries());
    }

    /** This mark with slower optimizer state, one more retry used, and the history's events up to {@code events}. */
    Mark slowedDown(OptimizerState slower, int retriesUsed, int eventCount) {
        return new Mark(stage, stageSteps, stageConverged, slower, theta, step, rows, eventCount, pending, retriesUsed);
    }
}
