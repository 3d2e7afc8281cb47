package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.util.Arguments;

/** Argument checks whose messages name the argument, the value and what is valid. */
final class Checks {

    private Checks() {
    }


    /** The network is non-null and theta holds at least its parameters. */
    static void networkAndTheta(Network network, double[] theta) {
        Arguments.notNull("network", network);
        Arguments.notNull("theta", theta);
        network.checkParameters(theta);
    }

    /** Layer l exists and is a KAN layer. */
    static KanLayer kanLayer(Network network, int layer) {
        int count = network.layers().size();
        if (layer < 0 || layer >= count) {
            throw new IllegalArgumentException("layer must be in [0, " + (count - 1) + "], got " + layer);
        }
        if (!(network.layers().get(layer) instanceof KanLayer)) {
            throw new IllegalArgumentException("layer " + layer + " must be a KAN layer to refine its grids, got "
                    + network.layers().get(layer).describe());
        }
        return (KanLayer) network.layers().get(layer);
    }

    /** The indices of all KAN layers; at least one. */
    static List<Integer> kanLayers(Network network) {
        List<Integer> layers = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            if (network.layers().get(l) instanceof KanLayer) {
                layers.add(l);
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network must have a KAN layer to refine grids, got " + network);
        }
        return layers;
    }

    /** The points are non-empty rows of the given width. */
    static void points(String name, double[][] points, int width) {
        Arguments.notNull(name, points);
        if (points.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one point, got none");
        }
        for (int n = 0; n < points.length; n++) {
            if (points[n] == null || points[n].length != width) {
                throw new IllegalArgumentException(name + "[" + n + "] must have " + width + " coordinates, got "
                        + (points[n] == null ? "null" : String.valueOf(points[n].length)));
            }
        }
    }

    /** One finite value per point. */
    static void residuals(String name, double[] residuals, int count, String countName) {
        Arguments.notNull(name, residuals);
        if (residuals.length != count) {
            throw new IllegalArgumentException(name + " must hold one value per point of " + countName + " ("
                    + count + "), got " + residuals.length);
        }
        for (int n = 0; n < residuals.length; n++) {
            if (!Double.isFinite(residuals[n])) {
                throw new IllegalArgumentException(name + "[" + n + "] must be finite, got " + residuals[n]);
            }
        }
    }
}
