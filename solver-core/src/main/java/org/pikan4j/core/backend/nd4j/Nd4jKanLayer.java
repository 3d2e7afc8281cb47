package org.pikan4j.core.backend.nd4j;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pikan4j.core.nn.KanLayer;

/**
 * A KAN layer as stacked GEMMs: {@code Y = S·C + H·W_b}. S [C·N, in·M] is the stacked basis,
 * component c of the jet of B_m(g_i) in column (i, m): {@code S_c = Σ_r B^(r) ∘ P[c][r]}, the
 * chain-rule polynomials P [N, in, 1] of the input jets broadcast over the M basis functions of
 * each input ([N, in, M]); C[(i,m), j] = w_s[i][j]·c[i][j][m]. H holds the jets of SiLU(g_i), W_b the base
 * scales. The reverse sweep is the transpose: dC = Sᵀ·Ȳ mapped back onto c and w_s on the host,
 * dW_b = Hᵀ·Ȳ, and S̄ = Ȳ·Cᵀ, H̄ = Ȳ·W_bᵀ back through the chain rule to the input jets.
 *
 * <p>The basis values B^(r) (orders 0..R+1) are computed on the host from the downloaded input
 * values with {@code KnotVector.evaluate} (the k+1 non-zero functions per point, the end
 * pieces extrapolated as on the jvm backend) and uploaded in one call per layer.
 */
final class Nd4jKanLayer implements Nd4jLayer {

    private final KanLayer layer;
    private final DeviceOps ops;
    private final DeviceChainRule chain;
    private final int in;
    private final int out;
    private final int basisCount;
    private final int maxOrder;
    private final int coefOffset;
    private final int baseOffset;
    private final int splineOffset;
    private DeviceJets g;
    private INDArray[][] p;
    private INDArray[][] pColumns;
    private INDArray[] silu;
    private INDArray[] basis;
    private DeviceJets h;
    private DeviceJets s;
    private INDArray coefficients;
    private INDArray baseScales;

    Nd4jKanLayer(KanLayer layer, int coefOffset, DeviceChainRule chain, int maxOrder, DeviceOps ops) {
        this.layer = layer;
        this.ops = ops;
        this.chain = chain;
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.basisCount = layer.basisCount();
        this.maxOrder = maxOrder;
        this.coefOffset = coefOffset;
        this.baseOffset = coefOffset + in * out * basisCount;
        this.splineOffset = baseOffset + in * out;
    }

    @Override
    public DeviceJets forward(double[] theta, DeviceJets input) {
        g = input;
        int components = g.components();
        int points = g.points();
        basis = uploadBasis(ops.download(g.slab(0)), points);
        coefficients = ops.upload(coefficientMatrix(theta), (long) in * basisCount, out);
        baseScales = ops.upload(Arrays.copyOfRange(theta, baseOffset, splineOffset), in, out);
        p = chain.polynomials(g);
        silu = DeviceFunction.SILU.derivatives(ops, g.slab(0), maxOrder + 1);
        h = DeviceJets.uninitialized(ops, components, points, in);
        chain.compose(silu, p, h.slabs());
        pColumns = new INDArray[components][maxOrder + 1];
        for (int c = 1; c < components; c++) {
            for (int r = 1; r <= maxOrder; r++) {
                if (p[c][r] != null) {
                    pColumns[c][r] = p[c][r].reshape(points, in, 1);
                }
            }
        }
        s = DeviceJets.uninitialized(ops, components, points, in * basisCount);
        chain.compose(basis, pColumns, s.slabs(points, in, basisCount));
        INDArray y = ops.mmul(s.data(), coefficients);
        ops.addi(y, ops.mmul(h.data(), baseScales));
        return new DeviceJets(y, components, points);
    }

    /** B^(r) for r = 0..R+1 as [N, in, M] views of one uploaded array. */
    private INDArray[] uploadBasis(double[] values, int points) {
        int orders = maxOrder + 2;
        int local = layer.degree() + 1;
        int row = in * basisCount;
        double[] host = new double[orders * points * row];
        double[] pieces = new double[orders * local];
        for (int n = 0; n < points; n++) {
            for (int i = 0; i < in; i++) {
                int span = layer.grid(i).evaluate(values[n * in + i], maxOrder + 1, pieces);
                for (int r = 0; r < orders; r++) {
                    System.arraycopy(pieces, r * local, host, (r * points + n) * row + i * basisCount + span, local);
                }
            }
        }
        DeviceJets stacked = new DeviceJets(ops.upload(host, (long) orders * points, row), orders, points);
        INDArray[] b = new INDArray[orders];
        for (int r = 0; r < orders; r++) {
            b[r] = stacked.slab(r).reshape(points, in, basisCount);
        }
        return b;
    }

    /** C[(i,m), j] = w_s[i][j]·c[i][j][m], row-major [in·M, out]. */
    private double[] coefficientMatrix(double[] theta) {
        double[] c = new double[in * basisCount * out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                int edge = i * out + j;
                double scale = theta[splineOffset + edge];
                for (int m = 0; m < basisCount; m++) {
                    c[(i * basisCount + m) * out + j] = scale * theta[coefOffset + edge * basisCount + m];
                }
            }
        }
        return c;
    }

    @Override
    public DeviceJets backward(double[] theta, DeviceJets yBar, GradientSink sink, boolean needInput) {
        coefficientGradient(theta, sink.products(s, yBar), sink);
        sink.add(sink.products(h, yBar), in * out, baseOffset);
        return needInput ? inputAdjoint(yBar) : null;
    }

    /** dL/dc = w_s·dC and dL/dw_s = Σ_m c·dC, per row of dC = Sᵀ·Ȳ. */
    private void coefficientGradient(double[] theta, double[] dC, GradientSink sink) {
        int length = in * basisCount * out;
        for (int n = 0; n < sink.rows(); n++) {
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    int edge = i * out + j;
                    double scale = theta[splineOffset + edge];
                    int coef = coefOffset + edge * basisCount;
                    double scaleGradient = 0.0;
                    for (int m = 0; m < basisCount; m++) {
                        double d = dC[n * length + (i * basisCount + m) * out + j];
                        sink.add(n, coef + m, scale * d);
                        scaleGradient += theta[coef + m] * d;
                    }
                    sink.add(n, splineOffset + edge, scaleGradient);
                }
            }
        }
    }

    /** Ḡ from S̄ = Ȳ·Cᵀ and H̄ = Ȳ·W_bᵀ through the chain rule; spline terms summed over m. */
    private DeviceJets inputAdjoint(DeviceJets yBar) {
        int components = g.components();
        int points = g.points();
        DeviceJets sBar = new DeviceJets(ops.mmulTransposeB(yBar.data(), coefficients), components, points);
        DeviceJets hBar = new DeviceJets(ops.mmulTransposeB(yBar.data(), baseScales), components, points);
        INDArray[][] pBarSpline = new INDArray[components][maxOrder + 1];
        INDArray[][] pBar = new INDArray[components][maxOrder + 1];
        INDArray valueBar = chain.composeBackward(basis, pColumns, sBar.slabs(points, in, basisCount), pBarSpline);
        valueBar = ops.add(ops.sum(valueBar, 2), chain.composeBackward(silu, p, hBar.slabs(), pBar));
        for (int c = 1; c < components; c++) {
            for (int r = 1; r <= maxOrder; r++) {
                if (pBar[c][r] != null) {
                    ops.addi(pBar[c][r], ops.sum(pBarSpline[c][r], 2));
                }
            }
        }
        DeviceJets gBar = DeviceJets.zeros(ops, components, points, in);
        ops.assign(gBar.slab(0), valueBar);
        chain.polynomialsBackward(g, pBar, gBar);
        return gBar;
    }
}
