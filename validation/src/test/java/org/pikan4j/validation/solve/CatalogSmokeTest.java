package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;

/**
 * Every catalog entry solves end to end with a tiny budget (recommended network without grid
 * extensions, 30 Adam steps, few points, one thread): no error, finite errors against the exact
 * or reference solution, and a loss that went down.
 */
class CatalogSmokeTest {

    static Stream<CatalogEntry> entries() {
        return Catalog.standard().entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void solvesWithATinyBudgetAndTheLossDecreases(CatalogEntry entry) {
        Solution s = Solver.of(entry)
                .withModel(entry.recommendation().model().withExtensions())
                .withCollocation(Collocation.of(100, 40, 40))
                .withOptimizers(new OptimizerPlan(30, 1e-2, 0, 1, 0))
                .withSeed(1).withThreads(1)
                .solve();
        double[] losses = s.training().history().losses();
        assertTrue(losses.length >= 2, entry.name() + ": " + losses.length + " losses recorded");
        assertTrue(losses[losses.length - 1] < losses[0], entry.name() + ": loss " + losses[0] + " -> "
                + losses[losses.length - 1]);
        assertEquals(entry.problem().fieldNames(), java.util.List.copyOf(s.errors().keySet()));
        s.errors().forEach((field, e) -> assertTrue(Double.isFinite(e.relativeL2()),
                entry.name() + " field " + field + ": " + e));
    }
}
