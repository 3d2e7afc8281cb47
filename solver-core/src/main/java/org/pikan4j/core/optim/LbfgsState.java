package org.pikan4j.core.optim;

import org.pikan4j.core.util.Arguments;

/**
 * The state of an {@link LbfgsRun} besides its parameters: the correction pairs, oldest first. The value and
 * gradient at the parameters are not part of it: a restored run evaluates them again, which gives the same bits
 * (the loss is deterministic for a fixed thread count). Immutable: the arrays are copied in and out.
 *
 * @param s step differences, each of the same length
 * @param y gradient differences, as many as s, each of that length
 */
public record LbfgsState(double[][] s, double[][] y) implements OptimizerState {

    /** Checks and copies. */
    public LbfgsState {
        Arguments.notNull("s", s);
        Arguments.notNull("y", y);
        if (s.length != y.length) {
            throw new IllegalArgumentException("y must hold as many pairs as s (" + s.length + "), got " + y.length);
        }
        s = copy(s, "s");
        y = copy(y, "y");
        for (int k = 0; k < s.length; k++) {
            Arguments.length("s[" + k + "]", s[k], s[0].length);
            Arguments.length("y[" + k + "]", y[k], s[0].length);
        }
    }

    /** A state without pairs: the next step is steepest descent. */
    public static LbfgsState empty() {
        return new LbfgsState(new double[0][], new double[0][]);
    }

    /** @return the number of correction pairs */
    public int pairs() {
        return s.length;
    }

    /** @return a copy of the step differences */
    @Override
    public double[][] s() {
        return copy(s, "s");
    }

    /** @return a copy of the gradient differences */
    @Override
    public double[][] y() {
        return copy(y, "y");
    }

    private static double[][] copy(double[][] a, String name) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) {
            c[k] = Arguments.notNull(name + "[" + k + "]", a[k]).clone();
        }
        return c;
    }
}
