package org.pikan4j.core.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;

/**
 * Symbolic regression of a trained KAN, edge by edge: suggest formulas for an edge, fix the chosen
 * ones, and compose the fixed network into one expression. Immutable: {@link #fix} and {@link #auto}
 * return a new value. Edges are sampled on a uniform grid over their knot range or, after
 * {@link #withInputs}, on the values that reach them from given network inputs.
 */
public final class SymbolicEdges {

    /** Samples per edge on the uniform grid over the knot range. */
    public static final int DEFAULT_SAMPLES = 101;

    private final Network network;
    private final double[] theta;
    private final SymbolicLibrary library;
    private final Map<Integer, SymbolicLibrary> layerLibraries;
    private final double[][] inputs;
    private final Map<EdgeKey, SymbolicFit> fixed;

    private SymbolicEdges(Network network, double[] theta, SymbolicLibrary library,
                          Map<Integer, SymbolicLibrary> layerLibraries, double[][] inputs,
                          Map<EdgeKey, SymbolicFit> fixed) {
        this.network = network;
        this.theta = theta;
        this.library = library;
        this.layerLibraries = Map.copyOf(layerLibraries);
        this.inputs = inputs;
        this.fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    }

    /**
     * The edges of a KAN network with trained parameters, with the standard library and no edge fixed.
     *
     * @throws IllegalArgumentException if a layer is not a KAN layer or theta is too short
     */
    public static SymbolicEdges of(Network network, double[] theta) {
        network.checkParameters(theta);
        for (int l = 0; l < network.layers().size(); l++) {
            EdgeFunction.kanLayer(network, l);
        }
        return new SymbolicEdges(network, theta.clone(), SymbolicLibrary.standard(), Map.of(), null, Map.of());
    }

    /** The same, trying the given candidates (on every layer without a library of its own). */
    public SymbolicEdges withLibrary(SymbolicLibrary newLibrary) {
        return new SymbolicEdges(network, theta, newLibrary, layerLibraries, inputs, fixed);
    }

    /**
     * The same, trying the given candidates on the edges of one layer: a user's guess at the structure, e.g.
     * {@code only("x")} on the first layer and {@code only("cos")} on the second.
     *
     * @throws IllegalArgumentException for a layer out of range or not a KAN layer
     */
    public SymbolicEdges withLibrary(int layer, SymbolicLibrary layerLibrary) {
        EdgeFunction.kanLayer(network, layer);
        Map<Integer, SymbolicLibrary> copy = new HashMap<>(layerLibraries);
        copy.put(layer, layerLibrary);
        return new SymbolicEdges(network, theta, library, copy, inputs, fixed);
    }

    /**
     * The same, sampling each edge on the values that reach it when the (spline) network is fed these
     * points, rather than on a uniform grid over the knot range.
     *
     * @throws IllegalArgumentException for an empty set or a point of the wrong width or not finite
     */
    public SymbolicEdges withInputs(double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("points must hold at least one point, got none");
        }
        network.checkInputs(points);
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            copy[n] = points[n].clone();
        }
        return new SymbolicEdges(network, theta, library, layerLibraries, copy, fixed);
    }

    /** The trained edge as a function. */
    public EdgeFunction edge(int layer, int i, int j) {
        return EdgeFunction.of(network, theta, layer, i, j);
    }

    /**
     * The best {@code topK} formulas for one edge, best first (see
     * {@link SymbolicFit#suggest(double[], double[], SymbolicLibrary, int)}).
     *
     * @throws IllegalArgumentException for an unknown edge or topK &lt; 1
     */
    public List<SymbolicFit> suggest(int layer, int i, int j, int topK) {
        EdgeFunction phi = edge(layer, i, j);
        double[] xs = samplePoints(layer, i, phi);
        return SymbolicFit.suggest(xs, phi.sample(xs), layerLibraries.getOrDefault(layer, library), topK);
    }

    /** The same with the edge's formula recorded (replacing an earlier one). */
    public SymbolicEdges fix(int layer, int i, int j, SymbolicFit fit) {
        edge(layer, i, j);
        if (fit == null) {
            throw new IllegalArgumentException("fit must not be null");
        }
        Map<EdgeKey, SymbolicFit> copy = new LinkedHashMap<>(fixed);
        copy.put(new EdgeKey(layer, i, j), fit);
        return new SymbolicEdges(network, theta, library, layerLibraries, inputs, copy);
    }

    /**
     * Fits every edge not yet fixed and fixes those whose best suggestion reaches the threshold.
     *
     * @param r2Threshold the least R² a formula needs, in [0, 1]
     */
    public SymbolicEdges auto(double r2Threshold) {
        if (!(r2Threshold >= 0.0 && r2Threshold <= 1.0)) {
            throw new IllegalArgumentException("r2Threshold must be in [0, 1], got " + r2Threshold);
        }
        SymbolicEdges result = this;
        for (int l = 0; l < network.layers().size(); l++) {
            KanLayer kan = EdgeFunction.kanLayer(network, l);
            for (int i = 0; i < kan.inputWidth(); i++) {
                for (int j = 0; j < kan.outputWidth(); j++) {
                    if (!fixed.containsKey(new EdgeKey(l, i, j))) {
                        List<SymbolicFit> best = suggest(l, i, j, 1);
                        if (!best.isEmpty() && best.get(0).r2() >= r2Threshold) {
                            result = result.fix(l, i, j, best.get(0));
                        }
                    }
                }
            }
        }
        return result;
    }

    /** The fixed edges and their formulas, in the order they were fixed. */
    public Map<EdgeKey, SymbolicFit> fixed() {
        return fixed;
    }

    /** Whether every edge of the network has a formula. */
    public boolean complete() {
        return unfixed().isEmpty();
    }

    /** The edges without a formula, layer by layer. */
    public List<EdgeKey> unfixed() {
        List<EdgeKey> open = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            KanLayer kan = (KanLayer) network.layers().get(l);
            for (int i = 0; i < kan.inputWidth(); i++) {
                for (int j = 0; j < kan.outputWidth(); j++) {
                    if (!fixed.containsKey(new EdgeKey(l, i, j))) {
                        open.add(new EdgeKey(l, i, j));
                    }
                }
            }
        }
        return open;
    }

    /**
     * The whole network as plain text, e.g. {@code 2*sin(3*x + 0.5) - 1}, one line per output; inputs
     * are named x, y, z (or x1..xn beyond three).
     *
     * @throws IllegalStateException if some edge has no formula
     */
    public String formula() {
        return model().formula();
    }

    /** As {@link #formula()}, as Java expressions ({@code Math.sin} ...), one line per output. */
    public String javaFormula() {
        return model().javaFormula();
    }

    /** As {@link #formula()}, in LaTeX, one line per output. */
    public String latexFormula() {
        return model().latexFormula();
    }

    /**
     * The fixed formulas composed into one model, to evaluate, write out or fine-tune.
     *
     * @throws IllegalStateException if some edge has no formula, naming the first
     */
    public SymbolicModel model() {
        List<EdgeKey> open = unfixed();
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " edges have no formula yet, first " + open.get(0)
                    + "; fix them or call auto with a lower threshold");
        }
        List<NodeSum[]> layers = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            KanLayer kan = (KanLayer) network.layers().get(l);
            NodeSum[] nodes = new NodeSum[kan.outputWidth()];
            for (int j = 0; j < kan.outputWidth(); j++) {
                SymbolicFit[] fits = new SymbolicFit[kan.inputWidth()];
                int[] idx = new int[kan.inputWidth()];
                for (int i = 0; i < kan.inputWidth(); i++) {
                    fits[i] = fixed.get(new EdgeKey(l, i, j));
                    idx[i] = i;
                }
                nodes[j] = NodeSum.of(fits, idx);
            }
            layers.add(nodes);
        }
        return new SymbolicModel(network.inputDimension(), layers);
    }

    /**
     * The symbolic model at one point: fixed edges by their formulas, any edge not fixed by its
     * spline, so the error of a partly symbolic network can be measured too.
     *
     * @throws IllegalArgumentException if the point has the wrong width or is not finite
     */
    public double[] evaluate(double[] point) {
        network.checkInputs(new double[][] {point});
        double[] u = point.clone();
        for (int l = 0; l < network.layers().size(); l++) {
            KanLayer kan = (KanLayer) network.layers().get(l);
            double[] next = new double[kan.outputWidth()];
            for (int j = 0; j < kan.outputWidth(); j++) {
                List<SymbolicFit> fits = new ArrayList<>();
                for (int i = 0; i < kan.inputWidth(); i++) {
                    SymbolicFit fit = fixed.get(new EdgeKey(l, i, j));
                    fits.add(fit);
                    if (fit == null) {
                        next[j] += edge(l, i, j).applyAsDouble(u[i]);
                    }
                }
                next[j] += NodeSum.of(fits.stream().filter(f -> f != null).toArray(SymbolicFit[]::new),
                        inputIndices(fits)).evaluate(u);
            }
            u = next;
        }
        return u;
    }

    private static int[] inputIndices(List<SymbolicFit> fits) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            if (fits.get(i) != null) {
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private double[] samplePoints(int layer, int i, EdgeFunction phi) {
        if (inputs == null) {
            return phi.uniformPoints(DEFAULT_SAMPLES);
        }
        double[] xs = new double[inputs.length];
        for (int n = 0; n < inputs.length; n++) {
            double[] u = inputs[n];
            for (int l = 0; l < layer; l++) {
                u = splineLayer(l, u);
            }
            xs[n] = u[i];
        }
        return xs;
    }

    private double[] splineLayer(int l, double[] u) {
        KanLayer kan = (KanLayer) network.layers().get(l);
        double[] next = new double[kan.outputWidth()];
        for (int j = 0; j < kan.outputWidth(); j++) {
            for (int i = 0; i < kan.inputWidth(); i++) {
                next[j] += edge(l, i, j).applyAsDouble(u[i]);
            }
        }
        return next;
    }

    @Override
    public String toString() {
        return "SymbolicEdges[" + network + ", " + fixed.size() + " fixed, " + unfixed().size() + " open]";
    }
}
