package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/** Problems periodic in space: their boundary condition pairs the two ends of the interval. */
final class PeriodicEntries {

    /** Transport speed of advection1d. */
    static final double SPEED = 0.5;

    private PeriodicEntries() {
    }

    /** u_t + c u_x = 0 on [-1, 1] x [0, 1], periodic in x, u(x, 0) = sin(πx); u = sin(π(x - ct)). */
    static CatalogEntry advection1d() {
        Problem p = Problem.named("advection1d")
                .domain(SpaceTime.of(Interval.of(-1, 1), 0, 1))
                .pde(u -> u.d("t").plus(u.d("x").times(SPEED)))
                .periodic("x")
                .initial(x -> sin(PI * x[0]))
                .exact(x -> sin(PI * (x[0] - SPEED * x[1])))
                .build();
        return CatalogEntry.of(p, "u_t + 0.5 u_x = 0 on [-1,1] x [0,1], periodic in x, u(x,0) = sin πx; "
                        + "u = sin(π(x - 0.5t))", SolutionSource.EXACT,
                Map.of("u", s -> s.coord("x").minus(s.coord("t").times(SPEED)).times(PI).sin()),
                new Recommendation(ModelSpec.kan(10, 3, 2, 10, 1), Collocation.of(1500, 200, 200),
                        new OptimizerPlan(500, 1e-2, 1500, 30, 0)));
    }
}
