package org.pikan4j.core.io;

import java.nio.file.Path;
import java.util.Map;

/** Typed access to the header entries of a file, with messages naming the key, the value and what was expected. */
final class HeaderEntries {

    private final Path file;
    private final Map<String, String> h;

    HeaderEntries(Path file, Map<String, String> h) {
        this.file = file;
        this.h = h;
    }

    Path file() {
        return file;
    }

    boolean has(String key) {
        return h.containsKey(key);
    }

    String string(String key) throws ModelFileException {
        String value = h.get(key);
        if (value == null) {
            throw HeaderText.invalid(file, "header lacks the key \"" + key + "\"");
        }
        return value;
    }

    int integer(String key) throws ModelFileException {
        return integers(key, 1)[0];
    }

    /** An integer of at least {@code min}. */
    int integer(String key, int min) throws ModelFileException {
        int value = integer(key);
        if (value < min) {
            throw malformed(key, "an integer >= " + min);
        }
        return value;
    }

    int[] integers(String key, int count) throws ModelFileException {
        String[] parts = string(key).split(",", -1);
        if (parts.length != count) {
            throw malformed(key, count + " integer(s)");
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                values[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException ex) {
                throw malformed(key, count + " integer(s)");
            }
        }
        return values;
    }

    boolean bool(String key) throws ModelFileException {
        String value = string(key);
        if (!value.equals("true") && !value.equals("false")) {
            throw malformed(key, "true or false");
        }
        return value.equals("true");
    }

    double number(String key) throws ModelFileException {
        double[] values = numbers(key);
        if (values.length != 1) {
            throw malformed(key, "one number");
        }
        return values[0];
    }

    double[] numbers(String key) throws ModelFileException {
        String[] parts = string(key).split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException ex) {
                throw malformed(key, "comma-separated numbers");
            }
        }
        return values;
    }

    ModelFileException malformed(String key, String expected) {
        return HeaderText.invalid(file, "header key \"" + key + "\" must hold " + expected + ", got \"" + h.get(key)
                + "\"");
    }
}
