package org.pikan4j.core.symbolic;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.spline.KnotVector;

/**
 * One trained edge of a KAN layer as a plain function,
 * {@code φ_ij(x) = w_b·SiLU(x) + w_s·Σ_m c_ijm B_m(x)}, read from the network's parameters once.
 * Immutable; a convenience for sampling, not a hot path.
 */
public final class EdgeFunction implements DoubleUnaryOperator {

    private final KnotVector grid;
    private final double[] coefficients;
    private final double scaleBase;
    private final double scaleSpline;

    private EdgeFunction(KnotVector grid, double[] coefficients, double scaleBase, double scaleSpline) {
        this.grid = grid;
        this.coefficients = coefficients;
        this.scaleBase = scaleBase;
        this.scaleSpline = scaleSpline;
    }

    /**
     * Edge (input i → output j) of KAN layer {@code layer}.
     *
     * @throws IllegalArgumentException for an index out of range or a layer that is not a KAN layer
     */
    public static EdgeFunction of(Network network, double[] theta, int layer, int i, int j) {
        KanLayer kan = kanLayer(network, layer);
        FitChecks.index("input i of layer " + layer, i, kan.inputWidth());
        FitChecks.index("output j of layer " + layer, j, kan.outputWidth());
        network.checkParameters(theta);
        String prefix = network.prefix(layer);
        int edge = i * kan.outputWidth() + j;
        int k = kan.basisCount();
        double[] coef = network.layout().get(theta, prefix + "coef");
        return new EdgeFunction(kan.grid(i), Arrays.copyOfRange(coef, edge * k, edge * k + k),
                network.layout().get(theta, prefix + "scaleBase")[edge],
                network.layout().get(theta, prefix + "scaleSpline")[edge]);
    }

    /** Layer {@code layer} as a KAN layer, or an IllegalArgumentException saying why not. */
    static KanLayer kanLayer(Network network, int layer) {
        FitChecks.index("layer", layer, network.layers().size());
        Layer l = network.layers().get(layer);
        if (!(l instanceof KanLayer kan)) {
            throw new IllegalArgumentException("layer " + layer + " must be a KAN layer, got " + l.describe());
        }
        return kan;
    }

    @Override
    public double applyAsDouble(double x) {
        double silu = x / (1.0 + Math.exp(-x));
        return scaleBase * silu + scaleSpline * grid.spline(coefficients, x, 0);
    }

    /** φ at each of the given points, e.g. the values that reach this layer's input during training. */
    public double[] sample(double[] xs) {
        double[] y = new double[xs.length];
        for (int p = 0; p < xs.length; p++) {
            y[p] = applyAsDouble(xs[p]);
        }
        return y;
    }

    /**
     * {@code count} equally spaced points over the knot range [lo, hi] of this edge's input.
     *
     * @throws IllegalArgumentException if count &lt; 2
     */
    public double[] uniformPoints(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("count must be >= 2, got " + count);
        }
        double[] xs = new double[count];
        for (int p = 0; p < count; p++) {
            xs[p] = grid.lo() + (grid.hi() - grid.lo()) * p / (count - 1);
        }
        return xs;
    }

    /** The knot vector of this edge's input. */
    public KnotVector grid() {
        return grid;
    }
}
