package org.pikan4j.validation.cli;

import java.util.concurrent.Callable;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import picocli.CommandLine.Command;

/** {@code pikan list}: the catalog's problems with dimension, fields, solution type and description. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalog problems.")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.printf("%-22s %-4s %-8s %-13s %s%n", "name", "dim", "fields", "solution", "description");
        for (CatalogEntry e : Catalog.standard().entries()) {
            System.out.printf("%-22s %-4d %-8s %-13s %s%n", e.name(), e.dimension(),
                    String.join(",", e.problem().fieldNames()), e.source(), e.description());
        }
        return 0;
    }
}
