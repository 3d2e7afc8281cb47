package org.pikan4j.core.train;

import java.util.List;
import java.util.Locale;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.util.Arguments;

/**
 * Runs a {@link Training}: the stages in order on one parameter vector, step by step, recording
 * the history, calling the listeners, and stopping on the budget, the loss tolerance, the last
 * stage's convergence, a deadline, a listener's request, thread interruption, or a diverging loss.
 *
 * <p><b>Steps.</b> A step is one optimizer iteration that arrived at a new state. A stage ends
 * when its budget is used or its optimizer converges (or stalls); the next stage then starts
 * from the current parameters. Only the last stage's convergence ends training as
 * {@link StopReason#CONVERGED}. L-BFGS and Levenberg-Marquardt evaluate the loss once when their
 * stage starts; that evaluation is not a step.
 *
 * <p><b>NaN guard.</b> After every step (and every evaluation outside a step: a stage's start, the
 * final one) the evaluated loss and each term value are checked. Without a {@link DivergenceGuard},
 * if any is NaN or infinite, training stops at once with {@link StopReason#NON_FINITE}; the result
 * carries a {@link NonFiniteLoss} naming the step, the stage and the terms, and its parameters are
 * those of the lowest finite loss seen. The check covers every Adam evaluation; trial points of an
 * L-BFGS line search or a Levenberg-Marquardt damping loop are not states (both methods reject
 * non-finite trials by themselves) and are not checked.
 *
 * <p><b>Divergence guard.</b> With {@link Training#withDivergenceGuard}, a NaN or infinity, or a loss
 * above the guard's factor times the lowest loss of the run, rolls the run back to its last good
 * state (parameters, optimizer state, step, history rows; the last step, or for full BFGS, whose state is
 * n(n + 1) / 2 numbers, the last of every 20 steps), shrinks the steps and goes on; the
 * history gets a {@code "diverged"} event per roll-back (and the listeners {@link TrainingListener#onRollBack},
 * which the progress bar prints), and steps after the restored one are taken
 * (and reported to listeners) again. When the retries are used up, training stops with
 * {@link StopReason#DIVERGED} and a {@link Divergence} naming the step, the term and the likely
 * cause. Training never goes on from a NaN.
 *
 * <p><b>Checkpoints and resume.</b> With {@link Training#withCheckpoints} the run hands out a
 * {@link TrainingState} every n steps and when it stops; {@link #resume} continues one. A resumed
 * run takes the same steps as the uninterrupted run, bit for bit, given the same loss (terms,
 * points, backend, thread count): Adam's moments and iteration count, L-BFGS's correction pairs and
 * Levenberg-Marquardt's damping are part of the state, and the values L-BFGS and
 * Levenberg-Marquardt keep at the current parameters are evaluated again, which yields the same
 * bits. Only wall times differ.
 *
 * <p><b>Trainings in rounds.</b> With {@link Training#withStateRelay} the first stage starts from the optimizer
 * state an earlier training left in the relay (its history gets "carrying over ..." in the stage's start event),
 * and the run leaves its last stage's state there when it stops: rounds on the same loss take the steps of one
 * uninterrupted run, and a refinement (the state mapped to the new parameters) keeps the curvature.
 *
 * <p><b>Result.</b> Training ends with one more evaluation at the current parameters where the
 * last step did not evaluate them (after Adam). The result's parameters are those with the
 * lowest finite loss among all evaluations checked. The caller's array is never modified.
 *
 * <p>The loop draws no random numbers: the same loss and parameters give the same result.
 * Not thread-safe; a trainer may be reused for several runs, one at a time.
 */
public final class Trainer {

    private final Training training;

    /**
     * A trainer for the given configuration.
     *
     * @param training the configuration, not null
     */
    public Trainer(Training training) {
        this.training = Arguments.notNull("training", training);
    }

    /**
     * Trains from {@code theta} with a fresh history.
     *
     * @param loss  the loss, not null
     * @param theta the starting parameters, of length {@code loss.parameterCount()} (not modified)
     * @return the result
     */
    public TrainingResult train(PinnLoss loss, double[] theta) {
        return train(loss, theta, new TrainingHistory());
    }

    /**
     * Trains from {@code theta}, appending to {@code history}: step numbers continue from its
     * last step and wall times from its last row.
     *
     * @param loss    the loss, not null; its term names must match the history's, if it has any
     * @param theta   the starting parameters, of length {@code loss.parameterCount()} (not modified)
     * @param history the history to continue, not null
     * @return the result
     */
    public TrainingResult train(PinnLoss loss, double[] theta, TrainingHistory history) {
        Arguments.notNull("loss", loss);
        Arguments.notNull("theta", theta);
        Arguments.notNull("history", history);
        checkLength(loss, theta.length, "theta");
        List<String> names = loss.termNames();
        history.useTerms(names);
        return new TrainingRun(training, loss, theta, history, names).execute();
    }

    /**
     * Continues a run from a state it handed out ({@link Training#withCheckpoints}), e.g. one read back from a
     * checkpoint file. The result's history is a new one: the state's history continued.
     *
     * @param loss  the loss the state's run trained, not null: the same terms (checked by name), and for a
     *              continuation bit for bit the same points, backend and thread count
     * @param state the state, not null; its stage names must be this training's
     * @return the result, as the uninterrupted run would have returned it (wall times aside)
     * @throws IllegalArgumentException if the state's stages, terms or parameter count differ from this
     *                                  training's and loss's
     */
    public TrainingResult resume(PinnLoss loss, TrainingState state) {
        Arguments.notNull("loss", loss);
        Arguments.notNull("state", state);
        checkLength(loss, state.theta().length, "the state's theta");
        return new TrainingRun(training, loss, state, loss.termNames()).execute();
    }

    private static void checkLength(PinnLoss loss, int length, String what) {
        if (length != loss.parameterCount()) {
            throw new IllegalArgumentException(what + " must have length " + loss.parameterCount()
                    + " (the loss's parameter count), got " + length);
        }
    }

    /** Four significant digits; NaN and infinities spelled out. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
