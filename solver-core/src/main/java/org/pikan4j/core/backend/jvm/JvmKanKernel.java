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
 * shared by every edge leaving that input; basis and SiLU go to one array per (order, function)
 * over the block's points, which lets the JIT vectorize the loops that fill them (an offset into
 * a bigger array stops it). The reverse sweep recomputes φ from them rather than storing φ per
 * edge. The first layer (two to a few inputs, many edges each) runs point by point with the edges
 * inside, so a point's basis stays in registers while its edges stream by; later layers (often
 * narrow: one edge per input in [2,10,1]) run edge by edge with the points inside. Two kinds of
 * P entries are cheap and handled apart:
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

    private final int capacity;

    // per input of the last forward, tables over the block's points (the JIT vectorizes loops that fill them)
    private final int[] spans;            // [i * capacity + n]
    private final double[][] basis;       // [(i * orders + r) * local + q][n]: d^r B_{span+q}
    private final double[][] silu;        // [i * orders + r][n]
    private final double[] entryValue;    // [(i * count + n) * entries + e]

    // scratch
    private final double[] phi;               // φ^(r) of the current edge and point
    private final double[] spline;            // the spline sums s^(r) behind them
    private final double[] phiAdjoint;
    private final double[] entryAdjoint;      // per point of one input: Σ_j ȳ_jc φ^(r) per entry
    private final double[] siluScratch;
    private final double[] values;            // one input's values over the block, contiguous

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
        this.capacity = capacity;
        spans = new int[slots];
        basis = new double[in * orders * local][capacity];
        silu = new double[in * orders][capacity];
        entryValue = new double[slots * entries];
        values = new double[capacity];
        phi = new double[orders];
        spline = new double[orders];
        phiAdjoint = new double[jetOrders];
        entryAdjoint = new double[capacity * entries];
        siluScratch = new double[orders];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        for (int i = 0; i < in; i++) {
            prepare(i, inJets, count);
            if (cubic && !coordinateInputs) {
                sweepHidden(false, theta, i, count, inJets, outJets, null, null, 0, 0);
            } else if (cubic) {
                sweepCoordinate(false, theta, i, count, outJets, null, 0, 0);
            } else {
                for (int n = 0; n < count; n++) {
                    sweepGeneric(false, theta, i, n, count, inJets, outJets, null, null, 0);
                }
            }
        }
    }

    /**
     * {@link #sweepGeneric} for the first layer (coordinate inputs) with cubic splines and at most 4
     * orders, over the block's points: each point's basis and SiLU derivatives are loaded into locals
     * (zero-padded to 4 orders) while its edges stream by, about twice as fast as reading them from
     * arrays, which stores into the jets could alias (measured; a holder object was 1.1x slower).
     * Here P is constant: φ^(r) goes straight to the pure derivative r·e_i.
     *
     * @param jets the output jets (forward) or their adjoint (reverse)
     */
    private void sweepCoordinate(boolean reverse, double[] theta, int i, int count, JetBlock jets,
                                 double[] grad, int rowOffset, int rowStride) {
        double[] y = jets.data();
        int tb = i * orders * 4;
        double[] t00 = basis[tb];
        double[] t01 = basis[tb + 1];
        double[] t02 = basis[tb + 2];
        double[] t03 = basis[tb + 3];
        double[] t10 = orders > 1 ? basis[tb + 4] : null;
        double[] t11 = orders > 1 ? basis[tb + 5] : null;
        double[] t12 = orders > 1 ? basis[tb + 6] : null;
        double[] t13 = orders > 1 ? basis[tb + 7] : null;
        double[] t20 = orders > 2 ? basis[tb + 8] : null;
        double[] t21 = orders > 2 ? basis[tb + 9] : null;
        double[] t22 = orders > 2 ? basis[tb + 10] : null;
        double[] t23 = orders > 2 ? basis[tb + 11] : null;
        double[] t30 = orders > 3 ? basis[tb + 12] : null;
        double[] t31 = orders > 3 ? basis[tb + 13] : null;
        double[] t32 = orders > 3 ? basis[tb + 14] : null;
        double[] t33 = orders > 3 ? basis[tb + 15] : null;
        double[] u0 = silu[i * orders];
        double[] u1 = orders > 1 ? silu[i * orders + 1] : null;
        double[] u2 = orders > 2 ? silu[i * orders + 2] : null;
        double[] u3 = orders > 3 ? silu[i * orders + 3] : null;
        int[] orderC = orderComponent[i];
        int o1 = jetOrders > 1 ? orderC[1] : -1;
        int o2 = jetOrders > 2 ? orderC[2] : -1;
        int o3 = jetOrders > 3 ? orderC[3] : -1;
        int unit = jets.unitStride();
        int coefInput = coefOffset + i * out * basisCount;
        for (int n = 0; n < count; n++) {
            double b00 = t00[n];
            double b01 = t01[n];
            double b02 = t02[n];
            double b03 = t03[n];
            double b10 = orders > 1 ? t10[n] : 0.0;
            double b11 = orders > 1 ? t11[n] : 0.0;
            double b12 = orders > 1 ? t12[n] : 0.0;
            double b13 = orders > 1 ? t13[n] : 0.0;
            double b20 = orders > 2 ? t20[n] : 0.0;
            double b21 = orders > 2 ? t21[n] : 0.0;
            double b22 = orders > 2 ? t22[n] : 0.0;
            double b23 = orders > 2 ? t23[n] : 0.0;
            double b30 = orders > 3 ? t30[n] : 0.0;
            double b31 = orders > 3 ? t31[n] : 0.0;
            double b32 = orders > 3 ? t32[n] : 0.0;
            double b33 = orders > 3 ? t33[n] : 0.0;
            double f0 = u0[n];
            double f1 = orders > 1 ? u1[n] : 0.0;
            double f2 = orders > 2 ? u2[n] : 0.0;
            double f3 = orders > 3 ? u3[n] : 0.0;
            int row = (rowOffset + n) * rowStride;
            int coefAt = coefInput + spans[i * capacity + n];
            int at = n * components;   // unit 0
            for (int j = 0; j < out; j++, at += unit, coefAt += basisCount) {
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
        boolean second = orders > 2;
        boolean third = orders > 3;
        int tb = i * orders * 4;
        double[] t00 = basis[tb];
        double[] t01 = basis[tb + 1];
        double[] t02 = basis[tb + 2];
        double[] t03 = basis[tb + 3];
        double[] t10 = basis[tb + 4];
        double[] t11 = basis[tb + 5];
        double[] t12 = basis[tb + 6];
        double[] t13 = basis[tb + 7];
        double[] t20 = second ? basis[tb + 8] : null;
        double[] t21 = second ? basis[tb + 9] : null;
        double[] t22 = second ? basis[tb + 10] : null;
        double[] t23 = second ? basis[tb + 11] : null;
        double[] t30 = third ? basis[tb + 12] : null;
        double[] t31 = third ? basis[tb + 13] : null;
        double[] t32 = third ? basis[tb + 14] : null;
        double[] t33 = third ? basis[tb + 15] : null;
        double[] u0 = silu[i * orders];
        double[] u1 = silu[i * orders + 1];
        double[] u2 = second ? silu[i * orders + 2] : null;
        double[] u3 = third ? silu[i * orders + 3] : null;
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
                int eAt = slot * entries;
                int coefAt = coefBase + spans[i * capacity + n];
                double c0 = theta[coefAt];
                double c1 = theta[coefAt + 1];
                double c2 = theta[coefAt + 2];
                double c3 = theta[coefAt + 3];
                double s0 = c0 * t00[n] + c1 * t01[n] + c2 * t02[n] + c3 * t03[n];
                double s1 = c0 * t10[n] + c1 * t11[n] + c2 * t12[n] + c3 * t13[n];
                double s2 = second ? c0 * t20[n] + c1 * t21[n] + c2 * t22[n] + c3 * t23[n] : 0.0;
                double f1 = u1[n];
                double f2 = second ? u2[n] : 0.0;
                double p1 = base * f1 + scale * s1;
                double p2 = base * f2 + scale * s2;
                if (!reverse) {
                    y[at] += base * u0[n] + scale * s0;
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
                    double yc = y[at + c];
                    a1 += yc * g[gAt + c];
                    if (gBar != null) {
                        gBar[gAt + c] += yc * p1;
                    }
                }
                for (int e = 0; e < entryC.length; e++) {
                    double ye = y[at + entryC[e]];
                    a2 += ye * entryValue[eAt + e];
                    if (gBar != null) {
                        entryAdjoint[n * entries + e] += ye * p2;
                    }
                }
                baseGradient += a0 * u0[n] + a1 * f1 + a2 * f2;
                scaleGradient += a0 * s0 + a1 * s1 + a2 * s2;
                int row = (rowOffset + n) * rowStride;
                double g0 = a0 * t00[n] + a1 * t10[n];
                double g1 = a0 * t01[n] + a1 * t11[n];
                double g2 = a0 * t02[n] + a1 * t12[n];
                double g3 = a0 * t03[n] + a1 * t13[n];
                if (second) {
                    g0 += a2 * t20[n];
                    g1 += a2 * t21[n];
                    g2 += a2 * t22[n];
                    g3 += a2 * t23[n];
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
                    double p3 = third ? base * u3[n] + scale * (c0 * t30[n] + c1 * t31[n] + c2 * t32[n] + c3 * t33[n])
                            : 0.0;
                    gBar[gAt] += a0 * p1 + a1 * p2 + a2 * p3;   // d/dg0 of φ, φ', φ''
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
            values[n] = x[gAt + n * components];
        }
        grids[i].evaluate(values, count, orders - 1, basis, i * orders * local, spans, i * capacity);
        if (orders <= 5) {
            Functions.siluUpToFourth(values, count, orders - 1, silu, i * orders);
        } else {
            for (int n = 0; n < count; n++) {
                Functions.SILU.derivatives(values[n], orders - 1, siluScratch);
                for (int r = 0; r < orders; r++) {
                    silu[i * orders + r][n] = siluScratch[r];
                }
            }
        }
        if (entryComponent[i].length > 0) {
            chain.selectedPolynomialsAll(x, gAt, count, entryComponent[i], entryOrder[i], entryValue,
                    i * count * entries, entries);
        }
    }

    /**
     * φ^(r) and the spline sums s^(r) of edge (i, j) at point n for r < orders, from the tables of
     * input i, into {@link #phi} and {@link #spline}.
     */
    private void edgeDerivatives(double[] theta, int i, int edge, int n) {
        double base = theta[baseOffset + edge];
        double scale = theta[splineOffset + edge];
        int coef = coefOffset + edge * basisCount + spans[i * capacity + n];
        if (local == 4) {
            // cubic splines, the default: a fixed-length sum the JIT keeps in registers (measured 1.3x)
            double c0 = theta[coef];
            double c1 = theta[coef + 1];
            double c2 = theta[coef + 2];
            double c3 = theta[coef + 3];
            for (int r = 0; r < orders; r++) {
                int table = (i * orders + r) * 4;
                double s = c0 * basis[table][n] + c1 * basis[table + 1][n] + c2 * basis[table + 2][n]
                        + c3 * basis[table + 3][n];
                spline[r] = s;
                phi[r] = base * silu[i * orders + r][n] + scale * s;
            }
            return;
        }
        for (int r = 0; r < orders; r++) {
            int table = (i * orders + r) * local;
            double s = 0.0;
            for (int q = 0; q < local; q++) {
                s += theta[coef + q] * basis[table + q][n];
            }
            spline[r] = s;
            phi[r] = base * silu[i * orders + r][n] + scale * s;
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
            } else if (cubic) {
                sweepCoordinate(true, theta, i, count, outAdjoint, grad, rowOffset, rowStride);
            } else {
                for (int n = 0; n < count; n++) {
                    sweepGeneric(true, theta, i, n, count, inJets, outAdjoint, inAdjoint, grad,
                            (rowOffset + n) * rowStride);
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
            edgeDerivatives(theta, i, edge, n);
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
            accumulate(theta, i, edge, n, grad, row);
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
        chain.selectedPolynomialsBackwardAll(inJets.data(), inJets.index(0, 0, i), count, entryComponent[i],
                entryOrder[i], entryAdjoint, 0, entries, inAdjoint.data(), inAdjoint.index(0, 0, i));
    }

    /**
     * Adds dL/d(w_b, w_s, c) of edge (i, j) at point n, from the adjoints of φ^(r), to the
     * gradient row at {@code row} (0 when every point adds into one gradient).
     */
    private void accumulate(double[] theta, int i, int edge, int n, double[] grad, int row) {
        double scale = theta[splineOffset + edge];
        double baseGradient = 0.0;
        double scaleGradient = 0.0;
        for (int r = 0; r < jetOrders; r++) {
            baseGradient += phiAdjoint[r] * silu[i * orders + r][n];
            scaleGradient += phiAdjoint[r] * spline[r];
        }
        grad[row + baseOffset + edge] += baseGradient;
        grad[row + splineOffset + edge] += scaleGradient;
        int coef = row + coefOffset + edge * basisCount + spans[i * capacity + n];
        if (local == 4) {
            // cubic fast path, as in edgeDerivatives
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int r = 0; r < jetOrders; r++) {
                double a = phiAdjoint[r];
                int table = (i * orders + r) * 4;
                s0 += a * basis[table][n];
                s1 += a * basis[table + 1][n];
                s2 += a * basis[table + 2][n];
                s3 += a * basis[table + 3][n];
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
                s += phiAdjoint[r] * basis[(i * orders + r) * local + q][n];
            }
            grad[coef + q] += scale * s;
        }
    }
}
