package org.pikan4j.core.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a training run: the parameters with the lowest finite loss evaluated (after a
 * NaN these are the parameters training was restored to), that loss and its terms, the steps
 * taken, the wall time, why training stopped with a one-sentence diagnosis, and the history.
 *
 * <p>A NaN or infinite loss is not thrown: the result says {@link StopReason#NON_FINITE} and
 * {@link #nonFinite()} tells where; {@link #requireFinite()} turns that into an exception for
 * callers that want one.
 */
public final class TrainingResult {

    private final double[] theta;
    private final double loss;
    private final List<String> termNames;
    private final double[] termValues;
    private final int steps;
    private final double seconds;
    private final StopReason stopReason;
    private final String diagnosis;
    private final NonFiniteLoss nonFinite;
    private final Divergence divergence;
    private final TrainingHistory history;

    TrainingResult(double[] theta, double loss, List<String> termNames, double[] termValues, int steps,
                   double seconds, StopReason stopReason, String diagnosis, NonFiniteLoss nonFinite,
                   Divergence divergence, TrainingHistory history) {
        this.theta = theta.clone();
        this.loss = loss;
        this.termNames = List.copyOf(termNames);
        this.termValues = termValues.clone();
        this.steps = steps;
        this.seconds = seconds;
        this.stopReason = stopReason;
        this.diagnosis = diagnosis;
        this.nonFinite = nonFinite;
        this.divergence = divergence;
        this.history = history;
    }

    /**
     * Returns the trained parameters: the finite state with the lowest loss evaluated.
     *
     * @return a new array
     */
    public double[] theta() {
        return theta.clone();
    }

    /**
     * Returns the loss at {@link #theta()}.
     *
     * @return the loss, NaN only if no evaluation was finite
     */
    public double loss() {
        return loss;
    }

    /**
     * Returns each term's weighted value at {@link #theta()}, in term order.
     *
     * @return an unmodifiable map from term name to value
     */
    public Map<String, Double> termValues() {
        return TermValues.byName(termNames, termValues);
    }

    /**
     * Returns one term's weighted value at {@link #theta()}.
     *
     * @param name the term's name
     * @return the value
     * @throws IllegalArgumentException if no term has that name
     */
    public double termValue(String name) {
        int t = termNames.indexOf(name);
        if (t < 0) {
            throw new IllegalArgumentException("term \"" + name + "\" is not in the loss; terms: " + termNames);
        }
        return termValues[t];
    }

    /**
     * Returns the number of steps this run took (all stages).
     *
     * @return the count
     */
    public int steps() {
        return steps;
    }

    /**
     * Returns the wall time of this run.
     *
     * @return seconds
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Returns why training stopped.
     *
     * @return the reason
     */
    public StopReason stopReason() {
        return stopReason;
    }

    /**
     * Returns one sentence on how training ended, e.g. "loss 9.8e-07 fell below the tolerance 1e-06
     * at step 812", or for a NaN the message of {@link #nonFinite()}.
     *
     * @return the text
     */
    public String diagnosis() {
        return diagnosis;
    }

    /**
     * Returns where the loss went NaN or infinite.
     *
     * @return present exactly when {@link #stopReason()} is {@link StopReason#NON_FINITE}
     */
    public Optional<NonFiniteLoss> nonFinite() {
        return Optional.ofNullable(nonFinite);
    }

    /**
     * Returns why a guarded run gave up on a diverging loss.
     *
     * @return present exactly when {@link #stopReason()} is {@link StopReason#DIVERGED}
     */
    public Optional<Divergence> divergence() {
        return Optional.ofNullable(divergence);
    }

    /**
     * Returns this result, or throws if the loss went NaN or infinite.
     *
     * @return this
     * @throws NonFiniteLossException with the diagnosis, holding this result
     */
    public TrainingResult requireFinite() {
        if (nonFinite != null) {
            throw new NonFiniteLossException(this);
        }
        return this;
    }

    /**
     * Returns the history (shared, appendable: later code may attach events).
     *
     * @return the history
     */
    public TrainingHistory history() {
        return history;
    }

    @Override
    public String toString() {
        return "TrainingResult[" + stopReason + ", steps=" + steps + ", loss=" + loss + ": " + diagnosis + "]";
    }
}
