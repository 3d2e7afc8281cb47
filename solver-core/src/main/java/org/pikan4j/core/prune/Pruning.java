package org.pikan4j.core.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.ParameterLayout;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.symbolic.EdgeKey;
import org.pikan4j.core.util.Arguments;

/**
 * Pruning of a trained KAN by {@link EdgeImportance} (pykan's {@code prune}, {@code prune_input}): hidden
 * nodes scoring below the node threshold are removed, and with them their incoming and outgoing edges;
 * inputs below the input threshold are removed likewise (input pruning is off unless a threshold is set);
 * the remaining edges below the edge threshold keep their place but get all their parameters zeroed, so
 * they output 0. Outputs always stay, and every level keeps at least its best node. The kept part of the
 * network computes exactly what it computed before. Immutable.
 */
public final class Pruning {

    /** pykan's default node threshold. */
    public static final double DEFAULT_NODE_THRESHOLD = 1e-2;
    /** pykan's default edge threshold. */
    public static final double DEFAULT_EDGE_THRESHOLD = 3e-2;

    private final double nodeThreshold;
    private final double edgeThreshold;
    private final double inputThreshold;

    private Pruning(double nodeThreshold, double edgeThreshold, double inputThreshold) {
        this.nodeThreshold = nodeThreshold;
        this.edgeThreshold = edgeThreshold;
        this.inputThreshold = inputThreshold;
    }

    /** Node threshold 1e-2, edge threshold 3e-2 (pykan's defaults), no input pruning. */
    public static Pruning defaults() {
        return new Pruning(DEFAULT_NODE_THRESHOLD, DEFAULT_EDGE_THRESHOLD, 0.0);
    }

    /** The same with another hidden-node threshold (finite, &gt;= 0; 0 keeps every node). */
    public Pruning withNodeThreshold(double threshold) {
        return new Pruning(Arguments.nonNegative("nodeThreshold", threshold), edgeThreshold, inputThreshold);
    }

    /** The same with another edge threshold (finite, &gt;= 0; 0 zeroes no edge). */
    public Pruning withEdgeThreshold(double threshold) {
        return new Pruning(nodeThreshold, Arguments.nonNegative("edgeThreshold", threshold), inputThreshold);
    }

    /** The same removing inputs that score below the threshold (finite, &gt;= 0; 0, the default, keeps them). */
    public Pruning withInputThreshold(double threshold) {
        return new Pruning(nodeThreshold, edgeThreshold, Arguments.nonNegative("inputThreshold", threshold));
    }

    /**
     * Prunes a trained KAN, scoring it on the given points.
     *
     * @param network a network of KAN layers only
     * @param theta   its parameters; entries after the network's (trainable PDE coefficients) are carried over
     * @param points  the points to score on (typically the training points), at least one
     * @throws IllegalArgumentException for a layer that is not a KAN layer, a short theta or bad points
     */
    public PrunedNetwork apply(Network network, double[] theta, double[][] points) {
        EdgeImportance scores = EdgeImportance.of(network, theta, points);
        int depth = network.layers().size();
        int[][] kept = new int[depth + 1][];
        kept[0] = keep(scores, 0, inputThreshold);
        for (int level = 1; level < depth; level++) {
            kept[level] = keep(scores, level, nodeThreshold);
        }
        kept[depth] = keep(scores, depth, 0.0);
        List<EdgeKey> zeroed = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            KanLayer old = (KanLayer) network.layers().get(l);
            List<KnotVector> grids = new ArrayList<>();
            for (int i : kept[l]) {
                grids.add(old.grid(i));
            }
            layers.add(new KanLayer(kept[l].length, kept[l + 1].length, grids, old.noiseScale()));
            for (int i : kept[l]) {
                for (int j : kept[l + 1]) {
                    if (scores.edge(l, i, j) < edgeThreshold) {
                        zeroed.add(new EdgeKey(l, i, j));
                    }
                }
            }
        }
        Network smaller = new Network(layers);
        double[] copied = copyParameters(network, theta, smaller, kept, zeroed);
        return new PrunedNetwork(network, smaller, copied, kept, zeroed, scores);
    }

    /** The units of a level scoring at least the threshold, or the best one when none does. */
    private static int[] keep(EdgeImportance scores, int level, double threshold) {
        int width = scores.width(level);
        int best = 0;
        List<Integer> units = new ArrayList<>();
        for (int u = 0; u < width; u++) {
            if (scores.node(level, u) >= threshold) {
                units.add(u);
            }
            best = scores.node(level, u) > scores.node(level, best) ? u : best;
        }
        return units.isEmpty() ? new int[] {best} : units.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The kept edges' parameters in the smaller layout, zeroed edges left at 0, extra entries appended. */
    private static double[] copyParameters(Network from, double[] theta, Network to, int[][] kept,
                                           List<EdgeKey> zeroed) {
        ParameterLayout src = from.layout();
        ParameterLayout dst = to.layout();
        int extra = theta.length - from.parameterCount();
        double[] out = new double[to.parameterCount() + extra];
        System.arraycopy(theta, from.parameterCount(), out, to.parameterCount(), extra);
        for (int l = 0; l < kept.length - 1; l++) {
            KanLayer old = (KanLayer) from.layers().get(l);
            int basis = old.basisCount();
            int oldOut = old.outputWidth();
            int newOut = kept[l + 1].length;
            int[] coef = {src.block(from.prefix(l) + "coef").offset(), dst.block(to.prefix(l) + "coef").offset()};
            int[] base = {src.block(from.prefix(l) + "scaleBase").offset(),
                dst.block(to.prefix(l) + "scaleBase").offset()};
            int[] spline = {src.block(from.prefix(l) + "scaleSpline").offset(),
                dst.block(to.prefix(l) + "scaleSpline").offset()};
            for (int a = 0; a < kept[l].length; a++) {
                for (int b = 0; b < newOut; b++) {
                    int i = kept[l][a];
                    int j = kept[l + 1][b];
                    if (zeroed.contains(new EdgeKey(l, i, j))) {
                        continue;
                    }
                    int e = i * oldOut + j;
                    int f = a * newOut + b;
                    System.arraycopy(theta, coef[0] + e * basis, out, coef[1] + f * basis, basis);
                    out[base[1] + f] = theta[base[0] + e];
                    out[spline[1] + f] = theta[spline[0] + e];
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Pruning[node %g, edge %g, input %g]", nodeThreshold, edgeThreshold,
                inputThreshold);
    }

    static String widths(int[][] kept) {
        return Arrays.toString(Arrays.stream(kept).mapToInt(k -> k.length).toArray());
    }
}
