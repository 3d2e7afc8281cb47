package org.pikan4j.problems.dsl;

import static java.lang.Math.PI;
import static java.lang.Math.cos;
import static java.lang.Math.sin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.PointSampler;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Plugging a problem's exact solution, written as an expression of the coordinates, into every
 * term gives residuals at round-off level; a slightly wrong solution does not. This checks the
 * whole chain: expressions, derivative bookkeeping, normals, time slices, systems.
 */
class ExactResidualsTest {

    /** Relative round-off bound; measured worst 4e-16 over these tests (jet arithmetic in double precision). */
    private static final double ROUND_OFF = 1e-8;

    static Problem poisson() {
        return Problem.named("poisson2d")
                .domain(Rectangle.of(-1, 1, -1, 1))
                .pde(u -> u.laplacian().negate().minus(u.source(x -> 2 * PI * PI * sin(PI * x[0]) * sin(PI * x[1]))))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .exact(x -> sin(PI * x[0]) * sin(PI * x[1]))
                .build();
    }

    static Expr poissonSolution(Scope s) {
        return s.x(0).times(PI).sin().times(s.x(1).times(PI).sin());
    }

    @Test
    void poissonExactSolutionHasRoundOffResiduals() {
        Discretization d = poisson().discretize(Collocation.of(500, 200));
        assertRoundOff(d.residualsOf(ExactResidualsTest::poissonSolution), 2 * PI * PI);
    }

    @Test
    void poissonPerturbedSolutionHasVisibleResiduals() {
        Discretization d = poisson().discretize(Collocation.of(500, 200));
        Map<String, double[]> r = d.residualsOf(s -> poissonSolution(s).times(1.01));
        // -Δ(1.01 u) - f = 0.01 f, up to 0.01 * 2π² ≈ 0.197 where |sin·sin| is near 1
        assertTrue(maxAbs(r.get("pde")) > 0.1, "pde residual " + maxAbs(r.get("pde")));
    }

    /** -u'' = cos(x) - 2 on [0, 1], u = cos(x) + x², Neumann at 0 and Robin 2u + 3u_n at 1. */
    @Test
    void oneDimensionalNeumannRobinExactSolutionHasRoundOffResiduals() {
        Problem p = Problem.named("robin1d")
                .domain(Interval.of(0, 1))
                .pde(u -> u.d("xx").negate().minus(u.source(x -> cos(x[0]) - 2)))
                .neumann(BoundarySelector.named("left"), x -> 0.0)  // u_n = -u'(0) = -(-sin 0 + 0) = 0
                .robin(BoundarySelector.named("right"), 2, 3, x -> 2 * (cos(1) + 1) + 3 * (-sin(1) + 2))
                .build();
        Discretization d = p.discretize(Collocation.of(100, 20));
        Map<String, double[]> r = d.residualsOf(s -> s.x(0).cos().plus(s.x(0).square()));
        assertEquals(java.util.List.of("pde", "neumann[left]", "robin[right]"), java.util.List.copyOf(r.keySet()));
        assertRoundOff(r, 10.0);
    }

    /** u_t = 0.1 u_xx on [0, 1] x [0, 1], u = exp(-0.1 π² t) sin(π x). */
    @Test
    void heatEquationExactSolutionHasRoundOffResiduals() {
        Problem p = Problem.named("heat")
                .domain(SpaceTime.of(Interval.of(0, 1), 0, 1))
                .pde(u -> u.d("t").minus(u.d("xx").times(0.1)))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .initial(x -> sin(PI * x[0]))
                .build();
        Discretization d = p.discretize(Collocation.of(300, 100, 50).withSeed(3));
        Map<String, double[]> r = d.residualsOf(s -> s.coord("t").times(-0.1 * PI * PI).exp()
                .times(s.coord("x").times(PI).sin()));
        assertEquals(java.util.List.of("pde", "dirichlet", "initial"), java.util.List.copyOf(r.keySet()));
        assertRoundOff(r, PI * PI);
        assertEquals(50, r.get("initial").length);
    }

    /** u_tt = u_xx, u = sin(πx)(cos(πt) + sin(πt)/π): initial value sin(πx), initial rate sin(πx). */
    @Test
    void waveEquationInitialRateExactSolutionHasRoundOffResiduals() {
        Problem p = Problem.named("wave")
                .domain(SpaceTime.of(Interval.of(0, 1), 0, 2))
                .pde(u -> u.d("tt").minus(u.laplacian()))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .initial(x -> sin(PI * x[0]))
                .initialRate(x -> sin(PI * x[0]))
                .build();
        Discretization d = p.discretize(Collocation.of(300, 100, 50));
        Map<String, double[]> r = d.residualsOf(s -> s.x(0).times(PI).sin()
                .times(s.x(1).times(PI).cos().plus(s.x(1).times(PI).sin().div(PI))));
        assertRoundOff(r, PI * PI);
        Map<String, double[]> wrongRate = d.residualsOf(s -> s.x(0).times(PI).sin().times(s.x(1).times(PI).cos()));
        assertTrue(maxAbs(wrongRate.get("initialRate")) > 0.5, "a solution at rest must violate u_t(x, 0) = sin(πx)");
    }

    /** u'' = v, v = f with f = -π² sin(πx): u = sin(πx), v = -π² sin(πx). */
    @Test
    void twoFieldSystemExactSolutionHasRoundOffResiduals() {
        Problem p = Problem.named("system")
                .domain(Interval.of(0, 1))
                .fields("u", "v")
                .pde("u", u -> u.d("xx").minus(u.field("v")))
                .pde("v", v -> v.minus(v.source(x -> -PI * PI * sin(PI * x[0]))))
                .dirichlet("u", BoundarySelector.ALL, x -> 0.0)
                .build();
        Discretization d = p.discretize(Collocation.of(200, 10));
        CoordinateExpression u = s -> s.x(0).times(PI).sin();
        CoordinateExpression v = s -> s.x(0).times(PI).sin().times(-PI * PI);
        Map<String, double[]> r = d.residualsOf(Map.of("u", u, "v", v));
        assertEquals(java.util.List.of("pde[u]", "pde[v]", "dirichlet[u]"), java.util.List.copyOf(r.keySet()));
        assertRoundOff(r, PI * PI);
        Map<String, double[]> swapped = d.residualsOf(Map.of("u", u, "v", u));
        assertTrue(maxAbs(swapped.get("pde[u]")) > 1.0, "v = u must violate u'' = v");
    }

    @Test
    void exactSolutionIsEvaluatedOnPoints() {
        Problem p = poisson();
        double[][] points = Rectangle.of(-1, 1, -1, 1).sampleInterior(10, PointSampler.halton());
        double[] values = p.exact("u", points);
        for (int n = 0; n < points.length; n++) {
            assertEquals(sin(PI * points[n][0]) * sin(PI * points[n][1]), values[n], 0.0);
        }
        assertTrue(p.hasExact("u"));
    }

    static void assertRoundOff(Map<String, double[]> residuals, double scale) {
        for (Map.Entry<String, double[]> e : residuals.entrySet()) {
            double worst = maxAbs(e.getValue());
            assertTrue(worst <= ROUND_OFF * scale, e.getKey() + ": residual " + worst + " above round-off");
        }
    }

    static double maxAbs(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
