package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nd4j.shade.jackson.databind.JsonNode;

/**
 * Typed reads of one JSON object of a study file, each failure an exception naming the field by
 * its path ({@code kan.grids[1]}), what was found and what is valid.
 */
final class JsonFields {

    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * The object at {@code path} whose keys must all be among {@code allowed}.
     *
     * @param path the object's path, "" for the top level
     * @throws IllegalArgumentException when the node is not an object or has an unknown key
     */
    static JsonFields object(JsonNode node, String path, List<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException((path.isEmpty() ? "the study" : path) + " must be an object {...}, got "
                    + describe(node));
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                String near = nearest(key, allowed);
                throw new IllegalArgumentException("unknown key \"" + key + "\"" + (path.isEmpty() ? "" : " in " + path)
                        + (near == null ? "" : " (did you mean \"" + near + "\"?)") + "; valid keys: "
                        + String.join(", ", allowed));
            }
        }
        return new JsonFields(node, path);
    }

    /** Whether the key is present (a null value is present, and rejected by the typed reads). */
    boolean has(String key) {
        return node.has(key);
    }

    /** The nested object at {@code key}, its keys among {@code allowed}. */
    JsonFields object(String key, List<String> allowed) {
        return object(node.get(key), at(key), allowed);
    }

    /** A text value. */
    String text(String key) {
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(at(key) + " must be a string, got " + describe(v));
        }
        return v.asText();
    }

    /** Whether the value is a string. */
    boolean isText(String key) {
        return node.get(key).isTextual();
    }

    /** An integer value. */
    int integer(String key) {
        return toInt(node.get(key), at(key));
    }

    /** A number, integer or not. */
    double number(String key) {
        JsonNode v = node.get(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(at(key) + " must be a number, got " + describe(v));
        }
        return v.asDouble();
    }

    /** A list of integers; a single integer counts as a list of one. */
    List<Integer> integers(String key) {
        List<Integer> values = new ArrayList<>();
        for (long v : longs(key)) {
            if (v != (int) v) {
                throw new IllegalArgumentException(at(key) + " must list integers of at most " + Integer.MAX_VALUE
                        + ", got " + v);
            }
            values.add((int) v);
        }
        return values;
    }

    /** A list of whole numbers (64-bit); a single one counts as a list of one. */
    List<Long> longs(String key) {
        JsonNode v = node.get(key);
        List<Long> values = new ArrayList<>();
        if (!v.isArray()) {
            values.add(toLong(v, at(key)));
            return values;
        }
        for (int i = 0; i < v.size(); i++) {
            values.add(toLong(v.get(i), at(key) + "[" + i + "]"));
        }
        return values;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int toInt(JsonNode v, String where) {
        long value = toLong(v, where);
        if (value != (int) value) {
            throw new IllegalArgumentException(where + " must be an integer of at most " + Integer.MAX_VALUE + ", got "
                    + value);
        }
        return (int) value;
    }

    private static long toLong(JsonNode v, String where) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(where + " must be an integer, got " + describe(v));
        }
        return v.asLong();
    }

    /** E.g. {@code "ten" (a string)}, {@code 2.5 (a number with a fraction)}, {@code [1,2] (a list)}. */
    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return v + " (a string)";
        }
        if (v.isArray()) {
            return v + " (a list)";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isFloatingPointNumber()) {
            return v + " (a number with a fraction)";
        }
        return v.toString();
    }

    /** The allowed key within edit distance 2 of a misspelt one, or null. */
    private static String nearest(String key, List<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String a : allowed) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), a.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
