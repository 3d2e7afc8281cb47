package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.nn.Network;

/**
 * The outcome of a grid operation: the refined network, its parameters, the linear map that took the old
 * parameters (and takes optimizer moments) to the new ones, and a record of what changed. Immutable.
 */
public final class GridRefinement {

    private final Network network;
    private final double[] theta;
    private final ParameterTransfer transfer;
    private final RefinementRecord record;

    GridRefinement(Network network, double[] theta, ParameterTransfer transfer, RefinementRecord record) {
        this.network = network;
        this.theta = theta.clone();
        this.transfer = transfer;
        this.record = record;
    }

    /** Chains per-layer results (each on the previous one's network) into one refinement. */
    static GridRefinement chain(String operation, int before, List<LayerRemap.Result> steps, List<String> changes) {
        ParameterTransfer transfer = steps.get(0).transfer();
        double change = steps.get(0).changeSquared();
        double norm = steps.get(0).normSquared();
        for (int s = 1; s < steps.size(); s++) {
            transfer = transfer.then(steps.get(s).transfer());
            change += steps.get(s).changeSquared();
            norm += steps.get(s).normSquared();
        }
        LayerRemap.Result last = steps.get(steps.size() - 1);
        double relative = norm > 0 ? Math.sqrt(change / norm) : Math.sqrt(change);
        return new GridRefinement(last.network(), last.theta(), transfer,
                new RefinementRecord(operation, changes, before, last.network().parameterCount(), "parameters",
                        relative));
    }

    /**
     * This refinement, then {@code next} on its result: the maps composed, the changes listed in order, the
     * operation named by {@code next}; the relative changes add up (a bound on the combined change).
     */
    GridRefinement then(GridRefinement next) {
        List<String> changes = new ArrayList<>(record.changes());
        changes.addAll(next.record.changes());
        return new GridRefinement(next.network, next.theta, transfer.then(next.transfer),
                new RefinementRecord(next.record.operation(), changes, record.before(), next.record.after(),
                        record.counted(), record.relativeChange() + next.record.relativeChange()));
    }

    /** @return the refined network */
    public Network network() {
        return network;
    }

    /** @return a copy of the mapped parameters: the refined network's, then any extra ones carried over */
    public double[] theta() {
        return theta.clone();
    }

    /** @return the map from old to new parameters, also for optimizer state */
    public ParameterTransfer transfer() {
        return transfer;
    }

    /** @return what changed, for the training history */
    public RefinementRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return record.toString();
    }
}
