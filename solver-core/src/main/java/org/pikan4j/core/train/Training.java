package org.pikan4j.core.train;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.optim.Optimizer;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.util.Arguments;

/**
 * Immutable configuration of a training run: a chain of optimizer stages run in order, a loss
 * tolerance for stopping early, how often the history records a step, the listeners, an optional
 * divergence guard, optional checkpoints and an optional relay that passes the optimizer's state on to the next
 * training.
 *
 * <p>Usage: {@code Training.of(Adam.steps(2000).withLearningRate(1e-2), Lbfgs.steps(500))
 * .withLossTolerance(1e-8).withListener(ProgressBar.to(System.out)).train(loss, theta)}.
 * Defaults: no tolerance (0, never met), every step recorded, no listeners, no divergence guard
 * (a NaN stops training), no checkpoints, no relay.
 *
 * @see Trainer for what one run does
 */
public final class Training {

    private final List<Stage> stages;
    private final double lossTolerance;
    private final int recordEvery;
    private final List<TrainingListener> listeners;
    private final DivergenceGuard guard;
    private final int checkpointEvery;
    private final CheckpointSink sink;
    private final Deadline deadline;
    private final OptimizerStateRelay relay;

    private Training(List<Stage> stages, double lossTolerance, int recordEvery, List<TrainingListener> listeners,
                     DivergenceGuard guard, int checkpointEvery, CheckpointSink sink, Deadline deadline,
                     OptimizerStateRelay relay) {
        this.stages = List.copyOf(stages);
        this.lossTolerance = lossTolerance;
        this.recordEvery = recordEvery;
        this.listeners = List.copyOf(listeners);
        this.guard = guard;
        this.checkpointEvery = checkpointEvery;
        this.sink = sink;
        this.deadline = deadline;
        this.relay = relay;
    }

    private Training(List<Stage> stages) {
        this(stages, 0.0, 1, List.of(), null, 0, null, null, null);
    }

    /**
     * A chain of gradient optimizers, e.g. {@code Training.of(Adam.steps(2000), Lbfgs.steps(500))}.
     *
     * @param first the first stage
     * @param more  the following stages, in order
     * @return the configuration
     */
    public static Training of(Optimizer first, Optimizer... more) {
        List<Stage> chain = new ArrayList<>();
        chain.add(Stage.of(first));
        for (int i = 0; i < more.length; i++) {
            chain.add(Stage.of(Arguments.notNull("more[" + i + "]", more[i])));
        }
        return new Training(chain);
    }

    /**
     * A chain of stages of any kind, e.g. {@code Training.of(Stage.of(Adam.steps(200)),
     * Stage.of(LevenbergMarquardt.steps(50)))}.
     *
     * @param stages at least one stage, none null
     * @return the configuration
     */
    public static Training of(Stage... stages) {
        if (stages.length == 0) {
            throw new IllegalArgumentException("stages must hold at least one stage, got none");
        }
        for (int i = 0; i < stages.length; i++) {
            Arguments.notNull("stages[" + i + "]", stages[i]);
        }
        return new Training(List.of(stages));
    }

    /**
     * Returns a copy with one more stage at the end of the chain.
     *
     * @param stage the stage, not null
     * @return the new configuration
     */
    public Training then(Stage stage) {
        List<Stage> chain = new ArrayList<>(stages);
        chain.add(Arguments.notNull("stage", stage));
        Training longer = new Training(chain, lossTolerance, recordEvery, listeners, guard, checkpointEvery, sink,
                deadline, relay);
        if (guard != null || sink != null) {
            longer.requireStates(guard != null ? "a divergence guard" : "checkpoints");
        }
        return longer;
    }

    /**
     * Returns a copy with a gradient optimizer stage at the end of the chain.
     *
     * @param optimizer the optimizer, not null
     * @return the new configuration
     */
    public Training then(Optimizer optimizer) {
        return then(Stage.of(optimizer));
    }

    /**
     * Returns a copy with a Levenberg-Marquardt stage at the end of the chain (small models only).
     *
     * @param method the configuration, not null
     * @return the new configuration
     */
    public Training then(LevenbergMarquardt method) {
        return then(Stage.of(method));
    }

    /**
     * Returns a copy that stops as soon as a step's loss is below {@code tolerance}.
     *
     * @param tolerance the threshold, &gt;= 0 and finite; 0 disables the test (a loss is never below 0)
     * @return the new configuration
     */
    public Training withLossTolerance(double tolerance) {
        Arguments.nonNegative("lossTolerance", tolerance);
        return new Training(stages, tolerance, recordEvery, listeners, guard, checkpointEvery, sink, deadline, relay);
    }

    /**
     * Returns a copy whose history records every {@code interval}-th step (global step number
     * divisible by it) and the last step of every stage.
     *
     * @param interval the interval, at least 1 (1 records every step)
     * @return the new configuration
     */
    public Training withRecordEvery(int interval) {
        Arguments.atLeast("recordEvery", interval, 1);
        return new Training(stages, lossTolerance, interval, listeners, guard, checkpointEvery, sink, deadline, relay);
    }

    /**
     * Returns a copy with one more listener, called after those already there.
     *
     * @param listener the listener, not null
     * @return the new configuration
     */
    public Training withListener(TrainingListener listener) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(Arguments.notNull("listener", listener));
        return new Training(stages, lossTolerance, recordEvery, all, guard, checkpointEvery, sink, deadline, relay);
    }

    /**
     * Returns a copy that stops with {@link StopReason#TIME_LIMIT} at the first step that ends after the
     * deadline (the step in progress finishes; the best parameters so far are the result).
     *
     * @param limit the deadline, not null; share one between runs that split a wall-time budget
     * @return the new configuration
     */
    public Training withDeadline(Deadline limit) {
        return new Training(stages, lossTolerance, recordEvery, listeners, guard, checkpointEvery, sink,
                Arguments.notNull("deadline", limit), relay);
    }

    /**
     * Returns the wall-clock deadline.
     *
     * @return the deadline, or null when training has none
     */
    public Deadline deadline() {
        return deadline;
    }

    /**
     * Returns a copy without listeners.
     *
     * @return the new configuration
     */
    public Training withoutListeners() {
        return new Training(stages, lossTolerance, recordEvery, List.of(), guard, checkpointEvery, sink,
                deadline, relay);
    }

    /**
     * Returns a copy that rolls back and retries with smaller steps when the loss diverges, instead of stopping
     * at the first NaN; see {@link DivergenceGuard}. Needs stages with state (Adam, L-BFGS, Levenberg-Marquardt).
     *
     * @param divergenceGuard the guard, not null
     * @return the new configuration
     */
    public Training withDivergenceGuard(DivergenceGuard divergenceGuard) {
        Arguments.notNull("divergenceGuard", divergenceGuard);
        requireStates("a divergence guard");
        return new Training(stages, lossTolerance, recordEvery, listeners, divergenceGuard, checkpointEvery, sink,
                deadline, relay);
    }

    /**
     * Returns a copy that hands a {@link TrainingState} to {@code sink} after every {@code every}-th step (global
     * step number divisible by it) and once more when the run stops, for whatever reason (before the stop event
     * is added to the history). Each state is the newest one confirmed good, so for Adam the state before the
     * newest update. Needs stages with state (Adam, L-BFGS, Levenberg-Marquardt).
     *
     * @param every the interval in steps, &gt;= 0 (0: only when the run stops)
     * @param checkpointSink receives the states, not null
     * @return the new configuration
     */
    public Training withCheckpoints(int every, CheckpointSink checkpointSink) {
        Arguments.atLeast("every", every, 0);
        Arguments.notNull("checkpointSink", checkpointSink);
        requireStates("checkpoints");
        return new Training(stages, lossTolerance, recordEvery, listeners, guard, every, checkpointSink, deadline,
                relay);
    }

    private void requireStates(String feature) {
        for (int s = 0; s < stages.size(); s++) {
            if (!stages.get(s).hasState()) {
                throw new IllegalArgumentException(feature + " need(s) stages whose state can be saved; stage " + s
                        + " (" + stages.get(s) + ") is not Adam, L-BFGS or Levenberg-Marquardt");
            }
        }
    }

    /**
     * Returns a copy that passes the optimizer's state between trainings through {@code relay}: the first stage
     * starts from the state the relay holds (when it holds one) instead of afresh, and when the run stops the last
     * stage's state is left in the relay for the next training (or the relay is cleared when the run ended on a
     * non-finite or diverged loss, or its last stage has no state). Meant for trainings in rounds: on the same
     * loss they take the steps of one uninterrupted run; across a refinement map the held state with
     * {@code ParameterTransfer.transferCurvature}; after a change of the collocation points that moves the loss
     * far, {@link OptimizerStateRelay#clear()} may be the better start. A {@link #resume} starts from its
     * saved state, not the relay's, and leaves its last state in the relay like a {@link #train}.
     *
     * @param stateRelay the relay, not null; its state must be of the first stage's kind
     * @return the new configuration
     */
    public Training withStateRelay(OptimizerStateRelay stateRelay) {
        Arguments.notNull("stateRelay", stateRelay);
        if (!stages.get(0).hasState()) {
            throw new IllegalArgumentException("a state relay needs a first stage whose state can be restored; stage 0"
                    + " (" + stages.get(0) + ") is not Adam, L-BFGS or Levenberg-Marquardt");
        }
        return new Training(stages, lossTolerance, recordEvery, listeners, guard, checkpointEvery, sink, deadline,
                stateRelay);
    }

    /**
     * Returns the optimizer state relay.
     *
     * @return the relay, null when each training starts its optimizers afresh
     */
    public OptimizerStateRelay stateRelay() {
        return relay;
    }

    /**
     * Returns the divergence guard.
     *
     * @return the guard, null when a NaN simply stops training
     */
    public DivergenceGuard divergenceGuard() {
        return guard;
    }

    /**
     * Returns the checkpoint interval.
     *
     * @return steps between checkpoints, 0 when checkpoints are only taken at the stop or not at all
     */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /**
     * Returns the checkpoint sink.
     *
     * @return the sink, null without checkpoints
     */
    public CheckpointSink checkpointSink() {
        return sink;
    }

    /**
     * Returns the stages in the order they run.
     *
     * @return the unmodifiable chain
     */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * Returns the loss below which training stops.
     *
     * @return the tolerance, 0 when disabled
     */
    public double lossTolerance() {
        return lossTolerance;
    }

    /**
     * Returns the history's recording interval.
     *
     * @return the interval in steps
     */
    public int recordEvery() {
        return recordEvery;
    }

    /**
     * Returns the listeners in calling order.
     *
     * @return the unmodifiable list
     */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /**
     * Trains from {@code theta} with a fresh history; shorthand for {@code new Trainer(this).train(loss, theta)}.
     *
     * @param loss  the loss
     * @param theta the starting parameters (not modified)
     * @return the result
     */
    public TrainingResult train(PinnLoss loss, double[] theta) {
        return new Trainer(this).train(loss, theta);
    }

    /**
     * Trains from {@code theta}, appending to {@code history} with step numbers and times
     * continuing from its last row (e.g. after a grid refinement).
     *
     * @param loss    the loss
     * @param theta   the starting parameters (not modified)
     * @param history the history to continue
     * @return the result
     */
    public TrainingResult train(PinnLoss loss, double[] theta, TrainingHistory history) {
        return new Trainer(this).train(loss, theta, history);
    }

    /**
     * Continues a run from a state, e.g. a checkpoint; shorthand for {@code new Trainer(this).resume(loss, state)}.
     *
     * @param loss  the loss of the state's run (same terms, points and thread count for an exact continuation)
     * @param state the state
     * @return the result, as the uninterrupted run would have returned it (wall times aside)
     */
    public TrainingResult resume(PinnLoss loss, TrainingState state) {
        return new Trainer(this).resume(loss, state);
    }

    @Override
    public String toString() {
        return "Training[stages=" + stages + ", lossTolerance=" + lossTolerance + ", recordEvery="
                + recordEvery + ", listeners=" + listeners.size()
                + (guard == null ? "" : ", " + guard)
                + (sink == null ? "" : ", checkpoints every " + checkpointEvery)
                + (relay == null ? "" : ", " + relay) + "]";
    }
}
