package org.pikan4j.core.backend.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.Functions;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * A KAN layer on plain arrays with local support: per (input, point) only the k+1 non-zero
 * B-splines are evaluated, so the cost per point does not grow with G.
 *
 * <p>Edge (i, j) at input jet g has derivatives {@code φ^(r) = w_b SiLU^(r)(g0) + w_s Σ_q c_q
 * B^(r)_{span+q}(g0)}, and the output jet gains {@code φ^(r) P[c][r]} for the non-zero entries of
 * the chain-rule polynomials P of g. Basis, SiLU and P are computed once per (input, point) in the
 * forward pass, shared by every edge leaving that input, and kept for the reverse sweep. For the
 * first layer, whose inputs are the coordinates themselves, P is the same at every point (only
 * {@code P[r·e_i][r] = 1}), which leaves few entries.
 */
final class JvmKanKernel implements JvmLayerKernel {

    private final KnotVector[] grids;
    private final int in;
    private final int out;
    private final int basisCount;
    private final int local;              // k + 1 non-zero basis functions
    private final int coefOffset;
    private final int baseOffset;
    private final int splineOffset;
    private final FaaDiBrunoTable chain;
    private final int components;
    private final int jetOrders;          // R + 1: orders of φ entering the output jet
    private final int orders;             // jetOrders, plus one when the input adjoint is needed
    private final boolean coordinateInputs;
    private final int[][] entryComponent; // per input: the (component, order) pairs where P may be non-zero
    private final int[][] entryOrder;
    private final int entries;            // the largest entry count over inputs

    // per (input, point) of the last forward
    private final int[] spans;
    private final double[] basis;
    private final double[] silu;
    private final double[] entryValue;

    // scratch
    private final double[] polynomialsAdjoint;
    private final double[] siluScratch;
    private final double[] phiAdjoint;
    private final double[] entryAdjoint;     // per point of one input: Σ_j ȳ_jc φ^(r) per entry
    private final double[] valueAdjoint;     // per point of one input: Σ_j ȳ_j · dφ/dg0
    private final double[] basisScratch;
    private final EdgeGradient edgeGradient;
    // per (edge, point) of the last forward: φ^(r) and the spline sums s^(r), r < orders
    private final double[] edgePhi;
    private final double[] edgeSpline;

    /**
     * @param coordinateInputs true for the first layer, whose input jets are the coordinates
     *                         (value x_i, derivative 1 along x_i), so P is known and constant
     */
    JvmKanKernel(KanLayer layer, int coefOffset, DerivativeSet set, int capacity, boolean coordinateInputs) {
        this.grids = layer.grids().toArray(new KnotVector[0]);
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.basisCount = layer.basisCount();
        this.local = layer.degree() + 1;
        this.coefOffset = coefOffset;
        this.baseOffset = coefOffset + in * out * basisCount;
        this.splineOffset = baseOffset + in * out;
        this.chain = set.chainRule();
        this.components = set.size();
        this.jetOrders = set.maxOrder() + 1;
        this.coordinateInputs = coordinateInputs;
        this.orders = jetOrders + (coordinateInputs ? 0 : 1);
        this.entryComponent = new int[in][];
        this.entryOrder = new int[in][];
        int most = 0;
        for (int i = 0; i < in; i++) {
            List<int[]> pairs = entriesOf(set, i);
            entryComponent[i] = pairs.stream().mapToInt(p -> p[0]).toArray();
            entryOrder[i] = pairs.stream().mapToInt(p -> p[1]).toArray();
            most = Math.max(most, pairs.size());
        }
        this.entries = most;
        int slots = in * capacity;
        spans = new int[slots];
        basis = new double[slots * orders * local];
        silu = new double[slots * orders];
        entryValue = new double[slots * entries];
        polynomialsAdjoint = new double[capacity * chain.polynomialLength()];
        siluScratch = new double[orders];
        phiAdjoint = new double[jetOrders];
        entryAdjoint = new double[capacity * entries];
        valueAdjoint = new double[capacity];
        basisScratch = new double[orders * local];
        edgeGradient = new EdgeGradient(basisCount);
        edgePhi = new double[in * out * capacity * orders];
        edgeSpline = new double[in * out * capacity * orders];
    }

    /** The (component, order) pairs of P that can be non-zero for input i, the value excluded. */
    private List<int[]> entriesOf(DerivativeSet set, int i) {
        List<int[]> pairs = new ArrayList<>();
        for (int c = 1; c < components; c++) {
            MultiIndex alpha = set.component(c);
            if (coordinateInputs) {
                if (alpha.count(i) == alpha.order()) {   // pure derivative along x_i: P[r e_i][r] = 1
                    pairs.add(new int[] {c, alpha.order()});
                }
            } else {
                for (int r = 1; r <= alpha.order(); r++) {
                    pairs.add(new int[] {c, r});
                }
            }
        }
        return pairs;
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        double[] y = outJets.data();
        for (int i = 0; i < in; i++) {
            prepare(i, inJets, count);
            int[] entryC = entryComponent[i];
            int[] entryR = entryOrder[i];
            // edge-major: one edge's parameters stay in registers while the points stream by
            for (int j = 0; j < out; j++) {
                int edge = i * out + j;
                int yAt = outJets.index(0, 0, j);
                for (int n = 0; n < count; n++) {
                    int slot = i * count + n;
                    int cached = (edge * count + n) * orders;
                    edgeDerivatives(theta, edge, slot, cached);
                    int at = yAt + n * components;
                    y[at] += edgePhi[cached];
                    int eAt = slot * entries;
                    for (int e = 0; e < entryC.length; e++) {
                        y[at + entryC[e]] += edgePhi[cached + entryR[e]] * entryValue[eAt + e];
                    }
                }
            }
        }
    }

    /** Basis, SiLU and the chain-rule entries of input i at every point of the block. */
    private void prepare(int i, JetBlock inJets, int count) {
        double[] x = inJets.data();
        int gAt = inJets.index(0, 0, i);
        for (int n = 0; n < count; n++) {
            int slot = i * count + n;
            double value = x[gAt + n * components];
            spans[slot] = grids[i].evaluate(value, orders - 1, basisScratch);
            System.arraycopy(basisScratch, 0, basis, slot * orders * local, orders * local);
            Functions.SILU.derivatives(value, orders - 1, siluScratch);
            System.arraycopy(siluScratch, 0, silu, slot * orders, orders);
        }
        int first = i * count * entries;
        if (coordinateInputs) {
            Arrays.fill(entryValue, first, first + count * entries, 1.0);
            return;
        }
        chain.selectedPolynomialsAll(x, gAt, count, entryComponent[i], entryOrder[i], entryValue, first, entries);
    }

    /**
     * φ^(r) and the spline sums s^(r) of one edge at one point for r < orders, from the slot's
     * basis and SiLU, into the edge cache at {@code cached}; the reverse sweep reads them back.
     */
    private void edgeDerivatives(double[] theta, int edge, int slot, int cached) {
        double base = theta[baseOffset + edge];
        double scale = theta[splineOffset + edge];
        int coef = coefOffset + edge * basisCount + spans[slot];
        int bAt = slot * orders * local;
        int fAt = slot * orders;
        if (local == 4) {
            // cubic splines, the default: a fixed-length sum the JIT keeps in registers (measured 1.3x)
            double c0 = theta[coef];
            double c1 = theta[coef + 1];
            double c2 = theta[coef + 2];
            double c3 = theta[coef + 3];
            for (int r = 0; r < orders; r++) {
                int at = bAt + 4 * r;
                double s = c0 * basis[at] + c1 * basis[at + 1] + c2 * basis[at + 2] + c3 * basis[at + 3];
                edgeSpline[cached + r] = s;
                edgePhi[cached + r] = base * silu[fAt + r] + scale * s;
            }
            return;
        }
        for (int r = 0; r < orders; r++) {
            double s = 0.0;
            int at = bAt + r * local;
            for (int q = 0; q < local; q++) {
                s += theta[coef + q] * basis[at + q];
            }
            edgeSpline[cached + r] = s;
            edgePhi[cached + r] = base * silu[fAt + r] + scale * s;
        }
    }

    @Override
    public void backward(double[] theta, JetBlock inJets, JetBlock outAdjoint, JetBlock inAdjoint,
                         int count, double[] grad, int rowOffset, int rowStride) {
        double[] yBar = outAdjoint.data();
        boolean propagate = inAdjoint != null;
        if (propagate && coordinateInputs) {
            throw new IllegalStateException("the first layer's kernel does not propagate to the coordinates");
        }
        for (int i = 0; i < in; i++) {
            int[] entryC = entryComponent[i];
            int[] entryR = entryOrder[i];
            if (propagate) {
                Arrays.fill(valueAdjoint, 0, count, 0.0);
                Arrays.fill(entryAdjoint, 0, count * entries, 0.0);
            }
            for (int j = 0; j < out; j++) {
                int edge = i * out + j;
                int yAt = outAdjoint.index(0, 0, j);
                EdgeGradient sum = rowStride == 0 ? edgeGradient.clear() : null;
                for (int n = 0; n < count; n++) {
                    int slot = i * count + n;
                    int at = yAt + n * components;
                    int eAt = slot * entries;
                    phiAdjoint[0] = yBar[at];
                    for (int r = 1; r < jetOrders; r++) {
                        phiAdjoint[r] = 0.0;
                    }
                    for (int e = 0; e < entryC.length; e++) {
                        phiAdjoint[entryR[e]] += yBar[at + entryC[e]] * entryValue[eAt + e];
                    }
                    int cached = (edge * count + n) * orders;
                    if (sum != null) {
                        accumulate(theta, edge, slot, cached, sum);
                    } else {
                        accumulate(theta, edge, slot, cached, edgeGradient.clear());
                        edgeGradient.addTo(grad, (rowOffset + n) * rowStride, this, edge);
                    }
                    if (propagate) {
                        double v = 0.0;
                        for (int r = 0; r < jetOrders; r++) {
                            v += phiAdjoint[r] * edgePhi[cached + r + 1];
                        }
                        valueAdjoint[n] += v;
                        for (int e = 0; e < entryC.length; e++) {
                            entryAdjoint[n * entries + e] += yBar[at + entryC[e]] * edgePhi[cached + entryR[e]];
                        }
                    }
                }
                if (sum != null) {
                    sum.addTo(grad, 0, this, edge);
                }
            }
            if (propagate) {
                propagateToInput(i, count, inJets, inAdjoint);
            }
        }
    }

    /** Input adjoints of input i from the accumulated value and chain-rule-entry adjoints. */
    private void propagateToInput(int i, int count, JetBlock inJets, JetBlock inAdjoint) {
        int[] entryC = entryComponent[i];
        int[] entryR = entryOrder[i];
        int length = chain.polynomialLength();
        Arrays.fill(polynomialsAdjoint, 0, count * length, 0.0);
        for (int n = 0; n < count; n++) {
            for (int e = 0; e < entryC.length; e++) {
                polynomialsAdjoint[n * length + entryC[e] * jetOrders + entryR[e]] = entryAdjoint[n * entries + e];
            }
        }
        int gAt = inJets.index(0, 0, i);
        int gBarAt = inAdjoint.index(0, 0, i);
        chain.polynomialsBackwardAll(inJets.data(), gAt, count, polynomialsAdjoint, inAdjoint.data(), gBarAt);
        for (int n = 0; n < count; n++) {
            inAdjoint.data()[gBarAt + n * components] += valueAdjoint[n];
        }
    }

    /** Adds dL/d(w_b, w_s, c) of one edge at one point, from the adjoints of φ^(r), to {@code sum}. */
    private void accumulate(double[] theta, int edge, int slot, int cached, EdgeGradient sum) {
        double scale = theta[splineOffset + edge];
        int bAt = slot * orders * local;
        int fAt = slot * orders;
        for (int r = 0; r < jetOrders; r++) {
            sum.base += phiAdjoint[r] * silu[fAt + r];
            sum.scale += phiAdjoint[r] * edgeSpline[cached + r];
        }
        int span = spans[slot];
        sum.touch(span, local);
        if (local == 4) {
            // cubic fast path, as in edgeDerivatives
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int r = 0; r < jetOrders; r++) {
                double a = phiAdjoint[r];
                int at = bAt + 4 * r;
                s0 += a * basis[at];
                s1 += a * basis[at + 1];
                s2 += a * basis[at + 2];
                s3 += a * basis[at + 3];
            }
            double[] g = sum.coefficients;
            g[span] += scale * s0;
            g[span + 1] += scale * s1;
            g[span + 2] += scale * s2;
            g[span + 3] += scale * s3;
            return;
        }
        for (int q = 0; q < local; q++) {
            double s = 0.0;
            for (int r = 0; r < jetOrders; r++) {
                s += phiAdjoint[r] * basis[bAt + r * local + q];
            }
            sum.coefficients[span + q] += scale * s;
        }
    }

    /** Parameter gradient of one edge, summed over points before it touches the shared array. */
    private static final class EdgeGradient {
        double base;
        double scale;
        final double[] coefficients;
        int lowest;
        int highest;

        EdgeGradient(int basisCount) {
            coefficients = new double[basisCount];
        }

        EdgeGradient clear() {
            base = 0.0;
            scale = 0.0;
            if (lowest < highest) {
                Arrays.fill(coefficients, lowest, highest, 0.0);
            }
            lowest = coefficients.length;
            highest = 0;
            return this;
        }

        void touch(int span, int local) {
            lowest = Math.min(lowest, span);
            highest = Math.max(highest, span + local);
        }

        void addTo(double[] grad, int row, JvmKanKernel k, int edge) {
            grad[row + k.baseOffset + edge] += base;
            grad[row + k.splineOffset + edge] += scale;
            int coef = row + k.coefOffset + edge * k.basisCount;
            for (int m = lowest; m < highest; m++) {
                grad[coef + m] += coefficients[m];
            }
        }
    }
}
