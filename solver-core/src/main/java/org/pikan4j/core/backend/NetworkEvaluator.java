package org.pikan4j.core.backend;

import org.pikan4j.core.tensor.JetBlock;

/**
 * Forward jets and reverse sweep of one network on one backend, for a block of points.
 *
 * <p>Usage per block: {@code forward}, then the caller computes the adjoint of the output jets
 * (from its loss), then {@code backward}. Buffers are reused, so returned blocks are valid until
 * the next call.
 */
public interface NetworkEvaluator {

    /** Largest number of points one call accepts. */
    int capacity();

    /**
     * Output jets of {@code count} points starting at {@code first}.
     *
     * @param theta  the flat parameter vector
     * @param points input coordinates, one row per point
     * @return the output jets; entries for points beyond {@code count} are unspecified
     */
    JetBlock forward(double[] theta, double[][] points, int first, int count);

    /**
     * The reverse sweep of the last {@link #forward}: adds dL/dθ for the given output adjoint.
     * The entry of block point n and parameter p goes to {@code grad[(rowOffset + n) * rowStride + p]}:
     * with {@code rowStride = 0} every point adds into one gradient, with {@code rowStride = P}
     * each point fills its own row of a per-sample Jacobian.
     *
     * @param outputAdjoint dL/d(output jets), same layout as the forward result
     */
    void backward(JetBlock outputAdjoint, double[] grad, int rowOffset, int rowStride);

    /**
     * Checks a block size against an evaluator's capacity.
     *
     * @throws IllegalArgumentException naming the count and the valid range
     */
    static void checkCount(int count, int capacity) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("count must be in [1, " + capacity + "], got " + count);
        }
    }
}
