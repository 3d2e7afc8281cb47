package org.pikan4j.core.regularize;

import org.pikan4j.core.nn.Network;

/**
 * What every edge of a KAN outputs on a set of points: the values entering each layer and each edge's
 * {@code φ_ij} there, from one forward pass. The sparsity penalty, importance scores and edge plots read
 * their magnitudes. Immutable.
 */
public final class EdgeActivations {

    private final int[] inputWidths;
    private final int[] outputWidths;
    private final int points;
    /** {@code inputs[l][n * in + i]}: the value entering input i of layer l at point n. */
    private final double[][] inputs;
    /** {@code values[l][(n * in + i) * out + j]}: φ_ij of layer l at point n. */
    private final double[][] values;

    private EdgeActivations(int[] inputWidths, int[] outputWidths, int points, double[][] inputs, double[][] values) {
        this.inputWidths = inputWidths;
        this.outputWidths = outputWidths;
        this.points = points;
        this.inputs = inputs;
        this.values = values;
    }

    /**
     * Runs a KAN forward on the points, keeping every edge's output.
     *
     * @param network a network of KAN layers only
     * @param theta   its parameters (extra entries after the network's are ignored)
     * @param points  at least one point of the network's input width, finite
     * @throws IllegalArgumentException for a layer that is not a KAN layer, a short theta or bad points
     */
    public static EdgeActivations of(Network network, double[] theta, double[][] points) {
        KanEdges[] layers = KanEdges.of(network);
        network.checkParameters(theta);
        if (points.length == 0) {
            throw new IllegalArgumentException("points must hold at least one point, got none");
        }
        network.checkInputs(points);
        int count = points.length;
        int depth = layers.length;
        int[] in = new int[depth];
        int[] out = new int[depth];
        double[][] inputs = new double[depth][];
        double[][] values = new double[depth][];
        double[] u = new double[count * layers[0].inputs];
        for (int n = 0; n < count; n++) {
            System.arraycopy(points[n], 0, u, n * layers[0].inputs, layers[0].inputs);
        }
        for (int l = 0; l < depth; l++) {
            KanEdges layer = layers[l];
            in[l] = layer.inputs;
            out[l] = layer.outputs;
            inputs[l] = u;
            double[] phi = new double[count * layer.inputs * layer.outputs];
            double[] next = new double[count * layer.outputs];
            KanEdges.Local local = new KanEdges.Local(layer.width);
            for (int n = 0; n < count; n++) {
                for (int i = 0; i < layer.inputs; i++) {
                    layer.local(i, u[n * layer.inputs + i], local);
                    for (int j = 0; j < layer.outputs; j++) {
                        double v = layer.value(theta, layer.edge(i, j), local);
                        phi[(n * layer.inputs + i) * layer.outputs + j] = v;
                        next[n * layer.outputs + j] += v;
                    }
                }
            }
            values[l] = phi;
            u = next;
        }
        return new EdgeActivations(in, out, count, inputs, values);
    }

    /** Number of layers. */
    public int layers() {
        return inputs.length;
    }

    /** Number of points. */
    public int points() {
        return points;
    }

    /** The input width of layer l. */
    public int inputWidth(int layer) {
        checkLayer(layer);
        return inputWidths[layer];
    }

    /** The output width of layer l. */
    public int outputWidth(int layer) {
        checkLayer(layer);
        return outputWidths[layer];
    }

    /** The values entering input i of layer l, one per point (a new array). */
    public double[] inputs(int layer, int i) {
        checkEdge(layer, i, 0);
        double[] column = new double[points];
        for (int n = 0; n < points; n++) {
            column[n] = inputs[layer][n * inputWidths[layer] + i];
        }
        return column;
    }

    /** φ_ij of layer l at every point (a new array). */
    public double[] values(int layer, int i, int j) {
        checkEdge(layer, i, j);
        double[] column = new double[points];
        for (int n = 0; n < points; n++) {
            column[n] = value(layer, n, i, j);
        }
        return column;
    }

    double value(int layer, int n, int i, int j) {
        return values[layer][(n * inputWidths[layer] + i) * outputWidths[layer] + j];
    }

    double input(int layer, int n, int i) {
        return inputs[layer][n * inputWidths[layer] + i];
    }

    /**
     * The mean magnitude {@code (1/N) Σ_n |φ_ij(x_n)|} of every edge of layer l, as {@code [i][j]}: the
     * edge's L1 norm on the points in the sense of Liu et al. (2024), eq. 2.17.
     */
    public double[][] meanMagnitudes(int layer) {
        checkLayer(layer);
        double[][] a = new double[inputWidths[layer]][outputWidths[layer]];
        for (int n = 0; n < points; n++) {
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a[i].length; j++) {
                    a[i][j] += Math.abs(value(layer, n, i, j));
                }
            }
        }
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= points;
            }
        }
        return a;
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= inputs.length) {
            throw new IllegalArgumentException("layer must be in [0, " + inputs.length + "), got " + layer);
        }
    }

    private void checkEdge(int layer, int i, int j) {
        checkLayer(layer);
        if (i < 0 || i >= inputWidths[layer]) {
            throw new IllegalArgumentException("input i of layer " + layer + " must be in [0, " + inputWidths[layer]
                    + "), got " + i);
        }
        if (j < 0 || j >= outputWidths[layer]) {
            throw new IllegalArgumentException("output j of layer " + layer + " must be in [0, "
                    + outputWidths[layer] + "), got " + j);
        }
    }
}
