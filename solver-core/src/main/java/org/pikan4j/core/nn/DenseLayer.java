package org.pikan4j.core.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.pikan4j.core.tensor.ScalarFunction;
import org.pikan4j.core.util.Arguments;

/**
 * A dense layer {@code y = f(x·W + b)} with W of shape [in, out] and an elementwise activation f
 * (the identity for a linear output layer). Xavier-uniform initialization, zero bias. Immutable.
 */
public final class DenseLayer implements Layer {

    private final int inputWidth;
    private final int outputWidth;
    private final Activation activation;

    /**
     * @param inputWidth  number of inputs, at least 1
     * @param outputWidth number of outputs, at least 1
     * @param activation  the activation, {@link Activation#IDENTITY} for a linear layer
     */
    public DenseLayer(int inputWidth, int outputWidth, Activation activation) {
        Arguments.atLeast("inputWidth", inputWidth, 1);
        Arguments.atLeast("outputWidth", outputWidth, 1);
        this.inputWidth = inputWidth;
        this.outputWidth = outputWidth;
        this.activation = activation;
    }

    @Override
    public int inputWidth() {
        return inputWidth;
    }

    @Override
    public int outputWidth() {
        return outputWidth;
    }

    /** The activation applied after the affine map. */
    public Activation activation() {
        return activation;
    }

    /** The activation as a function with derivatives. */
    public ScalarFunction function() {
        return activation.function();
    }

    @Override
    public void declareParameters(String prefix, ParameterLayout.Builder layout) {
        layout.add(prefix + "weight", inputWidth, outputWidth);
        layout.add(prefix + "bias", outputWidth);
    }

    @Override
    public void initialize(String prefix, ParameterLayout layout, double[] theta,
                           UniformRandomProvider random) {
        double limit = Math.sqrt(6.0 / (inputWidth + outputWidth));
        double[] w = new double[inputWidth * outputWidth];
        for (int p = 0; p < w.length; p++) {
            w[p] = (random.nextDouble() * 2.0 - 1.0) * limit;
        }
        layout.set(theta, prefix + "weight", w);
        layout.set(theta, prefix + "bias", new double[outputWidth]);
    }

    @Override
    public String describe() {
        return "dense " + inputWidth + "->" + outputWidth + " (" + activation.function().name() + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
