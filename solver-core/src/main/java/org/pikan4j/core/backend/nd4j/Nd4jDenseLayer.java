package org.pikan4j.core.backend.nd4j;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.DenseLayer;

/**
 * A dense layer as one GEMM for every component, {@code Z = X·W} with the bias on the value
 * slab only, then the activation by the chain rule on the slabs. Reverse: dW = Xᵀ·Z̄ (or its
 * per-point terms), db = column sums of the value slab of Z̄, X̄ = Z̄·Wᵀ.
 */
final class Nd4jDenseLayer implements Nd4jLayer {

    private final DeviceOps ops;
    private final DeviceChainRule chain;
    private final DeviceFunction activation;   // null for a linear layer
    private final int in;
    private final int out;
    private final int weightOffset;
    private final int biasOffset;
    private final int maxOrder;
    private DeviceJets x;
    private DeviceJets z;
    private INDArray weight;
    private INDArray[] f;
    private INDArray[][] p;

    Nd4jDenseLayer(DenseLayer layer, int weightOffset, DeviceChainRule chain, int maxOrder, DeviceOps ops) {
        this.ops = ops;
        this.chain = chain;
        this.activation = layer.activation() == Activation.IDENTITY ? null : DeviceFunction.of(layer.activation());
        this.in = layer.inputWidth();
        this.out = layer.outputWidth();
        this.weightOffset = weightOffset;
        this.biasOffset = weightOffset + in * out;
        this.maxOrder = maxOrder;
    }

    @Override
    public DeviceJets forward(double[] theta, DeviceJets input) {
        x = input;
        weight = ops.upload(Arrays.copyOfRange(theta, weightOffset, biasOffset), in, out);
        INDArray bias = ops.upload(Arrays.copyOfRange(theta, biasOffset, biasOffset + out), out);
        z = new DeviceJets(ops.mmul(x.data(), weight), x.components(), x.points());
        ops.addiRowVector(z.slab(0), bias);
        if (activation == null) {
            return z;
        }
        f = activation.derivatives(ops, z.slab(0), maxOrder + 1);
        p = chain.polynomials(z);
        DeviceJets y = DeviceJets.uninitialized(ops, z.components(), z.points(), out);
        chain.compose(f, p, y.slabs());
        return y;
    }

    @Override
    public DeviceJets backward(double[] theta, DeviceJets yBar, GradientSink sink, boolean needInput) {
        DeviceJets zBar = activation == null ? yBar : activationBackward(yBar);
        sink.add(sink.products(x, zBar), in * out, weightOffset);
        sink.add(sink.rowsOf(zBar.slab(0)), out, biasOffset);
        return needInput ? new DeviceJets(ops.mmulTransposeB(zBar.data(), weight), x.components(), x.points()) : null;
    }

    private DeviceJets activationBackward(DeviceJets yBar) {
        INDArray[][] pBar = new INDArray[p.length][maxOrder + 1];
        DeviceJets zBar = DeviceJets.zeros(ops, z.components(), z.points(), out);
        ops.assign(zBar.slab(0), chain.composeBackward(f, p, yBar.slabs(), pBar));
        chain.polynomialsBackward(z, pBar, zBar);
        return zBar;
    }
}
