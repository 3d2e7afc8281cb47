package org.pikan4j.core.backend;

import java.util.Arrays;
import java.util.Locale;

/**
 * The floating-point format a backend computes the network in. Float64 is the default
 * everywhere; float32 halves memory traffic and runs at full speed on GPUs (whose float64
 * units are often a fraction of their float32 ones), at the price of a relative rounding
 * error near 6e-8 instead of 1e-16.
 *
 * <p>What float32 covers: the network's forward jets and its reverse sweep (every GEMM, every
 * chain-rule product, the parameter gradients reduced over points), i.e. the whole device part of
 * the pipeline. The residual expressions, the loss sum and the optimizer stay in float64 on the
 * host: they cost O(points x components), a few percent of a step, and keeping them in double
 * keeps the loss and L-BFGS's line search free of float32 cancellation. Only the {@code nd4j}
 * backend offers float32 (native CPU or CUDA); {@code jvm} computes in float64 only, since scalar
 * float arithmetic is no faster than double in the JIT's code and a second copy of every kernel
 * would buy nothing on the CPU.
 */
public enum Precision {

    /** IEEE double, the default. */
    FLOAT64("float64"),

    /** IEEE single, for GPUs; nd4j backend only. */
    FLOAT32("float32");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /** The name users select it by: {@code float64} or {@code float32}. */
    public String label() {
        return label;
    }

    /**
     * The precision with the given name ({@code float64}/{@code double} or {@code float32}/{@code float}).
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static Precision named(String name) {
        switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "float64":
            case "double":
                return FLOAT64;
            case "float32":
            case "float":
                return FLOAT32;
            default:
                throw new IllegalArgumentException("unknown precision \"" + name + "\"; valid: "
                        + Arrays.stream(values()).map(Precision::label).toList());
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
