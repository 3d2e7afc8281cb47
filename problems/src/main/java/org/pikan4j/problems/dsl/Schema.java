package org.pikan4j.problems.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names an expression can use and the output transforms of a problem: what a {@link Scope}
 * needs besides the points.
 *
 * @param problem      the problem's name, for messages
 * @param fields       field names; field k is network output k
 * @param coordinates  all coordinate names, e.g. [x, y, t]
 * @param spatial      the spatial coordinate names (without t), for Laplacians and normals
 * @param coefficients trainable coefficient names, in declaration order
 * @param parameters   fixed parameters' values by name, in declaration order
 * @param transforms   output transforms by field index
 */
record Schema(String problem, List<String> fields, List<String> coordinates, List<String> spatial,
              List<String> coefficients, Map<String, Double> parameters, Map<Integer, OutputTransform> transforms) {

    /** The index of a field by name, or an exception listing the fields. */
    int fieldIndex(String name) {
        int k = fields.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("unknown field \"" + name + "\" in problem \"" + problem
                    + "\"; its fields are " + fields + " (declare more with fields(...))");
        }
        return k;
    }

    /** The index of a coordinate by name, or an exception listing the coordinates. */
    int coordinateIndex(String name) {
        int i = coordinates.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown coordinate \"" + name + "\" in problem \"" + problem
                    + "\"; its coordinates are " + coordinates);
        }
        return i;
    }

    /** The index of a coefficient by name, or an exception listing the coefficients. */
    int coefficientIndex(String name) {
        int k = coefficients.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("unknown coefficient \"" + name + "\" in problem \"" + problem
                    + "\"; declared coefficients are " + coefficients + " (declare with coefficient(name, initialValue))");
        }
        return k;
    }

    /** A fixed parameter's value by name, or an exception listing the parameters. */
    double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown parameter \"" + name + "\" in problem \"" + problem
                    + "\"; declared parameters are " + parameters.keySet() + " (declare with parameter(name, value))");
        }
        return value;
    }

    /** The same names with one parameter's value changed (the parameter must be declared, the value finite). */
    Schema withParameter(String name, double value) {
        parameter(name);
        Map<String, Double> changed = new LinkedHashMap<>(parameters);
        changed.put(name, finiteValue(name, value));
        return new Schema(problem, fields, coordinates, spatial, coefficients, Collections.unmodifiableMap(changed),
                transforms);
    }

    /** A parameter's value, or an exception naming the parameter when it is not finite. */
    static double finiteValue(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of parameter \"" + name + "\" must be finite, got " + value);
        }
        return value;
    }

    /** A hard constraint {@code u = g + d·N} on one field, g and d functions of the coordinates. */
    record OutputTransform(CoordinateExpression offset, CoordinateExpression scale) {
    }
}
