package org.pikan4j.core.symbolic;

/** Argument checks of the symbolic package, with messages that name the value and the bound. */
final class FitChecks {

    private FitChecks() {
    }

    /** Samples must be non-empty, of equal length and finite. */
    static void data(double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x must hold at least one sample, got none");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and "
                    + y.length);
        }
        for (int p = 0; p < x.length; p++) {
            if (!Double.isFinite(x[p]) || !Double.isFinite(y[p])) {
                throw new IllegalArgumentException("sample " + p + " must be finite, got x = " + x[p] + ", y = "
                        + y[p]);
            }
        }
    }

    /** An index in [0, bound). */
    static void index(String name, int value, int bound) {
        if (value < 0 || value >= bound) {
            throw new IllegalArgumentException(name + " must be in [0, " + bound + "), got " + value);
        }
    }
}
