package org.pikan4j.core.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.backend.Precision;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.DerivativeSet;

/**
 * The ND4J backend: jets live on the device (native CPU, or the GPU with the {@code cuda}
 * profile) as stacked [components·points, width] matrices, so every linear map is one GEMM for
 * all derivative components, and activations apply the chain rule with elementwise array ops.
 * KAN layers multiply a stacked B-spline basis matrix by the coefficient matrix; the basis
 * values are computed on the host (k+1 non-zero functions per point) and uploaded in one call
 * per layer, the rest of the forward and reverse sweep runs on the device.
 *
 * <p>Arrays are DOUBLE, or FLOAT for {@link Precision#FLOAT32}: each array is created with its
 * type, so backends of both precisions can live in one process. Constructing a backend sets
 * ND4J's process-wide options: DOUBLE as the default data type,
 * and the number of ND4J and BLAS threads (1 by default: measured faster at PINN sizes, where
 * ND4J's own threads slow small ops down).
 */
public final class Nd4jBackend implements Backend {

    /**
     * Points per evaluator call. A whole typical term (a few thousand points) goes in one call,
     * so the fixed cost of each ND4J call is paid once; the bound keeps the host buffers callers
     * size by it small (a per-sample Jacobian block of 4096 rows by P parameters, e.g. 16 MB for
     * P = 500).
     */
    public static final int DEFAULT_BLOCK = 4096;

    private final int blockSize;
    private final Precision precision;
    private final java.util.List<Nd4jEvaluator> evaluators = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A float64 backend with the default block size and one thread. */
    public Nd4jBackend() {
        this(Precision.FLOAT64);
    }

    /** A backend in the given precision with the default block size and one thread. */
    public Nd4jBackend(Precision precision) {
        this(DEFAULT_BLOCK, 1, precision);
    }

    /**
     * A float64 backend.
     *
     * @param blockSize points per evaluator call, at least 1
     * @param threads   ND4J and BLAS threads, at least 1 (more pay off for large GEMMs only)
     */
    public Nd4jBackend(int blockSize, int threads) {
        this(blockSize, threads, Precision.FLOAT64);
    }

    /**
     * @param blockSize points per evaluator call, at least 1
     * @param threads   ND4J and BLAS threads, at least 1 (more pay off for large GEMMs only)
     * @param precision the data type of every device array (host data is converted at upload
     *                  and download; residuals and the loss stay float64 on the host)
     */
    public Nd4jBackend(int blockSize, int threads, Precision precision) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.blockSize = blockSize;
        this.precision = java.util.Objects.requireNonNull(precision, "precision");
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        // ND4J's periodic System.gc() (to free off-heap buffers) made evaluations 2x slower (JMH: 423
        // -> 189 ms for the KAN Poisson loss); JavaCPP still collects when its off-heap limit is reached
        Nd4j.getMemoryManager().togglePeriodicGc(false);
    }

    @Override
    public String name() {
        return "nd4j";
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
        Nd4jEvaluator evaluator = new Nd4jEvaluator(network, derivatives, capacity, dataType());
        evaluators.add(evaluator);
        return evaluator;
    }

    private DataType dataType() {
        return precision == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    @Override
    public Precision precision() {
        return precision;
    }

    /**
     * ND4J's count of the bytes it allocated on the current device (JavaCPP's pointers plus its
     * allocation tracker). On the native CPU backend of 1.0.0-M2.1 array buffers escape this
     * count (measured: 16 MB of arrays moved it by 64 bytes), so there the process's resident
     * set is the measure of native memory; the CUDA backend tracks device memory here.
     */
    @Override
    public long offHeapBytes() {
        return Nd4j.getMemoryManager().allocatedMemory(Nd4j.getAffinityManager().getDeviceForCurrentThread());
    }

    @Override
    public long nativeCalls() {
        return evaluators.stream().mapToLong(Nd4jEvaluator::nd4jCalls).sum();
    }

    @Override
    public String toString() {
        return "Nd4jBackend[block=" + blockSize + ", " + precision + "]";
    }
}
