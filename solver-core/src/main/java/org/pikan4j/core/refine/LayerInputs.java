package org.pikan4j.core.refine;

import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.ParameterLayout;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;

/**
 * The values that enter every layer of a network at a set of points: {@code layer 0} gets the points
 * themselves, layer l+1 gets layer l's outputs, and the last entry is the network output. Grid operations and
 * indicators need them to know where each layer's inputs lie.
 *
 * <p>The backend's evaluators only expose the network output, so each layer runs as a one-layer network on
 * the default backend (value only, no derivatives) with its slice of θ. Immutable.
 */
public final class LayerInputs {

    private final double[][][] values;

    private LayerInputs(double[][][] values) {
        this.values = values;
    }

    /**
     * Runs the network forward layer by layer.
     *
     * @param network the network
     * @param theta   its parameters (the network's, then any extra ones, which are ignored)
     * @param points  at least one point of the network's input dimension, finite
     * @return the values entering every layer, and the output
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static LayerInputs of(Network network, double[] theta, double[][] points) {
        Checks.networkAndTheta(network, theta);
        Checks.points("points", points, network.inputDimension());
        network.checkInputs(points);
        Backend backend = Backends.defaultBackend();
        List<Layer> layers = network.layers();
        double[][][] values = new double[layers.size() + 1][][];
        values[0] = copy(points);
        for (int l = 0; l < layers.size(); l++) {
            Network single = new Network(List.of(layers.get(l)));
            double[] slice = slice(network, theta, l, single);
            NetworkEvaluator evaluator = backend.evaluator(single,
                    DerivativeSet.valueOnly(layers.get(l).inputWidth()));
            int width = layers.get(l).outputWidth();
            double[][] out = new double[points.length][width];
            for (int first = 0; first < points.length; first += evaluator.capacity()) {
                int count = Math.min(evaluator.capacity(), points.length - first);
                JetBlock block = evaluator.forward(slice, values[l], first, count);
                for (int n = 0; n < count; n++) {
                    for (int u = 0; u < width; u++) {
                        out[first + n][u] = block.get(n, 0, u);
                    }
                }
            }
            values[l + 1] = out;
        }
        return new LayerInputs(values);
    }

    /** Layer l's parameters, laid out for the one-layer network {@code single}. */
    private static double[] slice(Network network, double[] theta, int l, Network single) {
        double[] slice = new double[single.parameterCount()];
        for (ParameterLayout.Block block : single.layout().blocks()) {
            String suffix = block.name().substring(single.prefix(0).length());
            ParameterLayout.Block full = network.layout().block(network.prefix(l) + suffix);
            System.arraycopy(theta, full.offset(), slice, block.offset(), block.length());
        }
        return slice;
    }

    private static double[][] copy(double[][] points) {
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            copy[n] = points[n].clone();
        }
        return copy;
    }

    /** @return the number of layers (the output counts as entry {@code layers()}) */
    public int layers() {
        return values.length - 1;
    }

    /** @return the number of points */
    public int points() {
        return values[0].length;
    }

    /**
     * The values of one unit entering layer l at every point.
     *
     * @param layer in {@code [0, layers()]}; {@code layers()} gives the network output
     * @param unit  the input unit of that layer (the output field for {@code layer == layers()})
     * @return a new array, one value per point
     */
    public double[] column(int layer, int unit) {
        if (layer < 0 || layer >= values.length) {
            throw new IllegalArgumentException("layer must be in [0, " + (values.length - 1) + "], got " + layer);
        }
        int width = values[layer][0].length;
        if (unit < 0 || unit >= width) {
            throw new IllegalArgumentException("unit must be in [0, " + (width - 1) + "] for layer " + layer
                    + ", got " + unit);
        }
        double[] column = new double[values[layer].length];
        for (int n = 0; n < column.length; n++) {
            column[n] = values[layer][n][unit];
        }
        return column;
    }
}
