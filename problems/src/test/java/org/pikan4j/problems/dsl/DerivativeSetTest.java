package org.pikan4j.problems.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Each term propagates exactly the derivatives its expression reads (closed under lower
 * derivatives), nothing more: a Laplacian needs xx and yy but not xy, a Dirichlet term only the
 * value.
 */
class DerivativeSetTest {

    private static final List<String> XY = List.of("x", "y");
    private static final List<String> XT = List.of("x", "t");

    @Test
    void poissonTermsReadSecondDerivativesAndValue() {
        Problem p = ExactResidualsTest.poisson();
        assertEquals(DerivativeSet.parse(XY, "xx", "yy"), p.derivatives("pde"));
        assertEquals(5, p.derivatives("pde").size(), "value, x, y, xx, yy; no xy");
        assertEquals(DerivativeSet.valueOnly(2), p.derivatives("dirichlet"));
    }

    @Test
    void discretizedTermsCarryTheProblemsDerivativeSets() {
        Problem p = ExactResidualsTest.poisson();
        Discretization d = p.discretize(Collocation.of(50, 40));
        for (String name : p.termNames()) {
            assertEquals(p.derivatives(name), d.term(name).derivatives(), name);
        }
    }

    @Test
    void neumannAndRobinReadFirstSpatialDerivatives() {
        Problem p = Problem.named("flux")
                .domain(Rectangle.of(0, 1, 0, 1))
                .pde(u -> u.laplacian())
                .neumann(BoundarySelector.named("left"), x -> 0.0)
                .robin(BoundarySelector.named("right"), 1, 1, x -> 0.0)
                .build();
        assertEquals(DerivativeSet.parse(XY, "x", "y"), p.derivatives("neumann[left]"));
        assertEquals(DerivativeSet.parse(XY, "x", "y"), p.derivatives("robin[right]"));
    }

    @Test
    void spaceTimeTermsReadTimeOnlyWhereAsked() {
        Problem p = Problem.named("heat")
                .domain(SpaceTime.of(Interval.of(0, 1), 0, 1))
                .pde(u -> u.d("t").minus(u.laplacian()))
                .neumann(BoundarySelector.ALL, x -> 0.0)
                .initial(x -> 0.0)
                .initialRate(x -> 0.0)
                .build();
        assertEquals(DerivativeSet.parse(XT, "t", "xx"), p.derivatives("pde"));
        assertEquals(DerivativeSet.parse(XT, "x"), p.derivatives("neumann"), "normals are spatial: no t");
        assertEquals(DerivativeSet.valueOnly(2), p.derivatives("initial"));
        assertEquals(DerivativeSet.parse(XT, "t"), p.derivatives("initialRate"));
    }

    @Test
    void chainedAndMixedDerivativesAreRecordedWithTheirTotal() {
        Problem p = Problem.named("mixed")
                .domain(Rectangle.of(0, 1, 0, 1))
                .pde(u -> u.d("x").d("y").plus(u.times(u).d("x")))
                .pde(u -> u.d("xxyy").minus(u.source(x -> 1.0)))
                .build();
        assertEquals(DerivativeSet.parse(XY, "xy"), p.derivatives("pde"));
        assertEquals(DerivativeSet.parse(XY, "xxyy"), p.derivatives("pde#2"));
    }

    @Test
    void systemTermsReadOnlyTheirOwnDerivatives() {
        Problem p = Problem.named("system")
                .domain(Interval.of(0, 1))
                .fields("u", "v")
                .pde("u", u -> u.d("xx").minus(u.field("v")))
                .pde("v", v -> v.minus(1.0))
                .dirichlet("v", BoundarySelector.ALL, x -> 0.0)
                .build();
        List<String> x = List.of("x");
        assertEquals(DerivativeSet.parse(x, "xx"), p.derivatives("pde[u]"));
        assertEquals(DerivativeSet.valueOnly(1), p.derivatives("pde[v]"));
    }

    @Test
    void outputTransformAddsNoDerivativesToValueTerms() {
        Problem p = Problem.named("transformed")
                .domain(Interval.of(0, 1))
                .outputTransform(s -> s.constant(0.0), s -> s.x(0).times(s.x(0).negate().plus(1.0)))
                .pde(u -> u.d("xx").plus(1.0))
                .data(new double[][] {{0.5}}, new double[] {0.125})
                .build();
        assertEquals(DerivativeSet.parse(List.of("x"), "xx"), p.derivatives("pde"));
        assertEquals(DerivativeSet.valueOnly(1), p.derivatives("data"));
    }

    @Test
    void sourceSingularAtTheBoxCentreDoesNotFailTheBuild() {
        Problem p = Problem.named("singular").domain(Interval.of(-1, 1))
                .pde(u -> u.d("xx").minus(u.source(x -> 1.0 / x[0])))
                .build();
        assertEquals(DerivativeSet.parse(List.of("x"), "xx"), p.derivatives("pde"));
    }

    @Test
    void laplacianGradientAndDivergenceUseSpatialCoordinatesOnly() {
        // u = x² + y² + t²: Δu = 4 over (x, y), not 6; div(grad u) = Δu
        Problem p = Problem.named("operators")
                .domain(SpaceTime.of(Rectangle.of(0, 1, 0, 1), 0, 1))
                .pde(u -> u.laplacian().minus(4.0))
                .pde(u -> Expr.divergence(u.gradient()).minus(u.laplacian()))
                .pde(u -> u.d("tt").minus(2.0))
                .build();
        assertEquals(3, p.derivatives("pde").dimension());
        assertEquals(DerivativeSet.parse(List.of("x", "y", "t"), "xx", "yy"), p.derivatives("pde#2"));
        Discretization d = p.discretize(Collocation.of(30, 0));
        ExactResidualsTest.assertRoundOff(d.residualsOf(s -> s.x(0).square().plus(s.x(1).square())
                .plus(s.coord("t").square())), 4.0);
    }
}
