package org.pikan4j.core.tensor;

/**
 * A smooth function of one variable with its derivatives, the building block of jet
 * nonlinearities (activations, sin, exp, ...).
 */
public interface ScalarFunction {

    /** Highest derivative order this function can supply. */
    int MAX_DERIVATIVE = MultiIndex.MAX_ORDER + 1;

    /**
     * Writes f(x), f'(x), ..., f^(maxOrder)(x) into {@code out[0..maxOrder]}.
     *
     * @param maxOrder at most {@link #MAX_DERIVATIVE}
     */
    void derivatives(double x, int maxOrder, double[] out);

    /**
     * f and its derivatives at the points {@code x[0..count)}, written to {@code out[r][n]} for r = 0..maxOrder
     * (the slabs of {@link FaaDiBrunoTable#composeSlabs}): one call per block instead of one per point. The
     * default calls {@link #derivatives(double, int, double[])} point by point; closed forms override it with
     * one loop that the JIT compiles with the function inlined.
     *
     * @param maxOrder at most {@link #MAX_DERIVATIVE}
     */
    default void derivatives(double[] x, int count, int maxOrder, double[][] out) {
        double[] f = new double[maxOrder + 1];
        for (int n = 0; n < count; n++) {
            derivatives(x[n], maxOrder, f);
            for (int r = 0; r <= maxOrder; r++) {
                out[r][n] = f[r];
            }
        }
    }

    /** A short name for messages and saved models, e.g. {@code "tanh"}. */
    String name();
}
