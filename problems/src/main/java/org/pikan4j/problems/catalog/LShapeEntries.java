package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;

import java.util.Map;
import org.pikan4j.core.tensor.ScalarFunction;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.CoordinateExpression;
import org.pikan4j.problems.dsl.Expr;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Rectangle;

/**
 * The Laplace equation on the L-shaped domain [-1, 1]² \ [0, 1] x [-1, 0] with the singular
 * corner solution u = r^(2/3) sin(2θ/3) of the re-entrant corner (0, 0).
 *
 * <p>The angle θ runs counter-clockwise from the positive x-axis over the domain's
 * [0, 3π/2]; u vanishes on both edges meeting at the corner. The branch cut of θ is put on the
 * ray of angle -π/4, inside the removed quadrant, so u is smooth (harmonic) on the whole domain
 * except at the corner itself, where its gradient is unbounded (u ∈ H^(5/3-ε) only).
 */
final class LShapeEntries {

    /** Where the cut of the angle lies (direction -π/4, inside the removed quadrant). */
    private static final double CUT = -PI / 4;
    /** Added to r² so that the expression is 0, not 0/0, at the corner itself; negligible elsewhere. */
    private static final double FLOOR = 1e-300;

    private LShapeEntries() {
    }

    /** Δu = 0 on the L-shape, Dirichlet data from u = r^(2/3) sin(2θ/3). */
    static CatalogEntry laplaceLShape() {
        Problem p = Problem.named("laplace-lshape")
                .domain(Rectangle.of(-1, 1, -1, 1).difference(Rectangle.of(0, 1, -1, 0)))
                .pde(Expr::laplacian)
                .dirichlet(BoundarySelector.ALL, LShapeEntries::exact)
                .exact(LShapeEntries::exact)
                .build();
        return CatalogEntry.of(p, "Δu = 0 on the L-shape [-1,1]² minus [0,1]x[-1,0], u = exact on the boundary; "
                        + "u = r^(2/3) sin(2θ/3), θ in [0, 3π/2] (singular at the re-entrant corner)",
                SolutionSource.EXACT, Map.of("u", exactExpression()),
                // 5.9e-2 relative L2, max error 0.51 (near the singular corner) in 10 s, seed 1, 2 threads
                new Recommendation(ModelSpec.kan(5, 3, 2, 8, 1), Collocation.of(1500, 300),
                        new OptimizerPlan(500, 1e-2, 1000, 30, 0)));
    }

    /** r^(2/3) sin(2θ/3) with θ = atan2(y, x) taken in [-π/4, 7π/4). */
    static double exact(double[] x) {
        double theta = Math.atan2(x[1], x[0]);
        if (theta < CUT) {
            theta += 2 * PI;
        }
        return Math.pow(x[0] * x[0] + x[1] * x[1], 1.0 / 3) * Math.sin(2 * theta / 3);
    }

    /**
     * The same as an expression: with φ = θ - 3π/4 ∈ (-π, π), the angle from the domain's
     * bisector, u = r^(2/3) cos(2φ/3), and φ = 2 atan(y' / (r + x')) (half-angle formula) for the
     * coordinates x' = (y - x)/√2, y' = -(x + y)/√2 rotated by -3π/4. This is smooth wherever
     * φ ≠ ±π, i.e. off the cut.
     */
    static CoordinateExpression exactExpression() {
        return s -> {
            Expr x = s.x(0);
            Expr y = s.x(1);
            Expr r2 = x.square().plus(y.square()).plus(FLOOR);
            Expr xr = y.minus(x).div(Math.sqrt(2));
            Expr yr = x.plus(y).negate().div(Math.sqrt(2));
            Expr phi = yr.div(r2.sqrt().plus(xr)).apply(j -> j.apply(ATAN)).times(2);
            return r2.pow(1.0 / 3).times(phi.times(2.0 / 3).cos());
        };
    }

    /**
     * atan with its derivatives: f' = 1/(1 + x²), and differentiating (1 + x²) f' = 1 n times gives
     * (1 + x²) f^(n+1) = -2n x f^(n) - n(n-1) f^(n-1).
     */
    static final ScalarFunction ATAN = new ScalarFunction() {
        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            out[0] = Math.atan(x);
            if (maxOrder < 1) {
                return;
            }
            double q = 1 + x * x;
            out[1] = 1 / q;
            for (int n = 1; n < maxOrder; n++) {
                out[n + 1] = (-2 * n * x * out[n] - n * (n - 1.0) * out[n - 1]) / q;
            }
        }

        @Override
        public String name() {
            return "atan";
        }
    };
}
