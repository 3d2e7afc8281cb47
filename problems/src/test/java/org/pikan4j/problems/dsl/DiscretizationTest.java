package org.pikan4j.problems.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Discretization samples reproducible points, gives each term a readable name, its share of the
 * points and its weight, and makes a loss a network can be trained on; output transforms hold
 * their constraint whatever the network.
 */
class DiscretizationTest {

    static Problem channel() {
        return Problem.named("channel")
                .domain(SpaceTime.of(Rectangle.of(0, 2, 0, 1), 0, 1))
                .fields("u", "v")
                .pde("u", u -> u.d("t").minus(u.laplacian()).plus(u.field("v")))
                .pde("v", v -> v.minus(v.field("u").d("x")))
                .dirichlet("u", BoundarySelector.named("left", "right"), x -> 0.0)
                .neumann("u", BoundarySelector.named("top"), x -> 0.0)
                .neumann("u", BoundarySelector.named("bottom"), x -> 0.0)
                .neumann("u", BoundarySelector.named("bottom"), x -> 1.0)
                .initial("u", x -> Math.sin(Math.PI * x[0]))
                .weight("boundary", 10)
                .weight("neumann[u, top]", 3)
                .weight("pde", 2)
                .build();
    }

    @Test
    void termsHaveReadableUniqueNamesInDeclarationOrder() {
        assertEquals(List.of("pde[u]", "pde[v]", "dirichlet[u, left+right]", "neumann[u, top]", "neumann[u, bottom]",
                "neumann[u, bottom]#2", "initial[u]"), channel().termNames());
    }

    @Test
    void weightsApplyByGroupKindAndNameInOrder() {
        Problem p = channel();
        assertEquals(2.0, p.weight("pde[u]"));
        assertEquals(2.0, p.weight("pde[v]"));
        assertEquals(10.0, p.weight("dirichlet[u, left+right]"));
        assertEquals(3.0, p.weight("neumann[u, top]"));
        assertEquals(10.0, p.weight("neumann[u, bottom]"));
        assertEquals(1.0, p.weight("initial[u]"));
    }

    @Test
    void pointsAreSharedOutBySelectionAndReproducibleFromTheSeed() {
        Problem p = channel();
        Discretization d = p.discretize(Collocation.of(200, 160, 40).withSeed(11));
        assertEquals(200, d.term("pde[u]").size());
        assertArrayEquals(d.term("pde[u]").points(), d.term("pde[v]").points());
        assertEquals(40, d.term("initial[u]").size());
        for (double[] x : d.term("initial[u]").points()) {
            assertEquals(0.0, x[2], "initial points lie on t = t0");
        }
        int boundary = d.term("dirichlet[u, left+right]").size() + d.term("neumann[u, top]").size()
                + d.term("neumann[u, bottom]").size();
        assertEquals(160, boundary, "left+right, top and bottom partition the lateral boundary");
        for (double[] x : d.term("neumann[u, top]").points()) {
            assertEquals(1.0, x[1], 1e-12);
        }
        Discretization again = p.discretize(Collocation.of(200, 160, 40).withSeed(11));
        Discretization other = p.discretize(Collocation.of(200, 160, 40).withSeed(12));
        for (ResidualTerm t : d.terms()) {
            assertArrayEquals(t.points(), again.term(t.name()).points(), t.name());
            assertFalse(java.util.Arrays.deepEquals(t.points(), other.term(t.name()).points()), t.name());
            assertEquals(p.weight(t.name()), t.weight(), t.name());
        }
    }

    @Test
    void lossOfAKanOnASystemIsFiniteWithAGradient() {
        Discretization d = channel().discretize(Collocation.of(64, 64, 16));
        Network net = Kan.widths(3, 4, 2).build();
        PinnLoss loss = d.loss(net);
        assertEquals(7, loss.terms().size());
        double[] theta = d.initialParameters(net, 5);
        double[] gradient = new double[theta.length];
        double value = loss.evaluate(theta, gradient);
        assertTrue(Double.isFinite(value) && value > 0, "loss " + value);
        assertTrue(java.util.Arrays.stream(gradient).anyMatch(g -> g != 0.0));
        assertTrue(java.util.Arrays.stream(loss.termValues()).allMatch(v -> v > 0), "every term contributes");
    }

    /** u = x(1 - x)·N on [0, 1]: the Dirichlet residuals vanish for any network, but not without it. */
    @Test
    void outputTransformHoldsTheBoundaryValuesForAnyNetwork() {
        ProblemBuilder base = Problem.named("transformed")
                .domain(Interval.of(0, 1))
                .pde(u -> u.d("xx").plus(2.0))
                .dirichlet(BoundarySelector.ALL, x -> 0.0);
        Problem hard = base.outputTransform(s -> s.constant(0.0), s -> s.x(0).times(s.x(0).negate().plus(1.0)))
                .build();
        Problem soft = Problem.named("soft").domain(Interval.of(0, 1)).pde(u -> u.d("xx").plus(2.0))
                .dirichlet(BoundarySelector.ALL, x -> 0.0).build();
        Network net = Mlp.widths(1, 6, 1).build();
        Collocation c = Collocation.of(20, 10);
        assertEquals(0.0, dirichletLoss(hard.discretize(c), net), 1e-30);
        assertTrue(dirichletLoss(soft.discretize(c), net) > 1e-6);
    }

    /** With u = 1 + x·N on [0, 1] and u = x + 1 exact, the trial path bypasses the transform. */
    @Test
    void residualsOfTakeTheFieldsThemselvesNotTheNetworkOutput() {
        Problem p = Problem.named("shifted").domain(Interval.of(0, 1))
                .outputTransform(s -> s.constant(1.0), s -> s.x(0))
                .pde(u -> u.d("xx"))
                .dirichlet(BoundarySelector.named("left"), x -> 1.0)
                .build();
        var r = p.discretize(Collocation.of(10, 10)).residualsOf(s -> s.x(0).plus(1.0));
        ExactResidualsTest.assertRoundOff(r, 1.0);
    }

    @Test
    void explicitPointsAreUsedAsGiven() {
        Problem p = ExactResidualsTest.poisson();
        double[][] interior = {{0.1, 0.2}, {0.3, -0.4}};
        Discretization d = p.discretize(interior, Rectangle.of(-1, 1, -1, 1).sampleBoundary(8,
                org.pikan4j.problems.geometry.PointSampler.grid()), null);
        assertArrayEquals(interior, d.term("pde").points());
    }

    private static double dirichletLoss(Discretization d, Network net) {
        PinnLoss loss = d.loss(net);
        loss.evaluate(d.initialParameters(net, 9), new double[loss.parameterCount()]);
        return loss.termValues()[1];
    }
}
