package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;

/** Inverse problems of the standard catalog: coefficients recovered from observations. */
final class InverseEntries {

    /** The diffusion coefficient the observations of inverse-diffusion1d come from. */
    static final double TRUE_KAPPA = 0.5;
    /** Where training starts κ. */
    static final double START_KAPPA = 1.0;
    /** Number of observations of u, evenly spaced inside (0, 1). */
    static final int OBSERVATIONS = 19;

    private InverseEntries() {
    }

    /**
     * -κ u'' = κ* π² sin(πx) on [0, 1], u(0) = u(1) = 0, κ trainable from 1.0, observations of
     * u = sin(πx) at x = 0.05, 0.10, ..., 0.95; the true κ* = 0.5.
     */
    static CatalogEntry inverseDiffusion1d() {
        double[][] points = new double[OBSERVATIONS][];
        double[] values = new double[OBSERVATIONS];
        for (int n = 0; n < OBSERVATIONS; n++) {
            points[n] = new double[] {(n + 1.0) / (OBSERVATIONS + 1)};
            values[n] = sin(PI * points[n][0]);
        }
        Problem p = Problem.named("inverse-diffusion1d")
                .domain(Interval.of(0, 1))
                .coefficient("kappa", START_KAPPA)
                .pde(u -> u.d("xx").times(u.coefficient("kappa")).negate()
                        .minus(u.source(x -> TRUE_KAPPA * PI * PI * sin(PI * x[0]))))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .data(points, values)
                .exact(x -> sin(PI * x[0]))
                .build();
        return CatalogEntry.of(p, "find κ in -κu'' = 0.5 π² sin(πx) on [0,1], u(0) = u(1) = 0, from " + OBSERVATIONS
                        + " observations of u = sin(πx); true κ = 0.5, start 1.0", SolutionSource.EXACT,
                Map.of("u", s -> s.x(0).times(PI).sin()),
                new Recommendation(ModelSpec.kan(10, 3, 1, 5, 1), Collocation.of(200, 20),
                        new OptimizerPlan(300, 1e-2, 1000, 30, 0)))
                .withTrueCoefficient("kappa", TRUE_KAPPA);
    }
}
