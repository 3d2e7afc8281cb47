package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * The state of an {@link LbfgsRun} that keeps a dense inverse Hessian ({@link Lbfgs#withDenseInverse()}): the
 * matrix's upper triangle, row by row (n(n + 1) / 2 numbers for n parameters), or nothing before the first step.
 * Immutable: the array is copied in and out.
 *
 * @param upperTriangle the upper triangle of H row by row, or an empty array for a run that has learned nothing
 */
public record BfgsState(double[] upperTriangle) implements OptimizerState {

    /** Checks and copies. */
    public BfgsState {
        upperTriangle = Arguments.notNull("upperTriangle", upperTriangle).clone();
    }

    /** A state without curvature: the next step is steepest descent. */
    public static BfgsState empty() {
        return new BfgsState(new double[0]);
    }

    /**
     * The numbers in the upper triangle of an inverse Hessian for {@code parameters} parameters.
     *
     * @param parameters the parameter count n
     * @return n(n + 1) / 2
     */
    public static long upperTriangleLength(int parameters) {
        return (long) parameters * (parameters + 1) / 2;
    }

    /** @return whether the state holds no curvature yet */
    public boolean isEmpty() {
        return upperTriangle.length == 0;
    }

    /** @return a copy of the upper triangle */
    @Override
    public double[] upperTriangle() {
        return upperTriangle.clone();
    }
}
