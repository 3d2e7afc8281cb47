package org.pikan4j.core.backend.jvm;

import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.DerivativeSet;

/**
 * The default backend: plain Java arrays, no native start-up. KAN layers use only the k+1
 * non-zero B-splines per input and point, dense layers use cache-friendly axpy loops the JIT
 * vectorizes; points are processed in small blocks that stay in cache.
 */
public final class JvmBackend implements Backend {

    /** Points per block; measured: 64-256 are equally fast on the KAN [2,10,1] Poisson loss. */
    public static final int DEFAULT_BLOCK = 128;

    private final int blockSize;

    /** A backend with the default block size. */
    public JvmBackend() {
        this(DEFAULT_BLOCK);
    }

    /** A backend with the given block size (points per evaluator call), at least 1. */
    public JvmBackend(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        }
        this.blockSize = blockSize;
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public NetworkEvaluator evaluator(Network network, DerivativeSet derivatives, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        return new JvmEvaluator(network, derivatives, capacity);
    }

    @Override
    public String toString() {
        return "JvmBackend[block=" + blockSize + "]";
    }
}
