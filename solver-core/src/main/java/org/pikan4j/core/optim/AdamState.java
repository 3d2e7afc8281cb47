package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * The state of an {@link AdamRun}: the iteration count (bias correction and schedule), the biased moments, and
 * the base learning rate the run uses (the configured one, or a lower one after a divergence roll-back).
 * Immutable: the arrays are copied in and out.
 *
 * @param iterations   the steps taken, &gt;= 0
 * @param learningRate the base learning rate, &gt; 0 and finite
 * @param m            the first moment
 * @param v            the second moment, same length as m, entries &gt;= 0
 */
public record AdamState(int iterations, double learningRate, double[] m, double[] v) implements OptimizerState {

    /** Checks and copies. */
    public AdamState {
        Arguments.atLeast("iterations", iterations, 0);
        Arguments.positive("learningRate", learningRate);
        Arguments.notNull("m", m);
        Arguments.length("v", v, m.length);
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0)) {
                throw new IllegalArgumentException("v[" + i + "] (second moment) must be >= 0, got " + v[i]);
            }
        }
        m = m.clone();
        v = v.clone();
    }

    /** @return a copy of the first moment */
    @Override
    public double[] m() {
        return m.clone();
    }

    /** @return a copy of the second moment */
    @Override
    public double[] v() {
        return v.clone();
    }

    /**
     * The same state with the learning rate multiplied by {@code factor}.
     *
     * @param factor in (0, 1]
     * @return the slower state
     */
    public AdamState withLearningRateTimes(double factor) {
        Arguments.unitOpenBelow("factor", factor);
        return new AdamState(iterations, learningRate * factor, m, v);
    }
}
