package org.pikan4j.core.train;

import java.util.List;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.util.Arguments;

/**
 * A training run frozen between two steps: everything {@link Trainer#resume} needs to take exactly the steps the
 * run would have taken (the same parameters and loss history, bit for bit, for the same loss and thread count).
 * Immutable; {@code org.pikan4j.core.io.CheckpointFile} writes it to disk together with the network.
 *
 * <p>A state is always one the run had confirmed good: its loss is finite (and, with a divergence guard, not
 * blown up). Adam evaluates the loss before it updates, so Adam's newest parameters are confirmed only by the
 * next step; a state captured during Adam is therefore the one before the last update.
 *
 * <p>Parts: the {@linkplain Position position} in the stage chain; the parameters; the optimizer's state (none
 * when the stage has not started yet); the best finite evaluation so far (the result's parameters); the history
 * up to the state (and the step row not yet recorded when the history records every n-th step); the divergence
 * retries used; the wall time.
 */
public final class TrainingState {

    /**
     * Where a state lies in the chain.
     *
     * @param stages         the names of the chain's stages, in order (checked on resume)
     * @param stage          the index of the current stage
     * @param stageSteps     the steps the current stage has taken
     * @param stageConverged whether the current stage's optimizer converged (its stage is over)
     * @param step           the global step of the state
     * @param firstStep      the global step the run started after (its result counts steps from there)
     */
    public record Position(List<String> stages, int stage, int stageSteps, boolean stageConverged, int step,
                           int firstStep) {

        /** Checks and copies. */
        public Position {
            stages = List.copyOf(Arguments.notNull("stages", stages));
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("stages must hold at least one stage name, got none");
            }
            if (stage < 0 || stage >= stages.size()) {
                throw new IllegalArgumentException("stage must be in [0, " + stages.size() + "), got " + stage);
            }
            Arguments.atLeast("stageSteps", stageSteps, 0);
            Arguments.atLeast("firstStep", firstStep, 0);
            Arguments.atLeast("step", step, firstStep);
            if (stageSteps > step - firstStep) {
                throw new IllegalArgumentException("stageSteps must be <= step - firstStep = " + (step - firstStep)
                        + ", got " + stageSteps);
            }
        }
    }

    /**
     * The lowest finite loss evaluated so far and where.
     *
     * @param theta the parameters evaluated
     * @param loss  the loss, NaN when no finite loss was seen yet
     * @param terms each term's value, in term order
     * @param step  the step it was evaluated at
     * @param where for messages, e.g. "step 136"
     */
    public record Best(double[] theta, double loss, double[] terms, int step, String where) {

        /** Checks and copies. */
        public Best {
            theta = Arguments.notNull("theta", theta).clone();
            terms = Arguments.notNull("terms", terms).clone();
            Arguments.notNull("where", where);
        }

        /** @return a copy of the parameters */
        @Override
        public double[] theta() {
            return theta.clone();
        }

        /** @return a copy of the term values */
        @Override
        public double[] terms() {
            return terms.clone();
        }
    }

    private final Position position;
    private final double[] theta;
    private final OptimizerState optimizer;
    private final Best best;
    private final TrainingHistory history;
    private final TrainingHistory.Row pending;
    private final int retries;
    private final double seconds;

    /**
     * A state; every array and the history are copied.
     *
     * @param position  where it lies in the chain
     * @param theta     the parameters
     * @param optimizer the optimizer's state, null when the stage has not started (then no step was taken in it)
     * @param best      the best evaluation, with as many parameters as theta and one value per history term
     * @param history   the history up to the state, term names set
     * @param pending   the newest step's row when the history did not record it, else null
     * @param retries   divergence roll-backs used so far, &gt;= 0
     * @param seconds   wall time of the run (continuing its history's clock), &gt;= 0
     * @throws IllegalArgumentException if the parts do not fit together
     */
    public TrainingState(Position position, double[] theta, OptimizerState optimizer, Best best,
                         TrainingHistory history, TrainingHistory.Row pending, int retries, double seconds) {
        this.position = Arguments.notNull("position", position);
        this.theta = Arguments.notNull("theta", theta).clone();
        this.best = Arguments.notNull("best", best);
        this.history = Arguments.notNull("history", history).copy();
        if (optimizer == null && (position.stageSteps() > 0 || position.stageConverged())) {
            throw new IllegalArgumentException("a state without optimizer state must be at the start of its stage,"
                    + " got " + position.stageSteps() + " steps taken in stage " + position.stage()
                    + (position.stageConverged() ? " (converged)" : ""));
        }
        if (best.theta().length != theta.length) {
            throw new IllegalArgumentException("best.theta must have the length of theta " + theta.length + ", got "
                    + best.theta().length);
        }
        int terms = history.termNames().size();
        if (terms == 0 || best.terms().length != terms) {
            throw new IllegalArgumentException("best.terms must hold one value per history term " + history.termNames()
                    + ", got " + best.terms().length);
        }
        if (history.lastStep() > position.step()) {
            throw new IllegalArgumentException("the history reaches step " + history.lastStep()
                    + ", after the state's step " + position.step());
        }
        if (pending != null && (pending.step() != position.step() || pending.terms().size() != terms)) {
            throw new IllegalArgumentException("the pending row must be step " + position.step() + " with " + terms
                    + " term values, got step " + pending.step() + " with " + pending.terms().size());
        }
        this.optimizer = optimizer;
        this.pending = pending;
        this.retries = Arguments.atLeast("retries", retries, 0);
        this.seconds = Arguments.nonNegative("seconds", seconds);
    }

    /** @return where the state lies in the chain */
    public Position position() {
        return position;
    }

    /** @return a copy of the parameters */
    public double[] theta() {
        return theta.clone();
    }

    /** @return whether the current stage has started (then {@link #optimizer()} is its run's state) */
    public boolean started() {
        return optimizer != null;
    }

    /** @return the optimizer's state, null when the stage has not started */
    public OptimizerState optimizer() {
        return optimizer;
    }

    /** @return the best finite evaluation so far */
    public Best best() {
        return best;
    }

    /** @return a copy of the history up to the state */
    public TrainingHistory history() {
        return history.copy();
    }

    /** @return the newest step's row when the history did not record it (recording every n-th step), else null */
    public TrainingHistory.Row pending() {
        return pending;
    }

    /** @return divergence roll-backs used so far */
    public int retries() {
        return retries;
    }

    /** @return wall time of the run at the state */
    public double seconds() {
        return seconds;
    }

    @Override
    public String toString() {
        return "TrainingState[step " + position.step() + ", stage " + position.stages().get(position.stage()) + " ("
                + position.stageSteps() + " steps" + (started() ? "" : ", not started") + "), best loss "
                + best.loss() + "]";
    }
}
