package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.problems.geometry.BoundarySelector;

/**
 * Readable term names: the kind, then in brackets the field when one was named and the boundary
 * selection unless it is everything: "pde", "pde[v]", "dirichlet[left]", "neumann[v, top+bottom]".
 * Periodic terms name the coordinate, the derivative term with a prime: "periodic[x]", "periodic[x]'",
 * "periodic[v, x]'".
 */
final class TermNames {

    private TermNames() {
    }

    static String name(String kind, String field, BoundarySelector selector) {
        List<String> qualifiers = new ArrayList<>();
        if (field != null) {
            qualifiers.add(field);
        }
        String selection = label(selector);
        if (selection != null) {
            qualifiers.add(selection);
        }
        return qualifiers.isEmpty() ? kind : kind + "[" + String.join(", ", qualifiers) + "]";
    }

    /**
     * The name of a periodic term.
     *
     * @param field      the field's name, null for a single-field problem
     * @param derivative the first-derivative term rather than the value term
     */
    static String periodic(String coordinate, String field, boolean derivative) {
        String base = "periodic[" + (field == null ? "" : field + ", ") + coordinate + "]";
        return derivative ? base + "'" : base;
    }

    /** The selection as text, null for everything. */
    private static String label(BoundarySelector selector) {
        if (selector == null || selector == BoundarySelector.ALL) {
            return null;
        }
        String s = selector.toString();
        if (s.startsWith("named[") && s.endsWith("]")) {
            return s.substring("named[".length(), s.length() - 1).replace(", ", "+");
        }
        if (s.startsWith("where(")) {
            return "where";
        }
        return s;
    }

    /** The selection for messages, lambdas shown as {@code <predicate>}. */
    static String describe(BoundarySelector selector) {
        return selector.toString().replaceAll("[\\w.$]*\\$\\$Lambda[\\w$/.@]*", "<predicate>");
    }

    /** Appends "#2", "#3", ... to repeated names, so every term name is unique. */
    static List<TermSpec> deduplicate(List<TermSpec> specs) {
        Map<String, Integer> seen = new HashMap<>();
        List<TermSpec> out = new ArrayList<>();
        for (TermSpec s : specs) {
            int count = seen.merge(s.name(), 1, Integer::sum);
            out.add(count == 1 ? s : s.withName(s.name() + "#" + count));
        }
        return out;
    }
}
