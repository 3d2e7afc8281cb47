package org.pikan4j.core.backend.jvm;

import java.util.Arrays;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.Functions;
import org.pikan4j.core.tensor.JetBlock;

/**
 * A KAN layer on plain arrays with local support: per (input, point) only the k+1 non-zero
 * B-splines are evaluated, so the cost does not grow with G.
 *
 * <p>The jet of edge (i, j) is linear in its parameters: with the chain-rule polynomials P of
 * the input jet, the <em>stacked local basis</em> {@code S[c][q] = Σ_r P[c][r] B^(r)_{span+q}}
 * and the stacked SiLU {@code T[c] = Σ_r P[c][r] SiLU^(r)}, the output jet gains
 * {@code w_b T[c] + w_s Σ_q c_q S[c][q]}. S and T are computed once per (input, point) in the
 * forward pass, shared by every edge leaving that input, and kept for the reverse sweep.
 */
final class JvmKanKernel implements JvmLayerKernel {

    private final KanLayer layer;
    private final int in;
    private final int out;
    private final int basisCount;
    private final int local;             // k + 1 non-zero basis functions
    private final int coefOffset;
    private final int baseOffset;
    private final int splineOffset;
    private final FaaDiBrunoTable chain;
    private final int components;
    private final int orders;            // R + 2: the reverse sweep needs one order above R
    private final int polynomialLength;

    // per (input, point) of the last forward: interval, basis, SiLU, P, S, T
    private final int[] spans;
    private final double[] basis;
    private final double[] silu;
    private final double[] polynomials;
    private final double[] stackedBasis;
    private final double[] stackedSilu;

    // scratch of the reverse sweep
    private final double[] basisTerm;      // Σ_j ȳ_jc w_s c_jq, per (c, q)
    private final double[] siluTerm;       // Σ_j ȳ_jc w_b, per c
    private final double[] contracted;     // Σ_c ȳ_c S[c][q], per q
    private final double[] polynomialsAdjoint;
    private final double[] scratchPolynomials;
    private final double[] scratchBasis;
    private final double[] scratchSilu;

    JvmKanKernel(KanLayer layer, int coefOffset, DerivativeSet set, int capacity) {
        this.layer = layer;
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.basisCount = layer.basisCount();
        this.local = layer.degree() + 1;
        this.coefOffset = coefOffset;
        this.baseOffset = coefOffset + in * out * basisCount;
        this.splineOffset = baseOffset + in * out;
        this.chain = set.chainRule();
        this.components = set.size();
        this.orders = set.maxOrder() + 2;
        this.polynomialLength = chain.polynomialLength();
        int slots = in * capacity;
        spans = new int[slots];
        basis = new double[slots * orders * local];
        silu = new double[slots * orders];
        polynomials = new double[slots * polynomialLength];
        stackedBasis = new double[slots * components * local];
        stackedSilu = new double[slots * components];
        basisTerm = new double[components * local];
        siluTerm = new double[components];
        contracted = new double[local];
        polynomialsAdjoint = new double[polynomialLength];
        scratchPolynomials = new double[polynomialLength];
        scratchBasis = new double[orders * local];
        scratchSilu = new double[orders];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        double[] y = outJets.data();
        for (int i = 0; i < in; i++) {
            for (int n = 0; n < count; n++) {
                int slot = i * count + n;
                prepare(i, inJets.data(), inJets.index(n, 0, i), slot);
                int sAt = slot * components * local;
                int tAt = slot * components;
                int span = spans[slot];
                for (int j = 0; j < out; j++) {
                    int edge = i * out + j;
                    double wb = theta[baseOffset + edge];
                    double ws = theta[splineOffset + edge];
                    int coef = coefOffset + edge * basisCount + span;
                    int yAt = outJets.index(n, 0, j);
                    for (int c = 0; c < components; c++) {
                        double s = 0.0;
                        for (int q = 0; q < local; q++) {
                            s += theta[coef + q] * stackedBasis[sAt + c * local + q];
                        }
                        y[yAt + c] += wb * stackedSilu[tAt + c] + ws * s;
                    }
                }
            }
        }
    }

    /** Basis, SiLU, chain-rule polynomials and their stacked products for one (input, point). */
    private void prepare(int i, double[] x, int gAt, int slot) {
        double value = x[gAt];
        KnotVector grid = layer.grid(i);
        int pAt = slot * polynomialLength;
        int bAt = slot * orders * local;
        int fAt = slot * orders;
        chain.polynomials(x, gAt, 1, scratchPolynomials);
        System.arraycopy(scratchPolynomials, 0, polynomials, pAt, polynomialLength);
        spans[slot] = grid.evaluate(value, orders - 1, scratchBasis);
        System.arraycopy(scratchBasis, 0, basis, bAt, orders * local);
        Functions.SILU.derivatives(value, orders - 1, scratchSilu);
        System.arraycopy(scratchSilu, 0, silu, fAt, orders);
        int width = orders - 1;   // P has orders 0..R
        int sAt = slot * components * local;
        int tAt = slot * components;
        Arrays.fill(stackedBasis, sAt, sAt + components * local, 0.0);
        for (int c = 0; c < components; c++) {
            double t = 0.0;
            for (int r = 0; r < width; r++) {
                double p = scratchPolynomials[c * width + r];
                if (p == 0.0) {
                    continue;
                }
                t += p * scratchSilu[r];
                for (int q = 0; q < local; q++) {
                    stackedBasis[sAt + c * local + q] += p * scratchBasis[r * local + q];
                }
            }
            stackedSilu[tAt + c] = t;
        }
    }

    @Override
    public void backward(double[] theta, JetBlock inJets, JetBlock outAdjoint, JetBlock inAdjoint,
                         int count, double[] grad, int rowOffset, int rowStride) {
        double[] yBar = outAdjoint.data();
        for (int i = 0; i < in; i++) {
            for (int n = 0; n < count; n++) {
                int slot = i * count + n;
                int sAt = slot * components * local;
                int tAt = slot * components;
                int span = spans[slot];
                int row = (rowOffset + n) * rowStride;
                if (inAdjoint != null) {
                    Arrays.fill(basisTerm, 0.0);
                    Arrays.fill(siluTerm, 0.0);
                }
                for (int j = 0; j < out; j++) {
                    int edge = i * out + j;
                    double wb = theta[baseOffset + edge];
                    double ws = theta[splineOffset + edge];
                    int coef = coefOffset + edge * basisCount + span;
                    int yAt = outAdjoint.index(n, 0, j);
                    Arrays.fill(contracted, 0.0);
                    double baseGradient = 0.0;
                    for (int c = 0; c < components; c++) {
                        double seed = yBar[yAt + c];
                        baseGradient += seed * stackedSilu[tAt + c];
                        for (int q = 0; q < local; q++) {
                            contracted[q] += seed * stackedBasis[sAt + c * local + q];
                        }
                    }
                    double scaleGradient = 0.0;
                    for (int q = 0; q < local; q++) {
                        scaleGradient += theta[coef + q] * contracted[q];
                        grad[row + coef + q] += ws * contracted[q];
                    }
                    grad[row + baseOffset + edge] += baseGradient;
                    grad[row + splineOffset + edge] += scaleGradient;
                    if (inAdjoint != null) {
                        for (int c = 0; c < components; c++) {
                            double seed = yBar[yAt + c];
                            siluTerm[c] += seed * wb;
                            double seedScaled = seed * ws;
                            for (int q = 0; q < local; q++) {
                                basisTerm[c * local + q] += seedScaled * theta[coef + q];
                            }
                        }
                    }
                }
                if (inAdjoint != null) {
                    inputAdjoint(slot, inJets.data(), inJets.index(n, 0, i), inAdjoint.data(),
                            inAdjoint.index(n, 0, i));
                }
            }
        }
    }

    /**
     * The adjoint of the input jet: with A[c] = Σ_j ȳ_jc w_b and B[c][q] = Σ_j ȳ_jc w_s c_q,
     * {@code P̄[c][r] = SiLU^(r) A[c] + Σ_q B^(r)_q B[c][q]} and the value adjoint is
     * {@code Σ_c Σ_r P[c][r] (SiLU^(r+1) A[c] + Σ_q B^(r+1)_q B[c][q])}.
     */
    private void inputAdjoint(int slot, double[] x, int gAt, double[] xBar, int gBarAt) {
        int width = orders - 1;
        int pAt = slot * polynomialLength;
        int bAt = slot * orders * local;
        int fAt = slot * orders;
        double valueAdjoint = 0.0;
        for (int c = 0; c < components; c++) {
            for (int r = 0; r < orders; r++) {
                double phiBar = silu[fAt + r] * siluTerm[c];
                for (int q = 0; q < local; q++) {
                    phiBar += basis[bAt + r * local + q] * basisTerm[c * local + q];
                }
                if (r < width) {
                    polynomialsAdjoint[c * width + r] = phiBar;
                }
                if (r > 0) {
                    valueAdjoint += polynomials[pAt + c * width + r - 1] * phiBar;
                }
            }
        }
        chain.polynomialsBackward(x, gAt, 1, polynomialsAdjoint, xBar, gBarAt, 1);
        xBar[gBarAt] += valueAdjoint;
    }
}
