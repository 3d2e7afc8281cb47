package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.core.tensor.Functions;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Expr;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.dsl.Scope;
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

    /**
     * The kink's slope a: near x = ±1 the initial condition is -1 + a·d in the distance d to the periodic boundary.
     */
    static final double KINK_SLOPE = 2.0;

    /**
     * A time shift of the kink's diffusion, so that the lifting is defined at t = 0 (√t has no derivative there); it
     * changes u(x, 0) by at most 2a√(D·shift/π) < 1e-9, and only within 1e-6 of x = ±1.
     */
    static final double KINK_TIME_SHIFT = 1e-16;

    /** Causal training of the Allen-Cahn entries: ε and the number of time slabs. */
    static final double CAUSAL_EPSILON = 1.0;
    static final int CAUSAL_SLABS = 32;

    /**
     * Decay in time of the Allen-Cahn entries' point weights (see {@link Causality}): u = 0 is unstable (growth rate
     * 5), so an early residual's error grows at every later time. β = 3 (weights 3.2 at t = 0 down to 0.16 at
     * t = 1) took D = 1e-3 at 240 s from a median 2.4e-3 to 7e-4 on a fixed grid and from 6.2e-4 to 2.4e-4 adaptive.
     */
    static final double CAUSAL_DECAY = 3.0;

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
                .parameter("D", diffusion)
                .pde(u -> u.d("t").minus(u.d("xx").times(u.parameter("D"))).plus(u.pow(3).times(5)).minus(u.times(5)))
                .periodicByEmbedding("x")
                .outputTransform(s -> diffusedInitialCondition(s, diffusion), s -> s.x(1))
                .build();
        return CatalogEntry.ofReference(p, "Allen-Cahn u_t = " + diffusion + " u_xx - 5u³ + 5u on [-1,1] x [0,1], "
                        + "periodic in x, u(x,0) = x² cos πx (both exactly: the network sees x as cos πx, sin πx, "
                        + "and u = (x² cos πx + its kink at x = ±1 diffused) e^(-10t) + t·N); reference by Fourier "
                        + "method of lines", reference,
                // causal training is what keeps the periodic network off a wrong solution of small residual
                new Recommendation(ModelSpec.kan(10, 3, 2, 8, 8, 1), Collocation.of(3000, 0, 0),
                        new OptimizerPlan(1000, 1e-2, 5000, 30, 0),
                        new Causality(CAUSAL_EPSILON, CAUSAL_SLABS, CAUSAL_DECAY)));
    }

    /**
     * The lifting (u0 + c) e^(-10t) of the Allen-Cahn trial solution. u0 = x² cos πx is periodic in value but not in
     * slope (a kink -1 + a|d| across x = ±1), which the true solution rounds off over a width √(Dt) at once: a
     * correction of order √(Dt) that t·N with a smooth N cannot supply near t = 0, where it stood as the largest
     * error. c is the heat equation's own rounding of each side's kink, c = a·w·(ierfc((1 - x)/w) + ierfc((1 + x)/w))
     * with w = 2√(D(t + shift)): zero at t = 0 (up to the shift), u0 + c has slope 0 at x = ±1 for t > 0, and
     * c_t = D c_xx, so the lifting adds nothing to the residual that diffusion does not balance.
     */
    private static Expr diffusedInitialCondition(Scope s, double diffusion) {
        Expr x = s.x(0);
        Expr width = s.x(1).plus(KINK_TIME_SHIFT).times(diffusion).sqrt().times(2.0);
        Expr rounding = ierfc(x.negate().plus(1.0).div(width)).plus(ierfc(x.plus(1.0).div(width)))
                .times(width).times(KINK_SLOPE);
        Expr initial = x.square().times(x.times(PI).cos());
        return initial.plus(rounding).times(s.x(1).times(-KINK_DECAY).exp());
    }

    private static Expr ierfc(Expr e) {
        return e.apply(j -> j.apply(Functions.IERFC));
    }
}
