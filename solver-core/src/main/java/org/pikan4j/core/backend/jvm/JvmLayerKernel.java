package org.pikan4j.core.backend.jvm;

import org.pikan4j.core.tensor.JetBlock;

/** One layer's forward jets and reverse sweep on plain arrays. */
interface JvmLayerKernel {

    /** Writes the output jets of the first {@code count} points of {@code in} into {@code out}. */
    void forward(double[] theta, JetBlock in, JetBlock out, int count);

    /**
     * Adds parameter gradients and, when {@code inAdjoint} is not null, the input adjoint
     * (which the caller has zeroed), for the output adjoint of the last forward on {@code in}.
     */
    void backward(double[] theta, JetBlock in, JetBlock outAdjoint, JetBlock inAdjoint, int count,
                  double[] grad, int rowOffset, int rowStride);
}
