package org.pikan4j.core.backend.jvm;

import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.Functions;
import org.pikan4j.core.tensor.JetBlock;

/**
 * A KAN layer on plain arrays, fused per (point, input): the k+1 non-zero B-splines, SiLU and
 * the Faà di Bruno polynomials of the input jet are computed once and reused by every edge
 * leaving that input, so the cost per point does not grow with G.
 *
 * <p>Edge (i, j) at input jet g: {@code φ^(r) = w_b SiLU^(r)(g0) + w_s Σ_q c_q B^(r)_{span+q}(g0)}
 * and the output jet gains {@code Σ_r φ^(r) P[c][r]}.
 */
final class JvmKanKernel implements JvmLayerKernel {

    private final KanLayer layer;
    private final int in;
    private final int out;
    private final int basisCount;
    private final int localCount;        // k + 1 non-zero basis functions
    private final int coefOffset;
    private final int baseOffset;
    private final int splineOffset;
    private final FaaDiBrunoTable chain;
    private final int components;
    private final int orders;            // R + 1: derivative orders 0..R of φ in the output jet

    // scratch, reused at every point (one kernel per evaluator per thread)
    private final double[] polynomials;
    private final double[] polynomialsAdjoint;
    private final double[] basis;
    private final double[] silu;
    private final double[] phi;
    private final double[] phiAdjoint;
    private final double[] spline;

    JvmKanKernel(KanLayer layer, int coefOffset, DerivativeSet set) {
        this.layer = layer;
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.basisCount = layer.basisCount();
        this.localCount = layer.degree() + 1;
        this.coefOffset = coefOffset;
        this.baseOffset = coefOffset + in * out * basisCount;
        this.splineOffset = baseOffset + in * out;
        this.chain = set.chainRule();
        this.components = set.size();
        this.orders = set.maxOrder() + 1;
        int derivatives = orders + 1;  // the reverse sweep needs one order more
        polynomials = new double[chain.polynomialLength()];
        polynomialsAdjoint = new double[chain.polynomialLength()];
        basis = new double[derivatives * localCount];
        silu = new double[derivatives];
        phi = new double[derivatives];
        phiAdjoint = new double[orders];
        spline = new double[derivatives];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        double[] x = inJets.data();
        double[] y = outJets.data();
        int maxOrder = orders - 1;
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < in; i++) {
                int gAt = inJets.index(n, 0, i);
                int span = prepare(i, x, gAt, maxOrder);
                for (int j = 0; j < out; j++) {
                    int edge = i * out + j;
                    edgeDerivatives(theta, edge, span, maxOrder);
                    int yAt = outJets.index(n, 0, j);
                    y[yAt] += phi[0];
                    for (int c = 1; c < components; c++) {
                        double sum = 0.0;
                        for (int r = 1; r < orders; r++) {
                            sum += phi[r] * polynomials[c * orders + r];
                        }
                        y[yAt + c * out] += sum;
                    }
                }
            }
        }
    }

    @Override
    public void backward(double[] theta, JetBlock inJets, JetBlock outAdjoint, JetBlock inAdjoint,
                         int count, double[] grad, int rowOffset, int rowStride) {
        double[] x = inJets.data();
        double[] yBar = outAdjoint.data();
        for (int n = 0; n < count; n++) {
            int row = (rowOffset + n) * rowStride;
            for (int i = 0; i < in; i++) {
                int gAt = inJets.index(n, 0, i);
                int span = prepare(i, x, gAt, orders);
                java.util.Arrays.fill(polynomialsAdjoint, 0.0);
                double valueAdjoint = 0.0;
                for (int j = 0; j < out; j++) {
                    int edge = i * out + j;
                    edgeDerivatives(theta, edge, span, orders);
                    int yAt = outAdjoint.index(n, 0, j);
                    phiAdjoint[0] = yBar[yAt];
                    for (int r = 1; r < orders; r++) {
                        double sum = 0.0;
                        for (int c = 1; c < components; c++) {
                            sum += yBar[yAt + c * out] * polynomials[c * orders + r];
                        }
                        phiAdjoint[r] = sum;
                    }
                    accumulateParameterGradient(theta, edge, span, grad, row);
                    if (inAdjoint != null) {
                        for (int r = 0; r < orders; r++) {
                            valueAdjoint += phiAdjoint[r] * phi[r + 1];
                        }
                        for (int c = 1; c < components; c++) {
                            double seed = yBar[yAt + c * out];
                            for (int r = 1; r < orders; r++) {
                                polynomialsAdjoint[c * orders + r] += seed * phi[r];
                            }
                        }
                    }
                }
                if (inAdjoint != null) {
                    int gBarAt = inAdjoint.index(n, 0, i);
                    chain.polynomialsBackward(x, gAt, in, polynomialsAdjoint, inAdjoint.data(), gBarAt, in);
                    inAdjoint.data()[gBarAt] += valueAdjoint;
                }
            }
        }
    }

    /** Basis, SiLU and chain-rule polynomials of input i at one point; returns the interval. */
    private int prepare(int i, double[] x, int gAt, int maxOrder) {
        double value = x[gAt];
        KnotVector grid = layer.grid(i);
        chain.polynomials(x, gAt, in, polynomials);
        Functions.SILU.derivatives(value, maxOrder, silu);
        return grid.evaluate(value, maxOrder, basis);
    }

    /** φ^(r) of one edge for r = 0..maxOrder, from the prepared basis and SiLU. */
    private void edgeDerivatives(double[] theta, int edge, int span, int maxOrder) {
        double base = theta[baseOffset + edge];
        double scale = theta[splineOffset + edge];
        int coef = coefOffset + edge * basisCount + span;
        for (int r = 0; r <= maxOrder; r++) {
            double s = 0.0;
            for (int q = 0; q < localCount; q++) {
                s += theta[coef + q] * basis[r * localCount + q];
            }
            spline[r] = s;
            phi[r] = base * silu[r] + scale * s;
        }
    }

    /** dL/d(w_b, w_s, c) of one edge from the adjoints of φ^(r). */
    private void accumulateParameterGradient(double[] theta, int edge, int span, double[] grad, int row) {
        double scale = theta[splineOffset + edge];
        double base = 0.0;
        double splineScale = 0.0;
        for (int r = 0; r < orders; r++) {
            base += phiAdjoint[r] * silu[r];
            splineScale += phiAdjoint[r] * spline[r];
        }
        grad[row + baseOffset + edge] += base;
        grad[row + splineOffset + edge] += splineScale;
        int coef = row + coefOffset + edge * basisCount + span;
        for (int q = 0; q < localCount; q++) {
            double s = 0.0;
            for (int r = 0; r < orders; r++) {
                s += phiAdjoint[r] * basis[r * localCount + q];
            }
            grad[coef + q] += scale * s;
        }
    }
}
