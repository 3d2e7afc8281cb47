package org.pikan4j.core.backend.nd4j;

/** One layer's forward jets and reverse sweep on device arrays; keeps what its backward needs. */
interface Nd4jLayer {

    /** The output jets for input jets {@code in}, remembering what the reverse sweep needs. */
    DeviceJets forward(double[] theta, DeviceJets in);

    /**
     * Sends the parameter gradients of the last forward, for output adjoint {@code outBar}, to
     * {@code sink}; returns the input adjoint, or null when {@code needInput} is false.
     */
    DeviceJets backward(double[] theta, DeviceJets outBar, GradientSink sink, boolean needInput);
}
