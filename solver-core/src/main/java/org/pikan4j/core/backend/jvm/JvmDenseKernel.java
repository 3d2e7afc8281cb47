package org.pikan4j.core.backend.jvm;

import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.DenseLayer;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.ScalarFunction;

/**
 * A dense layer on plain arrays. Jet blocks are column-major (rows = point x component), so the
 * affine map is one matrix product over all rows of a block; the bias goes on value rows only. The
 * products whose rows are the block's (z = X·W, X̄ = Z̄·Wᵀ) run on columns copied into arrays of their
 * own ({@link Gemm#multiply}), which the JIT vectorizes; the weight gradient Xᵀ·Z̄ (long inner
 * dimension) stays on the register tiles. The activation applies the chain rule per point and unit.
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
    private final double[][] preActivation;        // per unit, z over the block's rows (or the output when linear)
    private final JetBlock preActivationAdjoint;
    private final double[][] inColumns;            // per input unit: X's rows (forward), then X̄'s (reverse)
    private final double[][] adjointColumns;       // per unit: Z̄'s rows
    private final Gemm gemm = new Gemm();
    private final double[][] derivatives;   // per unit, f^(r)(z0) for r = 0..R+1 at every point, [r][point]

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
        int rows = capacity * components;
        this.preActivation = new double[out][rows];
        this.preActivationAdjoint = linear ? null : new JetBlock(set, capacity, out);
        this.inColumns = new double[in][rows];
        this.adjointColumns = new double[out][rows];
        this.derivatives = new double[linear ? 0 : out][(orders + 1) * capacity];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        int rows = count * components;
        copyColumns(inJets, rows, inColumns);
        gemm.multiply(rows, out, in, inColumns, weights(theta), preActivation);
        for (int j = 0; j < out; j++) {
            double[] z = preActivation[j];
            double bias = theta[biasOffset + j];
            for (int n = 0; n < count; n++) {
                z[n * components] = bias + z[n * components];
            }
            int at = outJets.index(0, 0, j);
            if (linear) {
                System.arraycopy(z, 0, outJets.data(), at, rows);
                continue;
            }
            // one order more than the forward needs: the reverse sweep reuses them
            activation.derivatives(z, 0, components, count, orders, derivatives[j], 0);
            chain.composeAll(z, 0, count, derivatives[j], outJets.data(), at);
        }
    }

    /** The first {@code rows} rows of every unit of a block, one array per unit. */
    private static void copyColumns(JetBlock block, int rows, double[][] columns) {
        for (int j = 0; j < columns.length; j++) {
            System.arraycopy(block.data(), block.index(0, 0, j), columns[j], 0, rows);
        }
    }

    /** A block as the matrix (rows = point x component, columns = units). */
    private static Gemm.View columns(JetBlock block) {
        return new Gemm.View(block.data(), 0, 1, block.unitStride());
    }

    /** W as the matrix [in, out] inside θ. */
    private Gemm.View weights(double[] theta) {
        return new Gemm.View(theta, weightOffset, out, 1);
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
        for (int j = 0; j < out; j++) {
            int zAt = zBar.index(0, 0, j);
            if (rowStride == 0) {
                // summed in a local: one store per unit instead of a chain through memory per point
                double sum = 0.0;
                for (int n = 0; n < count; n++) {
                    sum += zb[zAt + n * components];
                }
                grad[rowOffset * rowStride + biasOffset + j] += sum;
                continue;
            }
            for (int n = 0; n < count; n++) {
                grad[(rowOffset + n) * rowStride + biasOffset + j] += zb[zAt + n * components];
            }
        }
        if (rowStride == 0) {
            // dW = Xᵀ·Z̄ over all rows of the block
            gemm.multiplyAdd(in, out, rows, transposed(columns(inJets)), columns(zBar),
                    new Gemm.View(grad, weightOffset, out, 1));
        } else {
            perPointWeightGradient(inJets, zBar, count, grad, rowOffset, rowStride);
        }
        if (inAdjoint != null) {
            // X̄ = Z̄·Wᵀ, copied in: the caller zeroed inAdjoint, so adding is copying
            copyColumns(zBar, rows, adjointColumns);
            gemm.multiply(rows, in, out, adjointColumns, transposed(weights(theta)), inColumns);
            for (int k = 0; k < in; k++) {
                System.arraycopy(inColumns[k], 0, inAdjoint.data(), inAdjoint.index(0, 0, k), rows);
            }
        }
    }

    private static Gemm.View transposed(Gemm.View m) {
        return new Gemm.View(m.data(), m.offset(), m.colStride(), m.rowStride());
    }

    /** Per-sample Jacobian rows of W: each point's own Xᵀ·Z̄ over its components. */
    private void perPointWeightGradient(JetBlock inJets, JetBlock zBar, int count, double[] grad, int rowOffset,
                                        int rowStride) {
        double[] x = inJets.data();
        double[] zb = zBar.data();
        for (int j = 0; j < out; j++) {
            int zAt = zBar.index(0, 0, j);
            for (int k = 0; k < in; k++) {
                int xAt = inJets.index(0, 0, k);
                int p = weightOffset + k * out + j;
                for (int n = 0; n < count; n++) {
                    grad[(rowOffset + n) * rowStride + p] +=
                            dot(x, xAt + n * components, zb, zAt + n * components, components);
                }
            }
        }
    }

    /** Dot product with four partial sums, so the loop is not one long dependency chain. */
    private static double dot(double[] a, int aAt, double[] b, int bAt, int length) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int r = 0;
        for (; r + 3 < length; r += 4) {
            s0 += a[aAt + r] * b[bAt + r];
            s1 += a[aAt + r + 1] * b[bAt + r + 1];
            s2 += a[aAt + r + 2] * b[bAt + r + 2];
            s3 += a[aAt + r + 3] * b[bAt + r + 3];
        }
        for (; r < length; r++) {
            s0 += a[aAt + r] * b[bAt + r];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** z̄ from ȳ through the activation's chain rule, per point and unit, with the forward's f^(r). */
    private void activationBackward(JetBlock yBar, int count) {
        preActivationAdjoint.clear();
        for (int j = 0; j < out; j++) {
            int at = preActivationAdjoint.index(0, 0, j);
            chain.composeAllBackward(preActivation[j], 0, count, derivatives[j], yBar.data(), at,
                    preActivationAdjoint.data(), at);
        }
    }
}
