package org.pikan4j.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.train.TrainingState;

/**
 * A whole training state as {@link CheckpointFile} saves and loads it: the network (architecture and knot
 * vectors: the refinement state of a run that extends grids), the {@link TrainingState} (parameters, optimizer
 * state, position, best state, history), the collocation points of every loss term, and free-form metadata
 * (e.g. the problem, the seed and the settings a resume must match). Immutable: arrays and maps are copied in
 * and out.
 *
 * @param network  the network the state's parameters belong to
 * @param state    the training state; its parameter vector holds the network's parameters first
 * @param points   each loss term's collocation points by term name, in term order
 * @param metadata user key-value pairs
 */
public record Checkpoint(Network network, TrainingState state, Map<String, double[][]> points,
                         Map<String, String> metadata) {

    /** Checks and copies. */
    public Checkpoint {
        if (network == null || state == null || points == null || metadata == null) {
            throw new IllegalArgumentException("network, state, points and metadata must not be null");
        }
        network.checkParameters(state.theta());
        points = copy(points);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** @return a copy of the points by term name */
    @Override
    public Map<String, double[][]> points() {
        return copy(points);
    }

    private static Map<String, double[][]> copy(Map<String, double[][]> points) {
        Map<String, double[][]> c = new LinkedHashMap<>();
        points.forEach((name, p) -> {
            if (name == null || name.isEmpty() || p == null) {
                throw new IllegalArgumentException("points must map non-empty term names to point arrays, got "
                        + name + " -> " + (p == null ? "null" : p.length + " points"));
            }
            double[][] rows = new double[p.length][];
            for (int n = 0; n < p.length; n++) {
                rows[n] = p[n].clone();
                if (rows[n].length != rows[0].length) {
                    throw new IllegalArgumentException("the points of term \"" + name + "\" must all have "
                            + rows[0].length + " coordinates, point " + n + " has " + rows[n].length);
                }
            }
            c.put(name, rows);
        });
        return Collections.unmodifiableMap(c);
    }
}
