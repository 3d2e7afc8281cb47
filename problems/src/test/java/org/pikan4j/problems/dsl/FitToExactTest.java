package org.pikan4j.problems.dsl;

import static java.lang.Math.PI;
import static java.lang.Math.sin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;

/**
 * {@link Problem#fitToExact}: the same trial functions (output transform and all), a loss that is the mean squared
 * misfit to the exact solution at the given points, and clear refusals.
 */
class FitToExactTest {

    private static final double[][] POINTS = {{0.1}, {0.35}, {0.5}, {0.72}, {0.9}};

    /** -u'' = π² sin(πx) on [0, 1], u = x(1 - x)·N exactly, u = sin(πx). */
    private static Problem poisson() {
        return Problem.named("poisson")
                .domain(Interval.of(0, 1))
                .pde(u -> u.d("xx").negate().minus(u.source(x -> PI * PI * sin(PI * x[0]))))
                .outputTransform(s -> s.x(0).times(0.0), s -> s.x(0).times(s.x(0).negate().plus(1.0)))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .exact(x -> sin(PI * x[0]))
                .build();
    }

    @Test
    void theLossIsTheMeanSquaredMisfitOfTheTransformedFieldToTheExactSolution() {
        Problem problem = poisson();
        Problem fit = problem.fitToExact(POINTS);
        Network net = Kan.widths(1, 4, 1).build();
        Discretization d = fit.discretize(Collocation.of(0, 0));
        double[] theta = d.initialParameters(net, 2);
        double loss = d.loss(net).evaluate(theta, new double[theta.length]);

        // the original problem's fields, output transform applied, against sin(πx)
        double[] u = problem.fieldValues(net, new JvmBackend(), theta, POINTS)[0];
        double sum = 0;
        for (int n = 0; n < POINTS.length; n++) {
            double misfit = u[n] - sin(PI * POINTS[n][0]);
            sum += misfit * misfit;
        }
        assertTrue(sum > 1e-3, "the initial network must not already fit: " + sum);
        assertEquals(sum / POINTS.length, loss, 1e-14 * loss);
    }

    @Test
    void theFitKeepsTheDomainAndFieldsAndHasOnlyDataTerms() {
        Problem fit = poisson().fitToExact(POINTS);
        assertEquals("poisson-fit", fit.name());
        assertEquals(List.of("data"), fit.termNames());
        assertEquals(List.of(), fit.interiorTermNames());
        assertEquals(List.of(), fit.conservationLawNames());
        assertTrue(fit.hasOutputTransform("u"));
        assertTrue(fit.hasExact("u"));

        Problem twoFields = Problem.named("pair")
                .domain(Rectangle.of(0, 1, 0, 1))
                .fields("u", "v")
                .pde("u", u -> u.minus(u.field("v")))
                .pde("v", v -> v)
                .exact("u", x -> x[0])
                .exact("v", x -> x[1])
                .build();
        assertEquals(List.of("data[u]", "data[v]"), twoFields.fitToExact(new double[][] {{0.5, 0.5}}).termNames());
    }

    @Test
    void badPointsAndMissingExactSolutionsAreRefusedByName() {
        Problem problem = poisson();
        assertEquals("term \"data\" needs at least one observation, got none",
                assertThrows(IllegalArgumentException.class, () -> problem.fitToExact(new double[0][])).getMessage());
        assertEquals("term \"data\": data point 1 [1.5] lies outside the domain " + problem.domain(),
                assertThrows(IllegalArgumentException.class,
                        () -> problem.fitToExact(new double[][] {{0.5}, {1.5}})).getMessage());
        assertEquals("the points to fit the exact solution at must not be null",
                assertThrows(IllegalArgumentException.class, () -> problem.fitToExact(null)).getMessage());
        Problem noExact = Problem.named("bare").domain(Interval.of(0, 1)).pde(u -> u.d("xx")).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> noExact.fitToExact(POINTS)).getMessage()
                .startsWith("problem \"bare\" has no exact solution for field \"u\""));
    }
}
