package org.pikan4j.problems.dsl;

import java.util.Arrays;
import org.pikan4j.problems.geometry.Domain;

/** Checks observations: as many values as points, finite, of the domain's dimension and inside it. */
final class DataChecks {

    private DataChecks() {
    }

    static void check(String term, TermData data, Domain domain) {
        double[][] points = data.points();
        double[] values = data.values();
        checkPoints(term, points, domain);
        if (points.length != values.length) {
            throw new IllegalArgumentException("term \"" + term + "\" has " + points.length + " points but "
                    + values.length + " values; they must match");
        }
        for (int n = 0; n < points.length; n++) {
            if (!Double.isFinite(values[n])) {
                throw new IllegalArgumentException("term \"" + term + "\": data point " + n + " "
                        + Arrays.toString(points[n]) + " with value " + values[n] + " must be finite");
            }
        }
    }

    /** Checks the points alone: at least one, each of the domain's dimension, finite and inside it. */
    static void checkPoints(String term, double[][] points, Domain domain) {
        if (points.length == 0) {
            throw new IllegalArgumentException("term \"" + term + "\" needs at least one observation, got none");
        }
        for (int n = 0; n < points.length; n++) {
            if (points[n].length != domain.dimension()) {
                throw new IllegalArgumentException("term \"" + term + "\": data point " + n + " has "
                        + points[n].length + " coordinates, but the domain has " + domain.dimension() + " "
                        + domain.coordinateNames());
            }
            if (Arrays.stream(points[n]).anyMatch(v -> !Double.isFinite(v))) {
                throw new IllegalArgumentException("term \"" + term + "\": data point " + n + " "
                        + Arrays.toString(points[n]) + " must be finite");
            }
            if (!domain.contains(points[n])) {
                throw new IllegalArgumentException("term \"" + term + "\": data point " + n + " "
                        + Arrays.toString(points[n]) + " lies outside the domain " + domain);
            }
        }
    }
}
