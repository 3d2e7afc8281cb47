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
 * B^(r)_{span+q}(g0)}, and the output jet gains {@code Σ_r φ^(r) P[c][r]}, P the chain-rule
 * polynomials of g. Basis, SiLU and the entries of P are computed once per (input, point) and
 * shared by every edge leaving that input; the reverse sweep recomputes φ from them rather than
 * storing φ per edge. The first layer (two to a few inputs, many edges each) runs point by point
 * with the edges inside, so a point's basis stays in registers while its edges stream by; later
 * layers (often narrow: one edge per input in [2,10,1]) run edge by edge with the points inside. Two kinds of P entries are cheap and handled apart:
 * the first-order ones, {@code P[c][1] = g_c} for every component c, are read from the input jet
 * itself; for the first layer, whose inputs are the coordinates, P is known and constant (only
 * {@code P[r·e_i][r] = 1}). The remaining entries (order 2 and more) are kept per point.
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
    private final int[][] orderComponent; // first layer: per input, the component r·e_i for r = 1..R, or -1
    private final int[][] entryComponent; // later layers: per input, the (component, order >= 2) entries of P
    private final int[][] entryOrder;
    private final int entries;            // the largest entry count over inputs
    private final boolean cubic;          // k = 3 and at most 4 orders: the sweeps keep a point's basis in locals

    // per (input, point) of the last forward
    private final int[] spans;
    private final double[] basis;
    private final double[] silu;
    private final double[] entryValue;

    // scratch
    private final double[] phi;               // φ^(r) of the current edge and point
    private final double[] spline;            // the spline sums s^(r) behind them
    private final double[] phiAdjoint;
    private final double[] entryAdjoint;      // per point of one input: Σ_j ȳ_jc φ^(r) per entry
    private final double[] polynomialsAdjoint;
    private final double[] siluScratch;

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
        this.orderComponent = new int[in][jetOrders];
        this.entryComponent = new int[in][];
        this.entryOrder = new int[in][];
        int most = 0;
        for (int i = 0; i < in; i++) {
            Arrays.fill(orderComponent[i], -1);
            List<int[]> pairs = new ArrayList<>();
            for (int c = 1; c < components; c++) {
                MultiIndex alpha = set.component(c);
                if (coordinateInputs && alpha.count(i) == alpha.order()) {   // pure along x_i: P[r e_i][r] = 1
                    orderComponent[i][alpha.order()] = c;
                }
                for (int r = 2; !coordinateInputs && r <= alpha.order(); r++) {
                    pairs.add(new int[] {c, r});
                }
            }
            entryComponent[i] = pairs.stream().mapToInt(p -> p[0]).toArray();
            entryOrder[i] = pairs.stream().mapToInt(p -> p[1]).toArray();
            most = Math.max(most, pairs.size());
        }
        this.entries = most;
        this.cubic = local == 4 && orders <= 4;
        int slots = in * capacity;
        spans = new int[slots];
        basis = new double[slots * orders * local];
        silu = new double[slots * orders];
        entryValue = new double[slots * entries];
        phi = new double[orders];
        spline = new double[orders];
        phiAdjoint = new double[jetOrders];
        entryAdjoint = new double[capacity * entries];
        polynomialsAdjoint = new double[capacity * chain.polynomialLength()];
        siluScratch = new double[orders];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        for (int i = 0; i < in; i++) {
            prepare(i, inJets, count);
            if (cubic && !coordinateInputs) {
                sweepHidden(false, theta, i, count, inJets, outJets, null, null, 0, 0);
                continue;
            }
            for (int n = 0; n < count; n++) {
                if (cubic) {
                    sweepCoordinate(false, theta, i, n, count, outJets, null, 0);
                } else {
                    sweepGeneric(false, theta, i, n, count, inJets, outJets, null, null, 0);
                }
            }
        }
    }

    /**
     * {@link #sweepGeneric} for the first layer (coordinate inputs) with cubic splines and at most 4
     * orders: the point's basis and SiLU derivatives sit in locals (zero-padded to 4 orders) while
     * its edges stream by, about twice as fast as reading them from arrays, which stores into the
     * jets could alias (measured; a holder object was 1.1x slower). Here P is constant: φ^(r) goes
     * straight to the pure derivative r·e_i.
     *
     * @param jets the output jets (forward) or their adjoint (reverse)
     */
    private void sweepCoordinate(boolean reverse, double[] theta, int i, int n, int count, JetBlock jets,
                                 double[] grad, int row) {
        double[] y = jets.data();
        int slot = i * count + n;
        int bAt = slot * orders * 4;
        int fAt = slot * orders;
        double b00 = basis[bAt];
        double b01 = basis[bAt + 1];
        double b02 = basis[bAt + 2];
        double b03 = basis[bAt + 3];
        double b10 = orders > 1 ? basis[bAt + 4] : 0.0;
        double b11 = orders > 1 ? basis[bAt + 5] : 0.0;
        double b12 = orders > 1 ? basis[bAt + 6] : 0.0;
        double b13 = orders > 1 ? basis[bAt + 7] : 0.0;
        double b20 = orders > 2 ? basis[bAt + 8] : 0.0;
        double b21 = orders > 2 ? basis[bAt + 9] : 0.0;
        double b22 = orders > 2 ? basis[bAt + 10] : 0.0;
        double b23 = orders > 2 ? basis[bAt + 11] : 0.0;
        double b30 = orders > 3 ? basis[bAt + 12] : 0.0;
        double b31 = orders > 3 ? basis[bAt + 13] : 0.0;
        double b32 = orders > 3 ? basis[bAt + 14] : 0.0;
        double b33 = orders > 3 ? basis[bAt + 15] : 0.0;
        double f0 = silu[fAt];
        double f1 = orders > 1 ? silu[fAt + 1] : 0.0;
        double f2 = orders > 2 ? silu[fAt + 2] : 0.0;
        double f3 = orders > 3 ? silu[fAt + 3] : 0.0;
        int[] orderC = orderComponent[i];
        int o1 = jetOrders > 1 ? orderC[1] : -1;
        int o2 = jetOrders > 2 ? orderC[2] : -1;
        int o3 = jetOrders > 3 ? orderC[3] : -1;
        int coefAt = coefOffset + i * out * basisCount + spans[slot];
        int at = jets.index(n, 0, 0);
        for (int j = 0; j < out; j++, at += jets.unitStride(), coefAt += basisCount) {
            int edge = i * out + j;
            double base = theta[baseOffset + edge];
            double scale = theta[splineOffset + edge];
            double c0 = theta[coefAt];
            double c1 = theta[coefAt + 1];
            double c2 = theta[coefAt + 2];
            double c3 = theta[coefAt + 3];
            double s0 = c0 * b00 + c1 * b01 + c2 * b02 + c3 * b03;
            double s1 = c0 * b10 + c1 * b11 + c2 * b12 + c3 * b13;
            double s2 = c0 * b20 + c1 * b21 + c2 * b22 + c3 * b23;
            double s3 = orders > 3 ? c0 * b30 + c1 * b31 + c2 * b32 + c3 * b33 : 0.0;
            if (!reverse) {
                y[at] += base * f0 + scale * s0;
                if (o1 > 0) {
                    y[at + o1] += base * f1 + scale * s1;
                }
                if (o2 > 0) {
                    y[at + o2] += base * f2 + scale * s2;
                }
                if (o3 > 0) {
                    y[at + o3] += base * f3 + scale * s3;
                }
                continue;
            }
            double a0 = y[at];
            double a1 = o1 > 0 ? y[at + o1] : 0.0;
            double a2 = o2 > 0 ? y[at + o2] : 0.0;
            double a3 = o3 > 0 ? y[at + o3] : 0.0;
            grad[row + baseOffset + edge] += a0 * f0 + a1 * f1 + a2 * f2 + a3 * f3;
            grad[row + splineOffset + edge] += a0 * s0 + a1 * s1 + a2 * s2 + a3 * s3;
            grad[row + coefAt] += scale * (a0 * b00 + a1 * b10 + a2 * b20 + a3 * b30);
            grad[row + coefAt + 1] += scale * (a0 * b01 + a1 * b11 + a2 * b21 + a3 * b31);
            grad[row + coefAt + 2] += scale * (a0 * b02 + a1 * b12 + a2 * b22 + a3 * b32);
            grad[row + coefAt + 3] += scale * (a0 * b03 + a1 * b13 + a2 * b23 + a3 * b33);
        }
    }

    /**
     * The edges of hidden input i (its jets computed, P not constant) with cubic splines, edge by edge
     * with the block's points inside: few edges per input (a KAN's last layers are narrow) would leave
     * a per-point prologue with one edge to serve, while here each edge's parameters stay in registers
     * over the points (measured 0.8x the point-by-point form for KAN [2,10,1]'s second layer). Order 3
     * of the jets never reaches here ({@link #cubic} caps {@link #orders} at 4), so every order-2+
     * entry of P has order 2; orders up to 4 also serve the input adjoint (φ''' for p2's derivative).
     *
     * @param jets the output jets (forward) or their adjoint (reverse)
     */
    private void sweepHidden(boolean reverse, double[] theta, int i, int count, JetBlock inJets, JetBlock jets,
                             JetBlock inAdjoint, double[] grad, int rowOffset, int rowStride) {
        double[] y = jets.data();
        double[] g = inJets.data();
        double[] gBar = inAdjoint == null ? null : inAdjoint.data();
        int[] entryC = entryComponent[i];
        int stride = components;
        int perSlot = orders * 4;
        boolean second = orders > 2;
        boolean third = orders > 3;
        for (int j = 0; j < out; j++) {
            int edge = i * out + j;
            double base = theta[baseOffset + edge];
            double scale = theta[splineOffset + edge];
            int coefBase = coefOffset + edge * basisCount;
            int at = jets.index(0, 0, j);
            int gAt = inJets.index(0, 0, i);
            double baseGradient = 0.0;
            double scaleGradient = 0.0;
            for (int n = 0, slot = i * count; n < count; n++, slot++, at += stride, gAt += stride) {
                int bAt = slot * perSlot;
                int fAt = slot * orders;
                int eAt = slot * entries;
                int coefAt = coefBase + spans[slot];
                double c0 = theta[coefAt];
                double c1 = theta[coefAt + 1];
                double c2 = theta[coefAt + 2];
                double c3 = theta[coefAt + 3];
                double s0 = c0 * basis[bAt] + c1 * basis[bAt + 1] + c2 * basis[bAt + 2] + c3 * basis[bAt + 3];
                double s1 = c0 * basis[bAt + 4] + c1 * basis[bAt + 5] + c2 * basis[bAt + 6] + c3 * basis[bAt + 7];
                double s2 = second
                        ? c0 * basis[bAt + 8] + c1 * basis[bAt + 9] + c2 * basis[bAt + 10] + c3 * basis[bAt + 11] : 0.0;
                double f1 = silu[fAt + 1];
                double f2 = second ? silu[fAt + 2] : 0.0;
                double p1 = base * f1 + scale * s1;
                double p2 = base * f2 + scale * s2;
                if (!reverse) {
                    y[at] += base * silu[fAt] + scale * s0;
                    for (int c = 1; c < stride; c++) {
                        y[at + c] += p1 * g[gAt + c];
                    }
                    for (int e = 0; e < entryC.length; e++) {
                        y[at + entryC[e]] += p2 * entryValue[eAt + e];
                    }
                    continue;
                }
                double a0 = y[at];
                double a1 = 0.0;
                double a2 = 0.0;
                for (int c = 1; c < stride; c++) {
                    a1 += y[at + c] * g[gAt + c];
                }
                for (int e = 0; e < entryC.length; e++) {
                    a2 += y[at + entryC[e]] * entryValue[eAt + e];
                }
                baseGradient += a0 * silu[fAt] + a1 * f1 + a2 * f2;
                scaleGradient += a0 * s0 + a1 * s1 + a2 * s2;
                int row = (rowOffset + n) * rowStride;
                double g0 = a0 * basis[bAt] + a1 * basis[bAt + 4];
                double g1 = a0 * basis[bAt + 1] + a1 * basis[bAt + 5];
                double g2 = a0 * basis[bAt + 2] + a1 * basis[bAt + 6];
                double g3 = a0 * basis[bAt + 3] + a1 * basis[bAt + 7];
                if (second) {   // without, the rows past the last order are the next slot's
                    g0 += a2 * basis[bAt + 8];
                    g1 += a2 * basis[bAt + 9];
                    g2 += a2 * basis[bAt + 10];
                    g3 += a2 * basis[bAt + 11];
                }
                grad[row + coefAt] += scale * g0;
                grad[row + coefAt + 1] += scale * g1;
                grad[row + coefAt + 2] += scale * g2;
                grad[row + coefAt + 3] += scale * g3;
                if (rowStride != 0) {   // a Jacobian row per point
                    grad[row + baseOffset + edge] += baseGradient;
                    grad[row + splineOffset + edge] += scaleGradient;
                    baseGradient = 0.0;
                    scaleGradient = 0.0;
                }
                if (gBar != null) {
                    double p3 = third ? base * silu[fAt + 3] + scale * (c0 * basis[bAt + 12] + c1 * basis[bAt + 13]
                            + c2 * basis[bAt + 14] + c3 * basis[bAt + 15]) : 0.0;
                    gBar[gAt] += a0 * p1 + a1 * p2 + a2 * p3;   // d/dg0 of φ, φ', φ''

                    for (int c = 1; c < stride; c++) {
                        gBar[gAt + c] += y[at + c] * p1;
                    }
                    for (int e = 0; e < entryC.length; e++) {
                        entryAdjoint[n * entries + e] += y[at + entryC[e]] * p2;
                    }
                }
            }
            if (reverse && rowStride == 0) {   // one gradient for every point
                grad[baseOffset + edge] += baseGradient;
                grad[splineOffset + edge] += scaleGradient;
            }
        }
    }

    /** Basis, SiLU and the order-2+ chain-rule entries of input i at every point of the block. */
    private void prepare(int i, JetBlock inJets, int count) {
        double[] x = inJets.data();
        int gAt = inJets.index(0, 0, i);
        for (int n = 0; n < count; n++) {
            int slot = i * count + n;
            double value = x[gAt + n * components];
            spans[slot] = grids[i].evaluate(value, orders - 1, basis, slot * orders * local);
            if (orders <= 5) {
                Functions.siluUpToFourth(value, orders - 1, silu, slot * orders);
            } else {
                Functions.SILU.derivatives(value, orders - 1, siluScratch);
                System.arraycopy(siluScratch, 0, silu, slot * orders, orders);
            }
        }
        if (entryComponent[i].length > 0) {
            chain.selectedPolynomialsAll(x, gAt, count, entryComponent[i], entryOrder[i], entryValue,
                    i * count * entries, entries);
        }
    }

    /**
     * φ^(r) and the spline sums s^(r) of one edge at one point for r < orders, from the slot's
     * basis and SiLU, into {@link #phi} and {@link #spline}.
     */
    private void edgeDerivatives(double[] theta, int edge, int slot) {
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
                spline[r] = s;
                phi[r] = base * silu[fAt + r] + scale * s;
            }
            return;
        }
        for (int r = 0; r < orders; r++) {
            double s = 0.0;
            int at = bAt + r * local;
            for (int q = 0; q < local; q++) {
                s += theta[coef + q] * basis[at + q];
            }
            spline[r] = s;
            phi[r] = base * silu[fAt + r] + scale * s;
        }
    }

    @Override
    public void backward(double[] theta, JetBlock inJets, JetBlock outAdjoint, JetBlock inAdjoint,
                         int count, double[] grad, int rowOffset, int rowStride) {
        if (inAdjoint != null && coordinateInputs) {
            throw new IllegalStateException("the first layer's kernel does not propagate to the coordinates");
        }
        for (int i = 0; i < in; i++) {
            if (inAdjoint != null) {
                Arrays.fill(entryAdjoint, 0, count * entries, 0.0);
            }
            if (cubic && !coordinateInputs) {
                sweepHidden(true, theta, i, count, inJets, outAdjoint, inAdjoint, grad, rowOffset, rowStride);
            } else {
                for (int n = 0; n < count; n++) {
                    int row = (rowOffset + n) * rowStride;
                    if (cubic) {
                        sweepCoordinate(true, theta, i, n, count, outAdjoint, grad, row);
                    } else {
                        sweepGeneric(true, theta, i, n, count, inJets, outAdjoint, inAdjoint, grad, row);
                    }
                }
            }
            if (inAdjoint != null && entryComponent[i].length > 0) {
                propagateEntries(i, count, inJets, inAdjoint);
            }
        }
    }

    /**
     * The edges of input i at point n, any degree and order: added to the output jets, or, with
     * {@code reverse}, their parameter gradients added to the gradient row at {@code row} and,
     * when {@code inAdjoint} is not null, the input adjoint (order-2+ entries collected in
     * {@link #entryAdjoint}).
     *
     * @param jets the output jets (forward) or their adjoint (reverse)
     */
    private void sweepGeneric(boolean reverse, double[] theta, int i, int n, int count, JetBlock inJets,
                              JetBlock jets, JetBlock inAdjoint, double[] grad, int row) {
        double[] y = jets.data();
        double[] g = inJets.data();
        int[] orderC = orderComponent[i];
        int[] entryC = entryComponent[i];
        int[] entryR = entryOrder[i];
        int slot = i * count + n;
        int gAt = inJets.index(n, 0, i);
        int eAt = slot * entries;
        int at = jets.index(n, 0, 0);
        double valueAdjoint = 0.0;
        for (int j = 0; j < out; j++, at += jets.unitStride()) {
            int edge = i * out + j;
            edgeDerivatives(theta, edge, slot);
            if (!reverse) {
                y[at] += phi[0];
                for (int r = 1; r < jetOrders; r++) {
                    if (coordinateInputs && orderC[r] > 0) {
                        y[at + orderC[r]] += phi[r];
                    }
                }
                for (int c = 1; c < components && !coordinateInputs; c++) {
                    y[at + c] += phi[1] * g[gAt + c];
                }
                for (int e = 0; e < entryC.length; e++) {
                    y[at + entryC[e]] += phi[entryR[e]] * entryValue[eAt + e];
                }
                continue;
            }
            phiAdjoint[0] = y[at];
            for (int r = 1; r < jetOrders; r++) {
                phiAdjoint[r] = coordinateInputs && orderC[r] > 0 ? y[at + orderC[r]] : 0.0;
            }
            for (int c = 1; c < components && !coordinateInputs; c++) {
                phiAdjoint[1] += y[at + c] * g[gAt + c];
            }
            for (int e = 0; e < entryC.length; e++) {
                phiAdjoint[entryR[e]] += y[at + entryC[e]] * entryValue[eAt + e];
            }
            accumulate(theta, edge, slot, grad, row);
            if (inAdjoint != null) {
                double[] gBar = inAdjoint.data();
                for (int r = 0; r < jetOrders; r++) {
                    valueAdjoint += phiAdjoint[r] * phi[r + 1];
                }
                for (int c = 1; c < components; c++) {
                    gBar[gAt + c] += y[at + c] * phi[1];
                }
                for (int e = 0; e < entryC.length; e++) {
                    entryAdjoint[n * entries + e] += y[at + entryC[e]] * phi[entryR[e]];
                }
            }
        }
        if (inAdjoint != null) {
            inAdjoint.data()[gAt] += valueAdjoint;
        }
    }

    /** Input adjoints of input i through its order-2+ chain-rule entries. */
    private void propagateEntries(int i, int count, JetBlock inJets, JetBlock inAdjoint) {
        int[] entryC = entryComponent[i];
        int[] entryR = entryOrder[i];
        int length = chain.polynomialLength();
        Arrays.fill(polynomialsAdjoint, 0, count * length, 0.0);
        for (int n = 0; n < count; n++) {
            for (int e = 0; e < entryC.length; e++) {
                polynomialsAdjoint[n * length + entryC[e] * jetOrders + entryR[e]] = entryAdjoint[n * entries + e];
            }
        }
        chain.polynomialsBackwardAll(inJets.data(), inJets.index(0, 0, i), count, polynomialsAdjoint,
                inAdjoint.data(), inAdjoint.index(0, 0, i), 2);
    }

    /**
     * Adds dL/d(w_b, w_s, c) of one edge at one point, from the adjoints of φ^(r), to the
     * gradient row at {@code row} (0 when every point adds into one gradient).
     */
    private void accumulate(double[] theta, int edge, int slot, double[] grad, int row) {
        double scale = theta[splineOffset + edge];
        int bAt = slot * orders * local;
        int fAt = slot * orders;
        double baseGradient = 0.0;
        double scaleGradient = 0.0;
        for (int r = 0; r < jetOrders; r++) {
            baseGradient += phiAdjoint[r] * silu[fAt + r];
            scaleGradient += phiAdjoint[r] * spline[r];
        }
        grad[row + baseOffset + edge] += baseGradient;
        grad[row + splineOffset + edge] += scaleGradient;
        int coef = row + coefOffset + edge * basisCount + spans[slot];
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
            grad[coef] += scale * s0;
            grad[coef + 1] += scale * s1;
            grad[coef + 2] += scale * s2;
            grad[coef + 3] += scale * s3;
            return;
        }
        for (int q = 0; q < local; q++) {
            double s = 0.0;
            for (int r = 0; r < jetOrders; r++) {
                s += phiAdjoint[r] * basis[bAt + r * local + q];
            }
            grad[coef + q] += scale * s;
        }
    }
}
