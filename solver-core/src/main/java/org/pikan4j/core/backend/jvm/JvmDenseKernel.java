package org.pikan4j.core.backend.jvm;

import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.DenseLayer;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.ScalarFunction;

/**
 * A dense layer on plain arrays. The affine map acts on every (point, component) row with the
 * same matrix (bias on value rows only), written as axpy loops over the output width that the
 * JIT vectorizes; the activation applies the chain rule per point and unit.
 */
final class JvmDenseKernel implements JvmLayerKernel {

    private final int in;
    private final int out;
    private final int weightOffset;
    private final int biasOffset;
    private final ScalarFunction activation;
    private final boolean linear;
    private final FaaDiBrunoTable chain;
    private final int components;
    private final int orders;
    private final JetBlock preActivation;
    private final JetBlock preActivationAdjoint;
    private final double[] weightTransposed;
    private final double[] polynomials;
    private final double[] polynomialsAdjoint;
    private final double[] f;

    JvmDenseKernel(DenseLayer layer, int weightOffset, DerivativeSet set, int capacity) {
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + in * out;
        this.activation = layer.function();
        this.linear = layer.activation() == Activation.IDENTITY;
        this.chain = set.chainRule();
        this.components = set.size();
        this.orders = set.maxOrder() + 1;
        this.preActivation = linear ? null : new JetBlock(set, capacity, out);
        this.preActivationAdjoint = linear ? null : new JetBlock(set, capacity, out);
        this.weightTransposed = new double[in * out];
        this.polynomials = new double[chain.polynomialLength()];
        this.polynomialsAdjoint = new double[chain.polynomialLength()];
        this.f = new double[orders + 1];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        JetBlock z = linear ? outJets : preActivation;
        affine(theta, inJets.data(), z.data(), count);
        if (linear) {
            return;
        }
        double[] zd = z.data();
        double[] y = outJets.data();
        for (int n = 0; n < count; n++) {
            for (int j = 0; j < out; j++) {
                int at = z.index(n, 0, j);
                chain.polynomials(zd, at, out, polynomials);
                activation.derivatives(zd[at], orders - 1, f);
                chain.compose(f, polynomials, y, at, out);
            }
        }
    }

    /** z = x·W + b on every row; b only on value rows (derivatives of a constant vanish). */
    private void affine(double[] theta, double[] x, double[] z, int count) {
        int rows = count * components;
        for (int row = 0; row < rows; row++) {
            int zAt = row * out;
            boolean valueRow = row % components == 0;
            for (int j = 0; j < out; j++) {
                z[zAt + j] = valueRow ? theta[biasOffset + j] : 0.0;
            }
            int xAt = row * in;
            for (int k = 0; k < in; k++) {
                double a = x[xAt + k];
                if (a == 0.0) {
                    continue;   // input jets are sparse: most derivative rows of coordinates are 0
                }
                int w = weightOffset + k * out;
                for (int j = 0; j < out; j++) {
                    z[zAt + j] += a * theta[w + j];
                }
            }
        }
    }

    @Override
    public void backward(double[] theta, JetBlock inJets, JetBlock outAdjoint, JetBlock inAdjoint,
                         int count, double[] grad, int rowOffset, int rowStride) {
        JetBlock zBar = linear ? outAdjoint : preActivationAdjoint;
        if (!linear) {
            activationBackward(outAdjoint, count);
        }
        double[] x = inJets.data();
        double[] zb = zBar.data();
        int rows = count * components;
        for (int row = 0; row < rows; row++) {
            int g = (rowOffset + row / components) * rowStride;
            int zAt = row * out;
            if (row % components == 0) {
                for (int j = 0; j < out; j++) {
                    grad[g + biasOffset + j] += zb[zAt + j];
                }
            }
            int xAt = row * in;
            for (int k = 0; k < in; k++) {
                double a = x[xAt + k];
                if (a == 0.0) {
                    continue;
                }
                int w = g + weightOffset + k * out;
                for (int j = 0; j < out; j++) {
                    grad[w + j] += a * zb[zAt + j];
                }
            }
        }
        if (inAdjoint != null) {
            inputAdjoint(theta, zb, inAdjoint.data(), rows);
        }
    }

    /** x̄ = z̄·Wᵀ, as axpy over the input width with a transposed copy of W. */
    private void inputAdjoint(double[] theta, double[] zb, double[] xBar, int rows) {
        for (int k = 0; k < in; k++) {
            for (int j = 0; j < out; j++) {
                weightTransposed[j * in + k] = theta[weightOffset + k * out + j];
            }
        }
        for (int row = 0; row < rows; row++) {
            int zAt = row * out;
            int xAt = row * in;
            for (int j = 0; j < out; j++) {
                double a = zb[zAt + j];
                if (a == 0.0) {
                    continue;
                }
                int w = j * in;
                for (int k = 0; k < in; k++) {
                    xBar[xAt + k] += a * weightTransposed[w + k];
                }
            }
        }
    }

    /** z̄ from ȳ through the activation's chain rule, per point and unit. */
    private void activationBackward(JetBlock yBar, int count) {
        double[] z = preActivation.data();
        preActivationAdjoint.clear();
        for (int n = 0; n < count; n++) {
            for (int j = 0; j < out; j++) {
                int at = preActivation.index(n, 0, j);
                chain.polynomials(z, at, out, polynomials);
                activation.derivatives(z[at], orders, f);
                chain.composeBackward(f, polynomials, z, at, out, yBar.data(), at, out,
                        preActivationAdjoint.data(), at, out, polynomialsAdjoint);
            }
        }
    }
}
