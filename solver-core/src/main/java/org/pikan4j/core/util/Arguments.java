package org.pikan4j.core.util;

/**
 * Argument checks shared by every package: each throws an {@link IllegalArgumentException} whose
 * message names the argument, the value it got and what would be valid, and returns the value so
 * a constructor can check and assign in one statement.
 *
 * <p>Checks that need a package's own types (a network's layers, a domain's dimension) stay in
 * that package.
 */
public final class Arguments {

    private Arguments() {
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @param <T>   its type
     * @return {@code value}, not null
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @param min   the smallest valid value
     * @return {@code value}, at least {@code min}
     */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @param min   the smallest valid value
     * @param max   the largest valid value
     * @return {@code value}, in [{@code min}, {@code max}]
     */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @return {@code value}, finite
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @return {@code value}, finite and &gt; 0
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @return {@code value}, finite and &gt;= 0
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @param min   the smallest valid value
     * @param max   the largest valid value
     * @return {@code value}, a number in [{@code min}, {@code max}]
     */
    public static double within(String name, double value, double min, double max) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be a number, got NaN");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @return {@code value}, in [0, 1)
     */
    public static double unitOpenAbove(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param value the value
     * @return {@code value}, in (0, 1]
     */
    public static double unitOpenBelow(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /**
     * @param name  the argument's name in messages
     * @param array the array
     * @param expected its required length
     * @return {@code array}, not null and of that length
     */
    public static double[] length(String name, double[] array, int expected) {
        return length(name, array, expected, null);
    }

    /**
     * @param name        the argument's name in messages
     * @param array       the array
     * @param expected    its required length
     * @param description what the length is, e.g. "the number of coefficients"; null for none
     * @return {@code array}, not null and of that length
     */
    public static double[] length(String name, double[] array, int expected, String description) {
        notNull(name, array);
        if (array.length != expected) {
            throw new IllegalArgumentException(name + ".length must be "
                    + (description == null ? "" : description + " = ") + expected + ", got " + array.length);
        }
        return array;
    }

    /**
     * @param name  the argument's name in messages
     * @param array the array
     * @return {@code array}, not null and not empty
     */
    public static double[] nonEmpty(String name, double[] array) {
        notNull(name, array);
        if (array.length == 0) {
            throw new IllegalArgumentException(name + ".length must be >= 1, got 0");
        }
        return array;
    }
}
