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

/**
 * Chains the layer kernels over preallocated jet blocks, one per layer boundary; where two dense layers meet,
 * their kernels share the boundary's jets as slabs and its block stays unused.
 */
final class JvmEvaluator implements NetworkEvaluator {

    private final Network network;
    private final int capacity;
    private final List<JvmLayerKernel> kernels = new ArrayList<>();
    private final JetBlock[] activations;  // activations[l] is the input of layer l
    private final JetBlock[] adjoints;
    private final boolean[] shared;        // shared[l]: the boundary before layer l is two dense kernels' slabs
    private int lastCount = -1;
    private double[] lastTheta;

    JvmEvaluator(Network network, DerivativeSet set, int capacity) {
        network.checkDerivatives(set);
        this.network = network;
        this.capacity = capacity;
        List<Layer> layers = network.layers();
        activations = new JetBlock[layers.size() + 1];
        adjoints = new JetBlock[layers.size() + 1];
        shared = new boolean[layers.size() + 1];
        SlabBoundary[] boundaries = new SlabBoundary[layers.size() + 1];
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l - 1) instanceof DenseLayer && layers.get(l) instanceof DenseLayer) {
                shared[l] = true;
                boundaries[l] = new SlabBoundary(layers.get(l).inputWidth(), set.size(), capacity);
            }
        }
        activations[0] = new JetBlock(set, capacity, network.inputDimension());
        for (int l = 0; l < layers.size(); l++) {
            kernels.add(kernelFor(network, l, set, capacity, boundaries[l], boundaries[l + 1]));
            activations[l + 1] = new JetBlock(set, capacity, layers.get(l).outputWidth());
            adjoints[l + 1] = new JetBlock(set, capacity, layers.get(l).outputWidth());
        }
    }

    private static String firstBlock(Layer layer) {
        return layer instanceof KanLayer ? "coef" : "weight";
    }

    private static JvmLayerKernel kernelFor(Network network, int l, DerivativeSet set, int capacity,
                                            SlabBoundary before, SlabBoundary after) {
        Layer layer = network.layers().get(l);
        if (layer instanceof PeriodicEmbedding embedding) {
            return new JvmEmbeddingKernel(embedding, set, capacity);
        }
        int offset = network.layout().block(network.prefix(l) + firstBlock(layer)).offset();
        if (layer instanceof KanLayer kan) {
            return new JvmKanKernel(kan, offset, set, capacity, l == 0);
        }
        if (layer instanceof DenseLayer dense) {
            return new JvmDenseKernel(dense, offset, set, capacity, before, after);
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
            if (!shared[l + 1]) {
                activations[l + 1].clear();
            }
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
            if (inAdjoint != null && !shared[l]) {
                inAdjoint.clear();
            }
            kernels.get(l).backward(lastTheta, activations[l], upstream, inAdjoint, lastCount,
                    grad, rowOffset, rowStride);
            upstream = inAdjoint;
        }
    }
}
