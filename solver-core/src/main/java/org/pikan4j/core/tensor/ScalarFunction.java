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
     * f and its derivatives at {@code count} points {@code x[xAt + n * xStride]}, written to
     * {@code out[outAt + r * count + n]} for r = 0..maxOrder (the layout of
     * {@link FaaDiBrunoTable#composeAll}): one call per block instead of one per point. The default
     * calls {@link #derivatives(double, int, double[])} point by point; closed forms override it with
     * one loop that the JIT compiles with the function inlined.
     *
     * @param maxOrder at most {@link #MAX_DERIVATIVE}
     */
    default void derivatives(double[] x, int xAt, int xStride, int count, int maxOrder, double[] out, int outAt) {
        double[] f = new double[maxOrder + 1];
        for (int n = 0; n < count; n++) {
            derivatives(x[xAt + n * xStride], maxOrder, f);
            for (int r = 0; r <= maxOrder; r++) {
                out[outAt + r * count + n] = f[r];
            }
        }
    }

    /** A short name for messages and saved models, e.g. {@code "tanh"}. */
    String name();
}
