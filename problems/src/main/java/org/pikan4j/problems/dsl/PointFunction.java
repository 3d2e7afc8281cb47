package org.pikan4j.problems.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A user's function of the coordinates, called with a copy of the point and checked: reading past
 * the domain's coordinates, or returning NaN or infinity, is reported with what the function is for.
 */
final class PointFunction {

    private final ToDoubleFunction<double[]> f;
    private final String what;
    private final List<String> coordinates;

    private PointFunction(ToDoubleFunction<double[]> f, String what, List<String> coordinates) {
        this.f = f;
        this.what = what;
        this.coordinates = coordinates;
    }

    static PointFunction of(ToDoubleFunction<double[]> f, String what, Schema schema) {
        return of(f, what, schema.coordinates());
    }

    static PointFunction of(ToDoubleFunction<double[]> f, String what, List<String> coordinates) {
        if (f == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return new PointFunction(f, what, coordinates);
    }

    /** The value at a point; NaN or infinity is an error. */
    double at(double[] point) {
        return at(point, true);
    }

    /**
     * The value at a point.
     *
     * @param finite whether NaN or infinity is an error (not during dry runs, whose point is arbitrary)
     */
    double at(double[] point, boolean finite) {
        double v;
        try {
            v = f.applyAsDouble(point.clone());
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(what + " reads a coordinate the domain does not have: points have "
                    + coordinates.size() + " coordinates " + coordinates + " (x[0] to x[" + (coordinates.size() - 1)
                    + "]), but the function failed with " + e.getMessage(), e);
        }
        if (finite && !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v + " at " + Arrays.toString(point));
        }
        return v;
    }
}
