package org.pikan4j.core.nn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.pikan4j.core.tensor.DerivativeSet;

/**
 * A trial solution u(x; θ): a stack of layers (KAN or dense) mapping input coordinates to
 * output fields, with its parameters laid out in one flat vector. The same type serves KANs
 * and MLP PINNs, so residuals, optimizers and studies work with either. Immutable: parameter
 * values live outside, in a {@code double[]} that follows {@link #layout()}.
 */
public final class Network {

    private final List<Layer> layers;
    private final List<String> prefixes;
    private final ParameterLayout layout;

    /**
     * @param layers at least one layer; each layer's input width must equal the previous output width; a
     *               {@link PeriodicEmbedding} only as layer 0
     */
    public Network(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers must hold at least one layer, got none");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l) instanceof PeriodicEmbedding) {
                throw new IllegalArgumentException("layer " + l + " is a periodic embedding; an embedding takes the"
                        + " coordinates, so it must be layer 0");
            }
            if (layers.get(l).inputWidth() != layers.get(l - 1).outputWidth()) {
                throw new IllegalArgumentException("layer " + l + " takes " + layers.get(l).inputWidth()
                        + " inputs but layer " + (l - 1) + " gives " + layers.get(l - 1).outputWidth());
            }
        }
        this.layers = List.copyOf(layers);
        ParameterLayout.Builder builder = ParameterLayout.builder();
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            String prefix = kind(layers.get(l)) + l + ".";
            names.add(prefix);
            layers.get(l).declareParameters(prefix, builder);
        }
        this.prefixes = List.copyOf(names);
        this.layout = builder.build();
    }

    private static String kind(Layer layer) {
        if (layer instanceof KanLayer) {
            return "kan";
        }
        return layer instanceof PeriodicEmbedding ? "embed" : "dense";
    }

    /** The layers, input side first. */
    public List<Layer> layers() {
        return layers;
    }

    /** The block-name prefix of layer l, e.g. {@code "kan0."}. */
    public String prefix(int l) {
        return prefixes.get(l);
    }

    /** How the parameters sit in the flat vector. */
    public ParameterLayout layout() {
        return layout;
    }

    /** Number of parameters. */
    public int parameterCount() {
        return layout.size();
    }

    /** Number of input coordinates. */
    public int inputDimension() {
        return layers.get(0).inputWidth();
    }

    /** Number of output fields. */
    public int outputDimension() {
        return layers.get(layers.size() - 1).outputWidth();
    }

    /** The same network with one layer replaced (same widths), e.g. after grid refinement. */
    public Network withLayer(int l, Layer layer) {
        List<Layer> copy = new ArrayList<>(layers);
        copy.set(l, layer);
        return new Network(copy);
    }

    /**
     * This network behind a periodic input embedding: the embedding becomes layer 0 and takes the
     * coordinates, this network takes the embedding's outputs.
     *
     * @throws IllegalArgumentException when this network's input width is not the embedding's output width
     */
    public Network withEmbedding(PeriodicEmbedding embedding) {
        if (embedding.outputWidth() != inputDimension()) {
            throw new IllegalArgumentException("embedding " + embedding.describe() + " gives "
                    + embedding.outputWidth() + " outputs but the network takes " + inputDimension() + " inputs");
        }
        List<Layer> all = new ArrayList<>();
        all.add(embedding);
        all.addAll(layers);
        return new Network(all);
    }

    /** Seeded initial parameters: the same seed gives the same vector. */
    public double[] initialParameters(long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] theta = new double[layout.size()];
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).initialize(prefixes.get(l), layout, theta, random);
        }
        return theta;
    }

    /**
     * Checks that a derivative set is over this network's input coordinates.
     *
     * @throws IllegalArgumentException naming both dimensions
     */
    public void checkDerivatives(DerivativeSet set) {
        if (set.dimension() != inputDimension()) {
            throw new IllegalArgumentException("derivative set has " + set.dimension()
                    + " coordinates but the network takes " + inputDimension() + " inputs");
        }
    }

    /**
     * Checks that a parameter vector starts with this network's parameters; entries after them
     * (trainable PDE coefficients) belong to the caller.
     */
    public void checkParameters(double[] theta) {
        if (theta.length < layout.size()) {
            throw new IllegalArgumentException("theta must hold the network's " + layout.size()
                    + " parameters, got " + theta.length);
        }
    }

    /**
     * Checks points before they reach the engine: the right width, no NaN or infinity.
     *
     * @throws IllegalArgumentException naming the point, the coordinate and the value
     */
    public void checkInputs(double[][] points) {
        for (int n = 0; n < points.length; n++) {
            if (points[n].length != inputDimension()) {
                throw new IllegalArgumentException("points[" + n + "] must have " + inputDimension()
                        + " coordinates (the network's input width), got " + points[n].length);
            }
            for (int i = 0; i < points[n].length; i++) {
                if (!Double.isFinite(points[n][i])) {
                    throw new IllegalArgumentException("points[" + n + "][" + i + "] must be finite, got "
                            + points[n][i]);
                }
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Network[");
        for (int l = 0; l < layers.size(); l++) {
            s.append(l == 0 ? "" : ", ").append(layers.get(l).describe());
        }
        return s.append("; ").append(layout.size()).append(" parameters]").toString();
    }
}
