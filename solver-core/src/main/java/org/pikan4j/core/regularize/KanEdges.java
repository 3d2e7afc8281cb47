package org.pikan4j.core.regularize;

import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.ParameterLayout;
import org.pikan4j.core.spline.KnotVector;

/**
 * Where one KAN layer's edge parameters sit in the flat vector, and the edge function
 * {@code φ_ij(u) = w_b·SiLU(u) + w_s·Σ_m c_m B_m(u)} evaluated from them. A plain scalar evaluator
 * for regularization, importance and plots, not a hot path of the PDE loss.
 */
final class KanEdges {

    final KanLayer layer;
    final int inputs;
    final int outputs;
    final int basis;
    final int width;
    final int coefOffset;
    final int baseOffset;
    final int splineOffset;

    private KanEdges(KanLayer layer, ParameterLayout layout, String prefix) {
        this.layer = layer;
        this.inputs = layer.inputWidth();
        this.outputs = layer.outputWidth();
        this.basis = layer.basisCount();
        this.width = layer.degree() + 1;
        this.coefOffset = layout.block(prefix + "coef").offset();
        this.baseOffset = layout.block(prefix + "scaleBase").offset();
        this.splineOffset = layout.block(prefix + "scaleSpline").offset();
    }

    /**
     * Every layer of a KAN network.
     *
     * @throws IllegalArgumentException naming the first layer that is not a KAN layer
     */
    static KanEdges[] of(Network network) {
        KanEdges[] layers = new KanEdges[network.layers().size()];
        for (int l = 0; l < layers.length; l++) {
            Layer layer = network.layers().get(l);
            if (!(layer instanceof KanLayer kan)) {
                throw new IllegalArgumentException("layer " + l + " must be a KAN layer (edge functions are"
                        + " only defined for KANs), got " + layer.describe());
            }
            layers[l] = new KanEdges(kan, network.layout(), network.prefix(l));
        }
        return layers;
    }

    /** The index of edge (i, j) in the scale blocks; its coefficients start at {@code coef(edge)}. */
    int edge(int i, int j) {
        return i * outputs + j;
    }

    /** Flat index of the first spline coefficient of an edge. */
    int coef(int edge) {
        return coefOffset + edge * basis;
    }

    KnotVector grid(int i) {
        return layer.grid(i);
    }

    /** The local basis of input i at one point: its interval, values and first derivatives. */
    static final class Local {
        int interval;
        final double[] basis;
        double silu;
        double siluSlope;

        Local(int width) {
            this.basis = new double[2 * width];
        }
    }

    /** Fills {@code local} for input i at u. */
    void local(int i, double u, Local local) {
        local.interval = layer.grid(i).evaluate(u, 1, local.basis);
        double sigmoid = 1.0 / (1.0 + Math.exp(-u));
        local.silu = u * sigmoid;
        local.siluSlope = sigmoid * (1.0 + u * (1.0 - sigmoid));
    }

    /** The spline part Σ_m c_m B_m at the point of {@code local} (order 0) or its slope (order 1). */
    double spline(double[] theta, int edge, Local local, int order) {
        int c = coef(edge) + local.interval;
        double sum = 0.0;
        for (int q = 0; q < width; q++) {
            sum += theta[c + q] * local.basis[order * width + q];
        }
        return sum;
    }

    /** φ of an edge at the point of {@code local}. */
    double value(double[] theta, int edge, Local local) {
        return theta[baseOffset + edge] * local.silu + theta[splineOffset + edge] * spline(theta, edge, local, 0);
    }

    /** dφ/du of an edge at the point of {@code local}. */
    double slope(double[] theta, int edge, Local local) {
        return theta[baseOffset + edge] * local.siluSlope + theta[splineOffset + edge] * spline(theta, edge, local, 1);
    }

    /**
     * Adds {@code adjoint · dφ/dθ} of an edge at the point of {@code local} into {@code gradient}.
     */
    void addParameterGradient(double[] theta, int edge, Local local, double adjoint, double[] gradient) {
        double ws = theta[splineOffset + edge];
        gradient[baseOffset + edge] += adjoint * local.silu;
        gradient[splineOffset + edge] += adjoint * spline(theta, edge, local, 0);
        int c = coef(edge) + local.interval;
        for (int q = 0; q < width; q++) {
            gradient[c + q] += adjoint * ws * local.basis[q];
        }
    }
}
