package org.pikan4j.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several named double arrays in the one parameter section of the container: concatenated in order, with the
 * header key {@value #KEY} listing {@code name:length} pairs, e.g. {@code theta:450,adam.m:450}.
 */
final class ArrayPayload {

    /** The header key listing the arrays. */
    static final String KEY = "arrays";

    private final Map<String, double[]> arrays = new LinkedHashMap<>();

    /** Appends an array (not copied: it must not change before {@link #values()}). */
    ArrayPayload add(String name, double[] values) {
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(',') >= 0 || arrays.containsKey(name)) {
            throw new IllegalArgumentException("array names must be new, non-empty, without ':' or ',', got \""
                    + name + "\"");
        }
        arrays.put(name, values);
        return this;
    }

    /** Appends the rows of a matrix, row after row. */
    ArrayPayload addRows(String name, double[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return add(name, flat);
    }

    /** The value of the header key {@value #KEY}. */
    String listing() {
        List<String> parts = new ArrayList<>();
        arrays.forEach((name, values) -> parts.add(name + ":" + values.length));
        return String.join(",", parts);
    }

    /** All arrays concatenated. */
    double[] values() {
        double[] all = new double[arrays.values().stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (double[] a : arrays.values()) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }

    /** Splits a payload by its listing; the lengths must add up to the payload's. */
    static Map<String, double[]> split(Path file, String listing, double[] payload) throws ModelFileException {
        Map<String, double[]> out = new LinkedHashMap<>();
        int at = 0;
        for (String part : listing.isEmpty() ? new String[0] : listing.split(",", -1)) {
            int colon = part.lastIndexOf(':');
            int length;
            try {
                length = colon <= 0 ? -1 : Integer.parseInt(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || out.containsKey(part.substring(0, Math.max(colon, 0)))) {
                throw HeaderText.invalid(file, "header key \"" + KEY + "\" must list distinct name:length pairs, got \""
                        + part + "\"");
            }
            if (at + (long) length > payload.length) {
                throw HeaderText.invalid(file, "header key \"" + KEY + "\" lists more numbers than the "
                        + payload.length + " the file holds");
            }
            out.put(part.substring(0, colon), Arrays.copyOfRange(payload, at, at + length));
            at += length;
        }
        if (at != payload.length) {
            throw HeaderText.invalid(file, "header key \"" + KEY + "\" lists " + at + " numbers, the file holds "
                    + payload.length);
        }
        return out;
    }

    /** One array of a split payload, checked for its expected length. */
    static double[] take(Path file, Map<String, double[]> arrays, String name, long expected)
            throws ModelFileException {
        double[] values = arrays.get(name);
        if (values == null) {
            throw HeaderText.invalid(file, "the file lacks the array \"" + name + "\"");
        }
        if (values.length != expected) {
            throw HeaderText.invalid(file, "array \"" + name + "\" must hold " + expected + " numbers, got "
                    + values.length);
        }
        return values;
    }

    /** The rows of a matrix array. */
    static double[][] rows(double[] flat, int rows, int columns) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return out;
    }
}
