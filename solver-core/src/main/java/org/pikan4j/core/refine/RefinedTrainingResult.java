package org.pikan4j.core.refine;

import java.util.List;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.TrainingHistory;

/**
 * The outcome of {@link RefinedTraining}: the final (refined) network and its parameters, the history and
 * every refinement. Immutable except for the history, which stays the caller's.
 */
public final class RefinedTrainingResult {

    private final Network network;
    private final PinnLoss finalLoss;
    private final double[] theta;
    private final double loss;
    private final int steps;
    private final StopReason stopReason;
    private final TrainingHistory history;
    private final List<RefinementEvent> refinements;

    RefinedTrainingResult(Network network, PinnLoss finalLoss, double[] theta, double loss, int steps,
                          StopReason stopReason, TrainingHistory history, List<RefinementEvent> refinements) {
        this.network = network;
        this.finalLoss = finalLoss;
        this.theta = theta.clone();
        this.loss = loss;
        this.steps = steps;
        this.stopReason = stopReason;
        this.history = history;
        this.refinements = List.copyOf(refinements);
    }

    /** @return the final network, refined as often as the scheduler decided */
    public Network network() {
        return network;
    }

    /**
     * @return the loss training ended on: of the final network, on the final (possibly refined) collocation
     *         points; what a following L-BFGS stage should minimize
     */
    public PinnLoss finalLoss() {
        return finalLoss;
    }

    /** @return a copy of the final parameters, of {@link #network()} (then any extra ones) */
    public double[] theta() {
        return theta.clone();
    }

    /** @return the loss at the final parameters (NaN after a {@link StopReason#NON_FINITE} stop) */
    public double loss() {
        return loss;
    }

    /** @return the Adam steps taken */
    public int steps() {
        return steps;
    }

    /** @return {@link StopReason#BUDGET}, {@link StopReason#TIME_LIMIT} or {@link StopReason#NON_FINITE} */
    public StopReason stopReason() {
        return stopReason;
    }

    /** @return the history: rows of every step recorded, events for stages, refinements and the stop */
    public TrainingHistory history() {
        return history;
    }

    /** @return the refinements, in order */
    public List<RefinementEvent> refinements() {
        return refinements;
    }

    /** @return the refinements' records, in order */
    public List<RefinementRecord> records() {
        return refinements.stream().map(RefinementEvent::record).toList();
    }

    @Override
    public String toString() {
        return "RefinedTrainingResult[" + steps + " steps, loss " + loss + ", " + refinements.size()
                + " refinements, " + stopReason + "]";
    }
}
