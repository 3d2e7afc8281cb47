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

    /** A short name for messages and saved models, e.g. {@code "tanh"}. */
    String name();
}
