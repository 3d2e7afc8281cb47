package org.pikan4j.problems.catalog;

import static java.lang.Math.PI;
import static java.lang.Math.sin;

import java.util.Map;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Box;
import org.pikan4j.problems.geometry.Disk;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;

/** Poisson problems of the standard catalog in one, two (soft boundary), three dimensions and on a disk. */
final class PoissonEntries {

    private PoissonEntries() {
    }

    /** -u'' = π² sin(πx) on [-1, 1], u(±1) = 0 (soft); u = sin(πx). */
    static CatalogEntry poisson1d() {
        Problem p = Problem.named("poisson1d")
                .domain(Interval.of(-1, 1))
                .pde(u -> u.d("xx").negate().minus(u.source(x -> PI * PI * sin(PI * x[0]))))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .exact(x -> sin(PI * x[0]))
                .build();
        return CatalogEntry.of(p, "-u'' = π² sin(πx) on [-1,1], u(±1) = 0; u = sin(πx)", SolutionSource.EXACT,
                Map.of("u", s -> s.x(0).times(PI).sin()),
                // 1.5e-4 relative L2 in 2 s (seed 1, 1 thread)
                new Recommendation(ModelSpec.kan(10, 3, 1, 5, 1), Collocation.of(200, 20),
                        new OptimizerPlan(300, 1e-2, 1000, 30, 0)));
    }

    /**
     * -Δu = 2π² sin(πx) sin(πy) on [-1, 1]², u = 0 on the boundary as a soft term: pykan's PDE example, with
     * its KAN [2, 2, 1]. Unlike poisson2d, the network is u itself, so a formula read out of it is the
     * solution (see {@code pikan solve --symbolic}).
     */
    static CatalogEntry poisson2dSoft() {
        Problem p = Problem.named("poisson2d-soft")
                .domain(Rectangle.of(-1, 1, -1, 1))
                .pde(u -> u.laplacian().negate().minus(u.source(x -> 2 * PI * PI * sin(PI * x[0]) * sin(PI * x[1]))))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .exact(x -> sin(PI * x[0]) * sin(PI * x[1]))
                .build();
        return CatalogEntry.of(p, "-Δu = 2π² sin(πx) sin(πy) on [-1,1]², u = 0 on the boundary (soft), KAN [2,2,1]"
                        + " as in pykan's PDE example; u = sin(πx) sin(πy)", SolutionSource.EXACT,
                Map.of("u", s -> s.x(0).times(PI).sin().times(s.x(1).times(PI).sin())),
                // 7.4e-4 relative L2 in 8 s (seed 1, 2 threads); 1.1e-3 with 1 thread
                new Recommendation(ModelSpec.kan(5, 3, 2, 2, 1).withExtensions(10, 20), Collocation.of(1000, 200),
                        new OptimizerPlan(500, 1e-2, 1500, 30, 0)));
    }

    /**
     * -Δu = 3π² sin(πx) sin(πy) sin(πz) on [-1, 1]³, u = 0 on the boundary, imposed exactly by
     * u = (1 - x²)(1 - y²)(1 - z²)·N.
     */
    static CatalogEntry poisson3d() {
        Problem p = Problem.named("poisson3d")
                .domain(Box.of(-1, 1, -1, 1, -1, 1))
                .pde(u -> u.laplacian().negate().minus(u.source(
                        x -> 3 * PI * PI * sin(PI * x[0]) * sin(PI * x[1]) * sin(PI * x[2]))))
                .outputTransform(s -> s.constant(0.0), s -> s.x(0).square().negate().plus(1)
                        .times(s.x(1).square().negate().plus(1)).times(s.x(2).square().negate().plus(1)))
                .exact(x -> sin(PI * x[0]) * sin(PI * x[1]) * sin(PI * x[2]))
                .build();
        return CatalogEntry.of(p, "-Δu = 3π² sin(πx) sin(πy) sin(πz) on [-1,1]³, u = 0 on the boundary (exactly, by "
                        + "u = (1-x²)(1-y²)(1-z²)·N); u = sin(πx) sin(πy) sin(πz)", SolutionSource.EXACT,
                Map.of("u", s -> s.x(0).times(PI).sin().times(s.x(1).times(PI).sin()).times(s.x(2).times(PI).sin())),
                new Recommendation(ModelSpec.kan(5, 3, 3, 8, 1), Collocation.of(3000, 600),
                        new OptimizerPlan(500, 1e-2, 1500, 30, 0)));
    }

    /** -Δu = 1 on the unit disk, u = 0 on the circle (soft); u = (1 - x² - y²) / 4. */
    static CatalogEntry poissonDisk() {
        Problem p = Problem.named("poisson-disk")
                .domain(Disk.of(0, 0, 1))
                .pde(u -> u.laplacian().negate().minus(1))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .exact(x -> (1 - x[0] * x[0] - x[1] * x[1]) / 4)
                .build();
        return CatalogEntry.of(p, "-Δu = 1 on the unit disk, u = 0 on the circle; u = (1 - r²)/4",
                SolutionSource.EXACT,
                Map.of("u", s -> s.x(0).square().plus(s.x(1).square()).negate().plus(1).div(4)),
                // 2.8e-4 relative L2 in 6 s (seed 1, 1 thread)
                new Recommendation(ModelSpec.kan(5, 3, 2, 5, 1), Collocation.of(1000, 200),
                        new OptimizerPlan(300, 1e-2, 1000, 30, 0)));
    }
}
