package org.pikan4j.core.optim;

/** Argument checks producing messages that name the argument, the value and the valid range. */
final class Checks {

    private Checks() {
    }

    static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        }
        return value;
    }

    /** Checks {@code 0 <= value < 1}. */
    static double unitOpenAbove(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** Checks {@code 0 < value <= 1}. */
    static double unitOpenBelow(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /** Checks {@code 0 <= value <= 1}. */
    static double unitClosed(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
        return value;
    }

    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static double[] length(String name, double[] array, int expected) {
        notNull(name, array);
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name + ".length must be " + expected + ", got " + array.length);
        }
        return array;
    }

    static double[] nonEmpty(String name, double[] array) {
        notNull(name, array);
        if (array.length == 0) {
            throw new IllegalArgumentException(name + ".length must be >= 1, got 0");
        }
        return array;
    }
}
