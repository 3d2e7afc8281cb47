package org.pikan4j.validation.study;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of the lists a study sweeps over, with messages naming the field as the study file spells it. */
final class Sweeps {

    private Sweeps() {
    }

    /**
     * An immutable copy of a non-empty list of distinct values, each at least {@code min}.
     *
     * @param field the field's path in the study file, e.g. {@code kan.grids}
     * @throws IllegalArgumentException naming the field, the offending entry and what is valid
     */
    static List<Integer> atLeast(String field, List<Integer> values, int min) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must list at least one value, got " + values);
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Integer v = values.get(i);
            if (v == null || v < min) {
                throw new IllegalArgumentException(field + "[" + i + "] must be >= " + min + ", got " + v);
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException(field + "[" + i + "] repeats " + v + "; list each value once");
            }
        }
        return List.copyOf(values);
    }

    /** Boxes an int array for {@link #atLeast}. */
    static List<Integer> list(int... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
