package org.pikan4j.core.backend.jvm;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.DenseLayer;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;

/** Chains the layer kernels over preallocated jet blocks, one per layer boundary. */
final class JvmEvaluator implements NetworkEvaluator {

    private final Network network;
    private final int capacity;
    private final List<JvmLayerKernel> kernels = new ArrayList<>();
    private final JetBlock[] activations;  // activations[l] is the input of layer l
    private final JetBlock[] adjoints;
    private int lastCount = -1;
    private double[] lastTheta;

    JvmEvaluator(Network network, DerivativeSet set, int capacity) {
        network.checkDerivatives(set);
        this.network = network;
        this.capacity = capacity;
        List<Layer> layers = network.layers();
        activations = new JetBlock[layers.size() + 1];
        adjoints = new JetBlock[layers.size() + 1];
        activations[0] = new JetBlock(set, capacity, network.inputDimension());
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            kernels.add(layer instanceof PeriodicEmbedding e ? new JvmEmbeddingKernel(e, set, capacity)
                    : kernelFor(layer, network.layout().block(network.prefix(l) + firstBlock(layer)).offset(), set,
                            capacity, l == 0));
            activations[l + 1] = new JetBlock(set, capacity, layer.outputWidth());
            adjoints[l + 1] = new JetBlock(set, capacity, layer.outputWidth());
        }
    }

    private static String firstBlock(Layer layer) {
        return layer instanceof KanLayer ? "coef" : "weight";
    }

    private static JvmLayerKernel kernelFor(Layer layer, int offset, DerivativeSet set, int capacity,
                                            boolean firstLayer) {
        if (layer instanceof KanLayer) {
            return new JvmKanKernel((KanLayer) layer, offset, set, capacity, firstLayer);
        }
        if (layer instanceof DenseLayer) {
            return new JvmDenseKernel((DenseLayer) layer, offset, set, capacity);
        }
        throw new IllegalArgumentException("the jvm backend has no kernel for layer " + layer.describe());
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public JetBlock forward(double[] theta, double[][] points, int first, int count) {
        NetworkEvaluator.checkCount(count, capacity);
        network.checkParameters(theta);
        activations[0].setInputs(points, first, count);
        for (int l = 0; l < kernels.size(); l++) {
            activations[l + 1].clear();
            kernels.get(l).forward(theta, activations[l], activations[l + 1], count);
        }
        lastCount = count;
        lastTheta = theta;
        return activations[kernels.size()];
    }

    @Override
    public void backward(JetBlock outputAdjoint, double[] grad, int rowOffset, int rowStride) {
        if (lastCount < 0) {
            throw new IllegalStateException("backward needs a forward first");
        }
        JetBlock upstream = outputAdjoint;
        for (int l = kernels.size() - 1; l >= 0; l--) {
            JetBlock inAdjoint = l == 0 ? null : adjoints[l];
            if (inAdjoint != null) {
                inAdjoint.clear();
            }
            kernels.get(l).backward(lastTheta, activations[l], upstream, inAdjoint, lastCount,
                    grad, rowOffset, rowStride);
            upstream = inAdjoint;
        }
    }
}
