package org.pikan4j.problems.geometry;

import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.util.Arguments;

/** Argument validation shared by the geometry classes; every message names argument, value and rule. */
final class Checks {

    private Checks() {
    }

    static double finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + value);
        }
        return value;
    }

    static void ordered(String shape, String lowName, double low, String highName, double high) {
        finite(shape + " bound " + lowName, low);
        finite(shape + " bound " + highName, high);
        if (!(low < high)) {
            throw new IllegalArgumentException(shape + " needs " + lowName + " < " + highName + ", got "
                    + lowName + " = " + low + ", " + highName + " = " + high);
        }
    }

    static void count(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
    }


    static void point(double[] p, int dimension, List<String> coordinateNames) {
        if (p == null) {
            throw new IllegalArgumentException("point must not be null");
        }
        if (p.length != dimension) {
            throw new IllegalArgumentException("point has " + p.length + " coordinates but the domain is "
                    + dimension + "-dimensional " + coordinateNames + ", got " + Arrays.toString(p));
        }
        for (int i = 0; i < p.length; i++) {
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException("point coordinate " + coordinateNames.get(i)
                        + " must be finite, got " + p[i] + " in " + Arrays.toString(p));
            }
        }
    }

    static void sameDimension(String operation, Domain a, Domain b) {
        Arguments.notNull(operation + " operand", b);
        if (a.dimension() != b.dimension() || !a.coordinateNames().equals(b.coordinateNames())) {
            throw new IllegalArgumentException("cannot take the " + operation + " of a " + a.dimension()
                    + "-dimensional domain " + a.coordinateNames() + " and a " + b.dimension()
                    + "-dimensional domain " + b.coordinateNames());
        }
    }
}
