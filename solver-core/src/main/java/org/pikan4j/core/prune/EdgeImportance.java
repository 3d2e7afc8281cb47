package org.pikan4j.core.prune;

import java.util.Arrays;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.regularize.EdgeActivations;

/**
 * Importance scores of a KAN's edges and nodes on a set of points, by attribution from the outputs back
 * (in the style of pykan's {@code attribute}): every output scores 1; an edge (i → j) of layer l gets the
 * share {@code A_ij / Σ_i' A_i'j} of its node j's score, where {@code A_ij = mean_n |φ_ij(x_n)|}; a node
 * scores the sum of its outgoing edges. Each layer's node scores thus add up to the number of outputs,
 * and a score reads as "the fraction of the outputs that flows through here". Immutable.
 */
public final class EdgeImportance {

    private final double[][][] magnitudes;
    private final double[][][] edges;
    private final double[][] nodes;

    private EdgeImportance(double[][][] magnitudes, double[][][] edges, double[][] nodes) {
        this.magnitudes = magnitudes;
        this.edges = edges;
        this.nodes = nodes;
    }

    /**
     * The scores of a trained KAN.
     *
     * @param network a network of KAN layers only
     * @param theta   its parameters (extra entries after the network's are ignored)
     * @param points  the points to measure on (typically the training points), at least one
     * @throws IllegalArgumentException for a layer that is not a KAN layer, a short theta or bad points
     */
    public static EdgeImportance of(Network network, double[] theta, double[][] points) {
        return of(EdgeActivations.of(network, theta, points));
    }

    /** The scores from activations already computed. */
    public static EdgeImportance of(EdgeActivations activations) {
        int depth = activations.layers();
        double[][][] magnitudes = new double[depth][][];
        double[][][] edges = new double[depth][][];
        double[][] nodes = new double[depth + 1][];
        nodes[depth] = new double[activations.outputWidth(depth - 1)];
        Arrays.fill(nodes[depth], 1.0);
        for (int l = depth - 1; l >= 0; l--) {
            double[][] a = activations.meanMagnitudes(l);
            magnitudes[l] = a;
            int in = a.length;
            int out = a[0].length;
            edges[l] = new double[in][out];
            nodes[l] = new double[in];
            for (int j = 0; j < out; j++) {
                double total = 0.0;
                for (int i = 0; i < in; i++) {
                    total += a[i][j];
                }
                for (int i = 0; i < in; i++) {
                    edges[l][i][j] = total > 0.0 ? nodes[l + 1][j] * a[i][j] / total : 0.0;
                    nodes[l][i] += edges[l][i][j];
                }
            }
        }
        return new EdgeImportance(magnitudes, edges, nodes);
    }

    /** Number of layers. */
    public int layers() {
        return edges.length;
    }

    /** The score of edge (i → j) of layer l. */
    public double edge(int layer, int i, int j) {
        checkEdge(layer, i, j);
        return edges[layer][i][j];
    }

    /** The mean magnitude {@code mean_n |φ_ij(x_n)|} of edge (i → j) of layer l. */
    public double magnitude(int layer, int i, int j) {
        checkEdge(layer, i, j);
        return magnitudes[layer][i][j];
    }

    /**
     * The score of a node: {@code level} 0 holds the network inputs, {@code layers()} the outputs (all 1),
     * level l in between the inputs of layer l.
     */
    public double node(int level, int unit) {
        if (level < 0 || level >= nodes.length) {
            throw new IllegalArgumentException("level must be in [0, " + (nodes.length - 1) + "], got " + level);
        }
        if (unit < 0 || unit >= nodes[level].length) {
            throw new IllegalArgumentException("unit of level " + level + " must be in [0, " + nodes[level].length
                    + "), got " + unit);
        }
        return nodes[level][unit];
    }

    /** The scores of the network inputs (a new array). */
    public double[] inputs() {
        return nodes[0].clone();
    }

    /** The width of a level (inputs, hidden layers, outputs). */
    public int width(int level) {
        node(level, 0);
        return nodes[level].length;
    }

    private void checkEdge(int layer, int i, int j) {
        if (layer < 0 || layer >= edges.length) {
            throw new IllegalArgumentException("layer must be in [0, " + edges.length + "), got " + layer);
        }
        if (i < 0 || i >= edges[layer].length || j < 0 || j >= edges[layer][0].length) {
            throw new IllegalArgumentException("edge (" + i + ", " + j + ") of layer " + layer + " must have i in [0, "
                    + edges[layer].length + ") and j in [0, " + edges[layer][0].length + ")");
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("EdgeImportance[");
        for (int level = 0; level < nodes.length; level++) {
            s.append(level == 0 ? "" : " | ").append(Arrays.toString(nodes[level]));
        }
        return s.append("]").toString();
    }
}
