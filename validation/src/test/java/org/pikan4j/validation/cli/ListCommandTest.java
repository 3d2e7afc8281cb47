package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;

/** {@code pikan list} shows every catalog entry with its description, and the parameters of those with some. */
class ListCommandTest {

    @Test
    void listsEveryEntry() {
        CommandOutput r = CommandOutput.run("list");
        assertEquals(0, r.status(), r.err());
        for (CatalogEntry e : Catalog.standard().entries()) {
            assertTrue(r.out().contains(e.name()), "missing " + e.name() + " in\n" + r.out());
            assertTrue(r.out().contains(e.description()), "missing description of " + e.name());
        }
    }

    @Test
    void showsTheParametersAContinuationCanScale() {
        String burgers = CommandOutput.run("list").out().lines().filter(l -> l.startsWith("burgers1d ")).findFirst()
                .orElseThrow();
        assertTrue(burgers.endsWith(" [parameters: nu = 0.00318310]"), burgers);
        String poisson = CommandOutput.run("list").out().lines().filter(l -> l.startsWith("poisson2d ")).findFirst()
                .orElseThrow();
        assertTrue(!poisson.contains("[parameters"), poisson);
    }
}
