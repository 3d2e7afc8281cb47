package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.cos;
import static java.lang.Math.exp;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.CoordinateExpression;
import org.pikan4j.problems.dsl.Expr;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.dsl.ProblemBuilder;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/** Flow problems of the standard catalog: Burgers, Kovasznay and Taylor-Green Navier-Stokes flows. */
final class FlowEntries {

    /** Burgers viscosity ν = 0.01/π. */
    static final double BURGERS_VISCOSITY = 0.01 / PI;
    /** The name of Burgers' numerical reference solution (Cole-Hopf transformation and quadrature). */
    static final String BURGERS_REFERENCE = "burgers-cole-hopf";
    /** Kovasznay Reynolds number. */
    static final double KOVASZNAY_RE = 20;
    /** Kovasznay decay rate λ = Re/2 - sqrt(Re²/4 + 4π²). */
    static final double KOVASZNAY_LAMBDA = KOVASZNAY_RE / 2
            - Math.sqrt(KOVASZNAY_RE * KOVASZNAY_RE / 4 + 4 * PI * PI);
    /** Taylor-Green viscosity. */
    static final double TG_NU = 0.05;
    /** Taylor-Green wave number: one period over [-1, 1]. */
    static final double TG_K = PI;

    private FlowEntries() {
    }

    /**
     * u_t + u u_x = ν u_xx, ν = 0.01/π, on [-1, 1] x [0, 1], u(x, 0) = -sin(πx), u(±1, t) = 0. No
     * closed form: the reference is named {@link #BURGERS_REFERENCE} and attached by module
     * validation. The conservation form u_t + (u²/2 - ν u_x)_x = 0 is imposed as a mass balance between
     * time lines: without it the trained u lost 0.02 - 0.04 of its mass while the shock formed, and the
     * shock then drifted off x = 0.
     */
    static CatalogEntry burgers1d() {
        Problem p = Problem.named("burgers1d")
                .domain(SpaceTime.of(Interval.of(-1, 1), 0, 1))
                // a parameter, so that an adaptive solve's coarse grids can solve it with more viscosity
                .parameter("nu", BURGERS_VISCOSITY)
                .pde(u -> u.d("t").plus(u.times(u.d("x"))).minus(u.d("xx").times(u.parameter("nu"))))
                // 8 lines of 64 + j nodes: a third of the default's points; every Burgers study row since session 9
                .conservationLaw("conservation", u -> u,
                        u -> u.square().times(0.5).minus(u.d("x").times(u.parameter("nu"))), 8, 64)
                .weight("conservation", 10)
                .outputTransform(s -> s.x(0).times(PI).sin().negate(),
                        s -> s.x(1).times(s.x(0).square().negate().plus(1)))
                .build();
        return CatalogEntry.ofReference(p, "u_t + u u_x = (0.01/π) u_xx on [-1,1] x [0,1], u(x,0) = -sin πx, "
                        + "u(±1,t) = 0 (both exactly, by u = -sin πx + t(1-x²)·N), mass balance ∫u dx between 8 "
                        + "time lines (weight 10); reference by Cole-Hopf and quadrature (shock at x = 0)",
                BURGERS_REFERENCE,
                new Recommendation(ModelSpec.kan(10, 3, 2, 10, 10, 1), Collocation.of(3000, 0, 0),
                        new OptimizerPlan(1000, 1e-2, 3000, 30, 0)));
    }

    /**
     * Burgers' problem ({@link #burgers1d()}) reduced by its odd symmetry u(-x, t) = -u(x, t): the half x in [0, 1]
     * with u(0, t) = 0, where the shock of the full problem becomes a boundary layer that cannot drift. The initial
     * condition and u(1, t) = 0 hold exactly (u = -sin πx + t(1-x)·N); u(0, t) = 0 is a soft condition, because the
     * hard factor x would make N ~ 1/x beside the layer (N = (u + sin πx)/(t x (1-x)), about -U/(t x) there), a
     * badly scaled target for splines. Same reference as the full problem (it is defined for every x), and
     * {@link CatalogEntry#oddIn()} says scores on the full box mirror the solution.
     */
    static CatalogEntry burgers1dHalf() {
        Problem p = Problem.named("burgers1d-half")
                .domain(SpaceTime.of(Interval.of(0, 1), 0, 1))
                .parameter("nu", BURGERS_VISCOSITY)
                .pde(u -> u.d("t").plus(u.times(u.d("x"))).minus(u.d("xx").times(u.parameter("nu"))))
                .dirichlet(BoundarySelector.named("left"), x -> 0.0)
                .outputTransform(s -> s.x(0).times(PI).sin().negate(),
                        s -> s.x(1).times(s.x(0).negate().plus(1)))
                .build();
        return CatalogEntry.ofReference(p, "burgers1d on its half x in [0,1] by the odd symmetry: u(0,t) = 0 (soft), "
                        + "u(x,0) = -sin πx and u(1,t) = 0 exactly (u = -sin πx + t(1-x)·N); scored also on the full box "
                        + "by u(-x,t) = -u(x,t)", BURGERS_REFERENCE,
                new Recommendation(ModelSpec.kan(10, 3, 2, 10, 10, 1), Collocation.of(3000, 200, 0),
                        new OptimizerPlan(1000, 1e-2, 3000, 30, 0))).withOddSymmetry("x");
    }

    /**
     * Steady Navier-Stokes at Re = 20 on [-0.5, 1] x [-0.5, 1.5] (Kovasznay flow): fields u, v, p;
     * u, v from the exact solution on the boundary, p pinned at the corner (-0.5, -0.5).
     */
    static CatalogEntry kovasznay() {
        double re = KOVASZNAY_RE;
        double[][] corner = {{-0.5, -0.5}};
        Problem p = Problem.named("kovasznay")
                .domain(Rectangle.of(-0.5, 1, -0.5, 1.5))
                .fields("u", "v", "p")
                .pde("u", u -> u.times(u.d("x")).plus(u.field("v").times(u.d("y"))).plus(u.field("p").d("x"))
                        .minus(u.laplacian().div(re)))
                .pde("v", v -> v.field("u").times(v.d("x")).plus(v.times(v.d("y"))).plus(v.field("p").d("y"))
                        .minus(v.laplacian().div(re)))
                .pde("p", p0 -> p0.field("u").d("x").plus(p0.field("v").d("y")))
                .dirichlet("u", BoundarySelector.ALL, FlowEntries::kovasznayU)
                .dirichlet("v", BoundarySelector.ALL, FlowEntries::kovasznayV)
                .data("p", corner, new double[] {kovasznayP(corner[0])})
                .exact("u", FlowEntries::kovasznayU)
                .exact("v", FlowEntries::kovasznayV)
                .exact("p", FlowEntries::kovasznayP)
                .build();
        double l = KOVASZNAY_LAMBDA;
        CoordinateExpression eu = s -> s.x(0).times(l).exp().times(s.x(1).times(2 * PI).cos()).negate().plus(1);
        CoordinateExpression ev = s -> s.x(0).times(l).exp().times(s.x(1).times(2 * PI).sin()).times(l / (2 * PI));
        CoordinateExpression ep = s -> s.x(0).times(2 * l).exp().negate().plus(1).div(2);
        return CatalogEntry.of(p, "Kovasznay flow: steady Navier-Stokes, Re = 20, on [-0.5,1] x [-0.5,1.5], u, v "
                        + "exact on the boundary, p pinned at a corner; u = 1 - e^(λx) cos 2πy, "
                        + "v = λ/(2π) e^(λx) sin 2πy, p = (1 - e^(2λx))/2", SolutionSource.EXACT,
                Map.of("u", eu, "v", ev, "p", ep),
                new Recommendation(ModelSpec.kan(5, 3, 2, 10, 3), Collocation.of(2000, 400),
                        new OptimizerPlan(500, 1e-2, 2000, 30, 0)));
    }

    /** Kovasznay u = 1 - e^(λx) cos 2πy. */
    static double kovasznayU(double[] x) {
        return 1 - exp(KOVASZNAY_LAMBDA * x[0]) * cos(2 * PI * x[1]);
    }

    /** Kovasznay v = λ/(2π) e^(λx) sin 2πy. */
    static double kovasznayV(double[] x) {
        return KOVASZNAY_LAMBDA / (2 * PI) * exp(KOVASZNAY_LAMBDA * x[0]) * sin(2 * PI * x[1]);
    }

    /** Kovasznay p = (1 - e^(2λx))/2. */
    static double kovasznayP(double[] x) {
        return (1 - exp(2 * KOVASZNAY_LAMBDA * x[0])) / 2;
    }

    /**
     * Unsteady Navier-Stokes u_t + (u·∇)u + ∇p = ν Δu, ∇·u = 0 on [-1, 1]² x [0, 1] with ν = 0.05
     * (Taylor-Green vortices, wave number k = π): u = -cos kx sin ky e^(-2νk²t), v = sin kx cos ky
     * e^(-2νk²t), p = -(cos 2kx + cos 2ky)/4 e^(-4νk²t); u, v, p from the exact solution on the
     * sides (p there fixes its free constant at every t), u, v initially.
     */
    static CatalogEntry taylorGreen2d() {
        double nu = TG_NU;
        ProblemBuilder b = Problem.named("taylor-green2d")
                .domain(SpaceTime.of(Rectangle.of(-1, 1, -1, 1), 0, 1))
                .fields("u", "v", "p")
                .pde("u", u -> u.d("t").plus(u.times(u.d("x"))).plus(u.field("v").times(u.d("y")))
                        .plus(u.field("p").d("x")).minus(u.laplacian().times(nu)))
                .pde("v", v -> v.d("t").plus(v.field("u").times(v.d("x"))).plus(v.times(v.d("y")))
                        .plus(v.field("p").d("y")).minus(v.laplacian().times(nu)))
                .pde("p", p0 -> p0.field("u").d("x").plus(p0.field("v").d("y")))
                .initial("u", FlowEntries::taylorGreenU)
                .initial("v", FlowEntries::taylorGreenV);
        for (String f : new String[] {"u", "v", "p"}) {
            b.dirichlet(f, BoundarySelector.ALL, x -> taylorGreen(f, x));
            b.exact(f, x -> taylorGreen(f, x));
        }
        double k = TG_K;
        double decay = 2 * nu * k * k;
        CoordinateExpression eu = s -> s.coord("x").times(k).cos().times(s.coord("y").times(k).sin())
                .times(s.coord("t").times(-decay).exp()).negate();
        CoordinateExpression ev = s -> s.coord("x").times(k).sin().times(s.coord("y").times(k).cos())
                .times(s.coord("t").times(-decay).exp());
        CoordinateExpression ep = s -> {
            Expr sum = s.coord("x").times(2 * k).cos().plus(s.coord("y").times(2 * k).cos());
            return sum.times(s.coord("t").times(-2 * decay).exp()).times(-0.25);
        };
        return CatalogEntry.of(b.build(), "Taylor-Green vortices: Navier-Stokes, ν = 0.05, on [-1,1]² x [0,1], u, v, p "
                        + "exact on the sides, u, v initially; u = -cos πx sin πy e^(-0.1π²t), "
                        + "v = sin πx cos πy e^(-0.1π²t), p = -(cos 2πx + cos 2πy)/4 e^(-0.2π²t)",
                SolutionSource.EXACT, Map.of("u", eu, "v", ev, "p", ep),
                new Recommendation(ModelSpec.kan(5, 3, 3, 10, 3), Collocation.of(3000, 600, 400),
                        new OptimizerPlan(500, 1e-2, 2000, 30, 0)));
    }

    /** Taylor-Green u at (x, y, t). */
    static double taylorGreenU(double[] x) {
        return taylorGreen("u", x);
    }

    /** Taylor-Green v at (x, y, t). */
    static double taylorGreenV(double[] x) {
        return taylorGreen("v", x);
    }

    /** The Taylor-Green field u, v or p at (x, y, t). */
    static double taylorGreen(String field, double[] p) {
        double k = TG_K;
        double e = exp(-2 * TG_NU * k * k * p[2]);
        return switch (field) {
            case "u" -> -cos(k * p[0]) * sin(k * p[1]) * e;
            case "v" -> sin(k * p[0]) * cos(k * p[1]) * e;
            case "p" -> -(cos(2 * k * p[0]) + cos(2 * k * p[1])) / 4 * e * e;
            default -> throw new IllegalArgumentException("Taylor-Green fields are u, v, p, got " + field);
        };
    }
}
