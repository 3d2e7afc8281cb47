package org.pikan4j.core.backend;

import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.DerivativeSet;

/**
 * Runs networks: forward jets and the reverse sweep. The engine above it (losses, residuals,
 * optimizers) never knows which backend runs it. Two implementations pass the same tests:
 * {@code jvm} (plain Java arrays, fused local-support kernels, the default) and {@code nd4j}
 * (ND4J INDArrays: native CPU, or CUDA with the {@code cuda} Maven profile).
 */
public interface Backend {

    /** The name users select the backend by, e.g. {@code "jvm"}. */
    String name();

    /**
     * How many points one evaluator call should take: small blocks that stay in cache for
     * {@code jvm}, everything at once for {@code nd4j}, whose per-call overhead is fixed.
     */
    int blockSize();

    /**
     * An evaluator for one network and one derivative set, with buffers for up to
     * {@link #blockSize()} points reused across calls. Not thread-safe: use one per thread.
     */
    default NetworkEvaluator evaluator(Network network, DerivativeSet derivatives) {
        return evaluator(network, derivatives, blockSize());
    }

    /**
     * An evaluator like {@link #evaluator(Network, DerivativeSet)} but for up to {@code capacity} points per call:
     * for callers that need every point's forward state at once, e.g. a loss term on sums over all its points.
     *
     * @param capacity points per call, at least 1
     */
    NetworkEvaluator evaluator(Network network, DerivativeSet derivatives, int capacity);

    /** The format the network is computed in; {@link Precision#FLOAT64} unless configured otherwise. */
    default Precision precision() {
        return Precision.FLOAT64;
    }

    /**
     * Calls issued to a native library by this backend's evaluators so far, for benchmarks that
     * report the calls per evaluation; 0 for backends without native calls.
     */
    default long nativeCalls() {
        return 0;
    }

    /**
     * Bytes this backend holds outside the Java heap right now (native arrays of ND4J), for
     * benchmarks that report memory; 0 for backends that keep everything on the heap.
     */
    default long offHeapBytes() {
        return 0;
    }
}
