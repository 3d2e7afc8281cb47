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

    /** Reference-solution names of the Allen-Cahn entries (attached by module validation). */
    static final String ALLEN_CAHN_1E3 = "allen-cahn-d1e-3";
    static final String ALLEN_CAHN_1E4 = "allen-cahn-d1e-4";

    /**
     * Decay rate of the Allen-Cahn initial condition's kink at x = ±1 in the output transform: u(x,0) = x² cos πx
     * has slopes -2 and +2 there (continuous value -1, jumping slope across the periodic boundary); near the stable
     * state u = -1 the reaction 5u - 5u³ has rate 5 - 15 = -10, so the deviation from -1, kink included, decays
     * like e^(-10t). Carrying that factor on the initial condition lets the periodic network supply the rest.
     */
    static final double KINK_DECAY = 10.0;

    /** Causal training of the Allen-Cahn entries: ε and the number of time slabs. */
    static final double CAUSAL_EPSILON = 1.0;
    static final int CAUSAL_SLABS = 32;

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

    /** u_t = D u_xx - 5u³ + 5u on [-1, 1] x [0, 1], periodic in x, u(x, 0) = x² cos(πx), D = 1e-3. */
    static CatalogEntry allenCahn1d() {
        return allenCahn("allen-cahn1d", 1e-3, ALLEN_CAHN_1E3);
    }

    /** The same with D = 1e-4: sharper interfaces, the harder case. */
    static CatalogEntry allenCahn1dSharp() {
        return allenCahn("allen-cahn1d-d1e-4", 1e-4, ALLEN_CAHN_1E4);
    }

    private static CatalogEntry allenCahn(String name, double diffusion, String reference) {
        Problem p = Problem.named(name)
                .domain(SpaceTime.of(Interval.of(-1, 1), 0, 1))
                .pde(u -> u.d("t").minus(u.d("xx").times(diffusion)).plus(u.pow(3).times(5)).minus(u.times(5)))
                .periodicByEmbedding("x")
                .outputTransform(s -> s.x(0).square().times(s.x(0).times(PI).cos())
                        .times(s.x(1).times(-KINK_DECAY).exp()), s -> s.x(1))
                .build();
        return CatalogEntry.ofReference(p, "Allen-Cahn u_t = " + diffusion + " u_xx - 5u³ + 5u on [-1,1] x [0,1], "
                        + "periodic in x, u(x,0) = x² cos πx (both exactly: the network sees x as cos πx, sin πx, "
                        + "and u = x² cos πx e^(-10t) + t·N); reference by Fourier method of lines", reference,
                // causal training is what keeps the periodic network off a wrong solution of small residual
                new Recommendation(ModelSpec.kan(10, 3, 2, 8, 8, 1), Collocation.of(3000, 0, 0),
                        new OptimizerPlan(1000, 1e-2, 5000, 30, 0), new Causality(CAUSAL_EPSILON, CAUSAL_SLABS)));
    }
}
