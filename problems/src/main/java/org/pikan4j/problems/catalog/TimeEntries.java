package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.exp;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/** Time-dependent problems of the standard catalog: diffusion and heat (first order in time). */
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

    /** Heat-equation diffusivity of heat2d. */
    static final double HEAT_ALPHA = 0.05;

    /**
     * u_t = α Δu on [0, 1]² x [0, 0.5], α = 0.05, u = 0 on the sides, u(x, y, 0) = sin πx sin πy;
     * u = e^(-2π²αt) sin πx sin πy.
     */
    static CatalogEntry heat2d() {
        double a = HEAT_ALPHA;
        double rate = 2 * PI * PI * a;
        Problem p = Problem.named("heat2d")
                .domain(SpaceTime.of(Rectangle.of(0, 1, 0, 1), 0, 0.5))
                .pde(u -> u.d("t").minus(u.laplacian().times(a)))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .initial(x -> sin(PI * x[0]) * sin(PI * x[1]))
                .exact(x -> exp(-rate * x[2]) * sin(PI * x[0]) * sin(PI * x[1]))
                .build();
        return CatalogEntry.of(p, "u_t = 0.05 Δu on [0,1]² x [0,0.5], u = 0 on the sides, u(x,y,0) = sin πx sin πy; "
                        + "u = e^(-0.1π² t) sin πx sin πy", SolutionSource.EXACT,
                Map.of("u", s -> s.coord("t").times(-rate).exp().times(s.coord("x").times(PI).sin())
                        .times(s.coord("y").times(PI).sin())),
                new Recommendation(ModelSpec.kan(5, 3, 3, 8, 1), Collocation.of(2000, 400, 400),
                        new OptimizerPlan(500, 1e-2, 1500, 30, 0)));
    }
}
