package org.pikan4j.core.spline;

/** Argument checks whose messages name the argument, the offending value and what is valid. */
final class Checks {

    private Checks() {
    }

    static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    static void requireInRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    static void requireNonNull(String name, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    static void requireLength(String name, double[] array, int expected, String expectedDescription) {
        requireNonNull(name, array);
        if (array.length != expected) {
            throw new IllegalArgumentException(name + ".length must be " + expectedDescription
                    + " = " + expected + ", got " + array.length);
        }
    }
}
