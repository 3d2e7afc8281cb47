package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.exp;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/** Time-dependent problems of the standard catalog. */
final class TimeEntries {

    private TimeEntries() {
    }

    /** u_t = u_xx - e^(-t)(sin πx - π² sin πx) on [-1, 1] x [0, 1]; u = sin(πx) e^(-t). */
    static CatalogEntry diffusion1d() {
        Problem p = Problem.named("diffusion1d")
                .domain(SpaceTime.of(Interval.of(-1, 1), 0, 1))
                .pde(u -> u.d("t").minus(u.d("xx"))
                        .plus(u.source(x -> exp(-x[1]) * (1 - PI * PI) * sin(PI * x[0]))))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .initial(x -> sin(PI * x[0]))
                .exact(x -> sin(PI * x[0]) * exp(-x[1]))
                .build();
        return CatalogEntry.of(p, "u_t = u_xx - e^(-t)(sin πx - π² sin πx) on [-1,1] x [0,1], u(x,0) = sin πx, "
                        + "u(±1,t) = 0; u = sin(πx) e^(-t)", SolutionSource.EXACT,
                Map.of("u", s -> s.coord("x").times(PI).sin().times(s.coord("t").negate().exp())),
                new Recommendation(ModelSpec.kan(10, 3, 2, 10, 1), Collocation.of(2000, 200, 200),
                        new OptimizerPlan(500, 1e-2, 2000, 30, 0)));
    }
}
