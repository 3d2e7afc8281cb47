package org.pikan4j.core.backend.jvm;

import java.util.Arrays;
import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.DenseLayer;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.FaaDiBrunoTable;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.ScalarFunction;

/**
 * A dense layer on plain arrays. Inside the kernel every unit's jets are component slabs (one array per unit
 * and component over the block's points), the layout whose loops the JIT vectorizes: the affine map is one
 * matrix product per component ({@link Gemm#multiply}, z = X·W and X̄ = Z̄·Wᵀ) with the bias on the value
 * slab, the activation's chain rule runs term by term over whole slabs, and the weight gradient Xᵀ·Z̄ runs on
 * register tiles over the slabs ({@link Gemm#multiplyAddSlabs}). Where two dense layers meet they share a
 * {@link SlabBoundary}; elsewhere jets enter and leave in the block layout ({@link JetBlock#toSlabs},
 * {@link JetBlock#fromSlabs}). Each sum adds the same terms in the same order as on the block layout, so the
 * bits do not depend on the layout.
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
    private final boolean inputShared;
    private final boolean outputShared;
    // slabs are [unit][component][point]; *ByComponent hold the same arrays as [component][unit]
    private final SlabBoundary input;      // X, and X̄ in the reverse
    private final SlabBoundary output;     // y, and ȳ in the reverse
    private final double[][][] preActivation;      // z (y itself when linear), kept for the reverse
    private final double[][][] preAdjoint;         // z̄ (ȳ itself when linear)
    private final double[][][] inByComponent;
    private final double[][][] inAdjointByComponent;
    private final double[][][] preActivationByComponent;
    private final double[][][] preAdjointByComponent;
    private final double[][][] derivatives;        // [unit][r][point]: f^(r)(z0) for r = 0..R+1

    /**
     * @param sharedInput  the boundary shared with a dense layer before this one, or null: jets come in the
     *                     block layout
     * @param sharedOutput the boundary shared with a dense layer after this one, or null
     */
    JvmDenseKernel(DenseLayer layer, int weightOffset, DerivativeSet set, int capacity, SlabBoundary sharedInput,
                   SlabBoundary sharedOutput) {
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + in * out;
        this.activation = layer.function();
        this.linear = layer.activation() == Activation.IDENTITY;
        this.chain = set.chainRule();
        this.components = set.size();
        this.orders = set.maxOrder() + 1;
        this.inputShared = sharedInput != null;
        this.outputShared = sharedOutput != null;
        this.input = inputShared ? sharedInput : new SlabBoundary(in, components, capacity);
        this.output = outputShared ? sharedOutput : new SlabBoundary(out, components, capacity);
        this.preActivation = linear ? output.values : new double[out][components][capacity];
        this.preAdjoint = linear ? output.adjoints : new double[out][components][capacity];
        this.inByComponent = SlabBoundary.byComponent(input.values);
        this.inAdjointByComponent = SlabBoundary.byComponent(input.adjoints);
        this.preActivationByComponent = SlabBoundary.byComponent(preActivation);
        this.preAdjointByComponent = SlabBoundary.byComponent(preAdjoint);
        this.derivatives = new double[linear ? 0 : out][orders + 1][capacity];
    }

    @Override
    public void forward(double[] theta, JetBlock inJets, JetBlock outJets, int count) {
        if (!inputShared) {
            for (int k = 0; k < in; k++) {
                inJets.toSlabs(k, count, input.values[k]);
            }
        }
        Gemm.View w = new Gemm.View(theta, weightOffset, out, 1);
        for (int c = 0; c < components; c++) {
            Gemm.multiply(count, out, in, inByComponent[c], w, preActivationByComponent[c]);
        }
        for (int j = 0; j < out; j++) {
            double[] value = preActivation[j][0];
            double bias = theta[biasOffset + j];
            for (int n = 0; n < count; n++) {
                value[n] = bias + value[n];
            }
            if (!linear) {
                // one order more than the forward needs: the reverse sweep reuses them
                activation.derivatives(value, count, orders, derivatives[j]);
                chain.composeSlabs(preActivation[j], count, derivatives[j], output.values[j]);
            }
            if (!outputShared) {
                outJets.fromSlabs(j, count, output.values[j]);
            }
        }
    }

    @Override
    public void backward(double[] theta, JetBlock inJets, JetBlock outAdjoint, JetBlock inAdjoint,
                         int count, double[] grad, int rowOffset, int rowStride) {
        for (int j = 0; j < out; j++) {
            if (!outputShared) {
                outAdjoint.toSlabs(j, count, output.adjoints[j]);
            }
            if (!linear) {
                double[][] zBar = preAdjoint[j];
                for (double[] slab : zBar) {
                    Arrays.fill(slab, 0, count, 0.0);
                }
                chain.composeSlabsBackward(preActivation[j], count, derivatives[j], output.adjoints[j], zBar);
            }
            double[] valueBar = preAdjoint[j][0];
            if (rowStride == 0) {
                // summed in a local: one store per unit instead of a chain through memory per point
                double sum = 0.0;
                for (int n = 0; n < count; n++) {
                    sum += valueBar[n];
                }
                grad[biasOffset + j] += sum;
                continue;
            }
            for (int n = 0; n < count; n++) {
                grad[(rowOffset + n) * rowStride + biasOffset + j] += valueBar[n];
            }
        }
        if (rowStride == 0) {
            // dW = Xᵀ·Z̄ over the block's points and components
            Gemm.multiplyAddSlabs(in, out, count, input.values, preAdjoint, new Gemm.View(grad, weightOffset, out, 1));
        } else {
            perPointWeightGradient(count, grad, rowOffset, rowStride);
        }
        if (inAdjoint != null) {
            // X̄ = Z̄·Wᵀ per component; the caller zeroed inAdjoint, so adding is setting
            Gemm.View wT = new Gemm.View(theta, weightOffset, 1, out);
            for (int c = 0; c < components; c++) {
                Gemm.multiply(count, in, out, preAdjointByComponent[c], wT, inAdjointByComponent[c]);
            }
            if (!inputShared) {
                for (int k = 0; k < in; k++) {
                    inAdjoint.fromSlabs(k, count, input.adjoints[k]);
                }
            }
        }
    }

    /** Per-sample Jacobian rows of W: each point's own Xᵀ·Z̄ over its components. */
    private void perPointWeightGradient(int count, double[] grad, int rowOffset, int rowStride) {
        for (int j = 0; j < out; j++) {
            for (int k = 0; k < in; k++) {
                int p = weightOffset + k * out + j;
                for (int n = 0; n < count; n++) {
                    grad[(rowOffset + n) * rowStride + p] += Gemm.slabDot(input.values[k], preAdjoint[j], n, 1);
                }
            }
        }
    }
}
