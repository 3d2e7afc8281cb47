package org.pikan4j.validation.reference;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.dsl.Problem;

/**
 * The numerical reference solutions that catalog entries name ({@link CatalogEntry#reference()}),
 * by name. Module problems holds the catalog but no numerical solvers and cannot depend on this
 * module; so an entry names its reference, and this class, which can compute it, attaches it.
 * To add one: a reference class in this package and a line in {@link #BY_NAME}.
 */
public final class ReferenceSolutions {

    /** Reference solutions by name, each a map from field name to the field at (x, t). */
    private static final Map<String, Map<String, ToDoubleFunction<double[]>>> BY_NAME = Map.of(
            "burgers-cole-hopf", Map.of("u", p -> BurgersReference.standard().value(p[0], p[1])),
            "allen-cahn-d1e-3", Map.of("u", p -> AllenCahnGrids.MILD.value(p[0], p[1])),
            "allen-cahn-d1e-4", Map.of("u", p -> AllenCahnGrids.SHARP.value(p[0], p[1])));

    /** The Allen-Cahn references, solved (or read from the disk cache) on first use. */
    private static final class AllenCahnGrids {
        /** 512 x 101 samples: cubic interpolation error far below the 1e-6 resolution agreement. */
        static final GridSolution MILD = AllenCahnReference.withDiffusion(1e-3).solve(512, 101);
        static final GridSolution SHARP = AllenCahnReference.withDiffusion(1e-4).solve(1024, 101);
    }

    private ReferenceSolutions() {
    }

    /**
     * The fields of a named reference solution.
     *
     * @throws IllegalArgumentException naming the value and the known names when unknown
     */
    public static Map<String, ToDoubleFunction<double[]>> named(String name) {
        Map<String, ToDoubleFunction<double[]>> fields = BY_NAME.get(name);
        if (fields == null) {
            throw new IllegalArgumentException("unknown reference solution \"" + name + "\"; known: "
                    + String.join(", ", BY_NAME.keySet().stream().sorted().toList()));
        }
        return fields;
    }

    /**
     * The entry's problem with its reference solution attached as the exact solution of every
     * field, so it can be scored like any other; the problem itself for entries with exact
     * solutions.
     *
     * @throws IllegalArgumentException when the reference is unknown or lacks a field of the problem
     */
    public static Problem attach(CatalogEntry entry) {
        if (entry.reference().isEmpty()) {
            return entry.problem();
        }
        String name = entry.reference().get();
        Map<String, ToDoubleFunction<double[]>> fields = named(name);
        Problem p = entry.problem();
        for (String field : p.fieldNames()) {
            ToDoubleFunction<double[]> f = fields.get(field);
            if (f == null) {
                throw new IllegalArgumentException("reference solution \"" + name + "\" of catalog entry \""
                        + entry.name() + "\" has no field \"" + field + "\"; it has " + fields.keySet());
            }
            p = p.withExact(field, f);
        }
        return p;
    }
}
