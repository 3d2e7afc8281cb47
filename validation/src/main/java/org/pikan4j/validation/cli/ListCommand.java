package org.pikan4j.validation.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.dsl.Problem;
import picocli.CommandLine.Command;

/**
 * {@code pikan list}: the catalog's problems with dimension, fields, solution type and description, and the fixed
 * parameters of those that have some.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalog problems.")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.printf("%-22s %-4s %-8s %-13s %s%n", "name", "dim", "fields", "solution", "description");
        for (CatalogEntry e : Catalog.standard().entries()) {
            System.out.printf("%-22s %-4d %-8s %-13s %s%s%n", e.name(), e.dimension(),
                    String.join(",", e.problem().fieldNames()), e.source(), e.description(), parameters(e.problem()));
        }
        return 0;
    }

    /** The fixed parameters a continuation can scale, e.g. " [parameters: nu = 0.00318310]"; empty when none. */
    private static String parameters(Problem problem) {
        return problem.parameterNames().isEmpty() ? "" : problem.parameterNames().stream()
                .map(n -> String.format(Locale.ROOT, "%s = %.6g", n, problem.parameter(n)))
                .collect(Collectors.joining(", ", " [parameters: ", "]"));
    }
}
