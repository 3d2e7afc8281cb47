package org.pikan4j.core.backend.nd4j;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.DenseLayer;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * Chains the device layers: uploads the input jets of a block in one call, runs every layer on
 * ND4J arrays, downloads the output jets into a host {@link JetBlock}; the reverse sweep uploads
 * the output adjoint and sends parameter gradients to the host layer by layer.
 */
public final class Nd4jEvaluator implements NetworkEvaluator {

    private final Network network;
    private final DerivativeSet set;
    private final int capacity;
    private final DeviceOps ops;
    private final List<Nd4jLayer> layers = new ArrayList<>();
    private final JetBlock output;
    private int lastCount = -1;
    private double[] lastTheta;

    Nd4jEvaluator(Network network, DerivativeSet set, int capacity, DataType dataType) {
        network.checkDerivatives(set);
        this.ops = new DeviceOps(dataType);
        this.network = network;
        this.set = set;
        this.capacity = capacity;
        DeviceChainRule chain = new DeviceChainRule(set.chainRule(), ops);
        for (int l = 0; l < network.layers().size(); l++) {
            layers.add(layerFor(network, l, chain, set.maxOrder()));
        }
        this.output = new JetBlock(set, capacity, network.outputDimension());
    }

    private Nd4jLayer layerFor(Network network, int l, DeviceChainRule chain, int maxOrder) {
        Layer layer = network.layers().get(l);
        if (layer instanceof KanLayer) {
            int offset = network.layout().block(network.prefix(l) + "coef").offset();
            return new Nd4jKanLayer((KanLayer) layer, offset, chain, maxOrder, ops);
        }
        if (layer instanceof DenseLayer) {
            int offset = network.layout().block(network.prefix(l) + "weight").offset();
            return new Nd4jDenseLayer((DenseLayer) layer, offset, chain, maxOrder, ops);
        }
        throw new IllegalArgumentException("the nd4j backend has no kernel for layer " + layer.describe());
    }

    /** Number of ND4J calls (kernels, GEMMs, transfers) this evaluator has issued so far. */
    public long nd4jCalls() {
        return ops.calls();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public JetBlock forward(double[] theta, double[][] points, int first, int count) {
        NetworkEvaluator.checkCount(count, capacity);
        network.checkParameters(theta);
        DeviceJets jets = new DeviceJets(ops.upload(inputJets(points, first, count),
                (long) set.size() * count, set.dimension()), set.size(), count);
        for (Nd4jLayer layer : layers) {
            jets = layer.forward(theta, jets);
        }
        toHostBlock(ops.download(jets.data()), count, output);
        lastCount = count;
        lastTheta = theta;
        return output;
    }

    @Override
    public void backward(JetBlock outputAdjoint, double[] grad, int rowOffset, int rowStride) {
        if (lastCount < 0) {
            throw new IllegalStateException("backward needs a forward first");
        }
        int width = network.outputDimension();
        DeviceJets upstream = new DeviceJets(ops.upload(toComponentMajor(outputAdjoint, lastCount, width),
                (long) set.size() * lastCount, width), set.size(), lastCount);
        GradientSink sink = new GradientSink(ops, grad, rowOffset, rowStride, lastCount);
        for (int l = layers.size() - 1; l >= 0; l--) {
            upstream = layers.get(l).backward(lastTheta, upstream, sink, l > 0);
        }
    }

    /** Input jets, component-major: value slab = coordinates, slab of ∂/∂x_i = 1 in column i. */
    private double[] inputJets(double[][] points, int first, int count) {
        int d = set.dimension();
        double[] host = new double[set.size() * count * d];
        for (int n = 0; n < count; n++) {
            System.arraycopy(points[first + n], 0, host, n * d, d);
        }
        for (int i = 0; i < d; i++) {
            MultiIndex unit = MultiIndex.unit(d, i);
            if (set.contains(unit)) {
                int slab = set.indexOf(unit) * count * d;
                for (int n = 0; n < count; n++) {
                    host[slab + n * d + i] = 1.0;
                }
            }
        }
        return host;
    }

    /** Component-major [C·N, w] device rows into the host block, first {@code count} points. */
    private void toHostBlock(double[] componentMajor, int count, JetBlock block) {
        int components = set.size();
        int width = network.outputDimension();
        for (int c = 0; c < components; c++) {
            for (int n = 0; n < count; n++) {
                for (int u = 0; u < width; u++) {
                    block.set(n, c, u, componentMajor[(c * count + n) * width + u]);
                }
            }
        }
    }

    /** A host block to component-major [C·N, w] rows, first {@code count} points. */
    private double[] toComponentMajor(JetBlock block, int count, int width) {
        int components = set.size();
        double[] host = new double[components * count * width];
        for (int c = 0; c < components; c++) {
            for (int n = 0; n < count; n++) {
                for (int u = 0; u < width; u++) {
                    host[(c * count + n) * width + u] = block.get(n, c, u);
                }
            }
        }
        return host;
    }
}
