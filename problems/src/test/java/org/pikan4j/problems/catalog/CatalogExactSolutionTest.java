package org.pikan4j.problems.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;

/**
 * Every catalog entry's exact solution, plugged into its own residuals, leaves round-off; and the
 * expression form of the exact solution agrees with the point function the problem carries.
 */
class CatalogExactSolutionTest {

    /** Relative round-off bound; the jets are exact to double precision (measured worst ~1e-15). */
    private static final double ROUND_OFF = 1e-8;
    /**
     * The size of the largest terms (Helmholtz: 17π², Klein-Gordon: u_tt up to 25π²); residuals are
     * judged relative to it.
     */
    private static final double SCALE = 30 * Math.PI * Math.PI;

    /** The entries with closed-form solutions (reference entries have none to plug in). */
    static Stream<CatalogEntry> entries() {
        return Catalog.standard().entries().stream().filter(e -> e.source() != SolutionSource.REFERENCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void exactSolutionHasRoundOffResiduals(CatalogEntry entry) {
        Discretization d = entry.problem().discretize(Collocation.of(300, 40, 40));
        double[] coefficients = entry.problem().coefficientNames().isEmpty() ? new double[0]
                : entry.trueCoefficientValues();
        Map<String, double[]> residuals = d.residualsOf(entry.exactExpressions(), coefficients);
        assertEquals(entry.problem().termNames(), java.util.List.copyOf(residuals.keySet()));
        residuals.forEach((term, r) -> {
            for (double v : r) {
                assertTrue(Math.abs(v) <= ROUND_OFF * SCALE, entry.name() + " term " + term + " residual " + v);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void exactExpressionAgreesWithExactFunction(CatalogEntry entry) {
        for (String field : entry.problem().fieldNames()) {
            Problem identity = Problem.named("check")
                    .domain(entry.problem().domain())
                    .pde(u -> u.minus(u.source(x -> entry.problem().exact(field, new double[][] {x})[0])))
                    .build();
            double[] r = identity.discretize(Collocation.of(200, 0)).residualsOf(entry.exactExpressions().get(field))
                    .get("pde");
            for (double v : r) {
                assertTrue(Math.abs(v) <= ROUND_OFF * SCALE, entry.name() + " field " + field + ": " + v);
            }
        }
    }

    @Test
    void inverseEntryResidualsSeeTheCoefficientItIsGiven() {
        CatalogEntry entry = Catalog.standard().entry("inverse-diffusion1d");
        Discretization d = entry.problem().discretize(Collocation.of(100, 2));
        // at the start value κ = 1 the PDE residual is (1 - 0.5) π² sin(πx), up to ~4.9
        double[] atStart = d.residualsOf(entry.exactExpressions()).get("pde");
        assertTrue(java.util.Arrays.stream(atStart).map(Math::abs).max().orElseThrow() > 1.0);
        assertEquals(0.5, entry.trueCoefficients().get("kappa"));
    }

    @Test
    void unknownNameListsTheValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Catalog.standard().entry("poisson4d"));
        for (String name : Catalog.standard().names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

}
