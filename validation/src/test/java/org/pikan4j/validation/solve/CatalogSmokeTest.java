package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Network;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.reference.ReferenceSolutions;

/**
 * Every catalog entry solves end to end with a tiny budget (recommended network without grid
 * extensions, a few Adam steps, few points, one thread): no error, a loss that went down, and an
 * error against the exact or reference solution below the untrained network's.
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
                .withCollocation(Collocation.of(500, 100, 100))
                .withOptimizers(new OptimizerPlan(100, 1e-2, 100, 20, 0))
                .withSeed(1).withThreads(1)
                .solve();
        double[] losses = s.training().history().losses();
        assertTrue(losses.length >= 2, entry.name() + ": " + losses.length + " losses recorded");
        assertTrue(losses[losses.length - 1] < losses[0], entry.name() + ": loss " + losses[0] + " -> "
                + losses[losses.length - 1]);
        assertEquals(entry.problem().fieldNames(), java.util.List.copyOf(s.errors().keySet()));
        double before = untrainedError(entry, s);
        double after = s.errors().values().stream().mapToDouble(ErrorMetrics::relativeL2).sum();
        assertTrue(after < before, entry.name() + ": summed relative L2 " + before + " -> " + after);
    }

    /** The summed relative L2 of the same network at its initial parameters (same seed). */
    private static double untrainedError(CatalogEntry entry, Solution trained) {
        Problem problem = ReferenceSolutions.attach(entry);
        Network network = trained.settings().model().build();
        double[] theta = problem.discretize(Collocation.of(500, 100, 100)).initialParameters(network, 1);
        double[][] values = problem.fieldValues(network, Backends.named("jvm"), theta, trained.grid().points());
        double sum = 0.0;
        for (int k = 0; k < values.length; k++) {
            String field = problem.fieldNames().get(k);
            sum += ErrorMetrics.compare(values[k], problem.exact(field, trained.grid().points())).relativeL2();
        }
        return sum;
    }
}
