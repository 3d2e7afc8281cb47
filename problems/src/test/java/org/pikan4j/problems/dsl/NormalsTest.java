package org.pikan4j.problems.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.problems.geometry.BoundarySample;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.PointSampler;
import org.pikan4j.problems.geometry.Rectangle;

/**
 * Neumann and Robin residuals differentiate along the outward normal: on the left end of an
 * interval ∂u/∂n = -u', on the right +u'; on each side of a rectangle the matching signed
 * partial derivative. Checked with closed-form fields and, through the engine, with a network.
 */
class NormalsTest {

    @Test
    void intervalNormalDerivativeIsMinusUPrimeOnTheLeftAndPlusOnTheRight() {
        Problem p = Problem.named("interval")
                .domain(Interval.of(0, 1))
                .pde(u -> u)
                .neumann(BoundarySelector.named("left"), x -> 0.0)
                .neumann(BoundarySelector.named("right"), x -> 0.0)
                .robin(BoundarySelector.named("right"), 2.0, 3.0, x -> 0.0)
                .build();
        Discretization d = p.discretize(Collocation.of(5, 10));
        // u = x² + x: u'(0) = 1, u'(1) = 3, u(1) = 2
        Map<String, double[]> r = d.residualsOf(s -> s.x(0).square().plus(s.x(0)));
        assertAll(r.get("neumann[left]"), -1.0);
        assertAll(r.get("neumann[right]"), 3.0);
        assertAll(r.get("robin[right]"), 2 * 2.0 + 3 * 3.0);
    }

    @Test
    void rectangleNormalDerivativeIsTheSignedPartialOnEachSide() {
        Problem p = Problem.named("rectangle")
                .domain(Rectangle.of(0, 2, 0, 1))
                .pde(u -> u)
                .neumann(BoundarySelector.named("left"), x -> 0.0)
                .neumann(BoundarySelector.named("right"), x -> 0.0)
                .neumann(BoundarySelector.named("bottom"), x -> 0.0)
                .neumann(BoundarySelector.named("top"), x -> 0.0)
                .build();
        Discretization d = p.discretize(Collocation.of(5, 120));
        // u = x + 3y + xy: u_x = 1 + y, u_y = 3 + x
        Map<String, double[]> r = d.residualsOf(s -> s.x(0).plus(s.x(1).times(3.0)).plus(s.x(0).times(s.x(1))));
        check(d, r, "neumann[left]", x -> -(1 + x[1]));
        check(d, r, "neumann[right]", x -> 1 + x[1]);
        check(d, r, "neumann[bottom]", x -> -(3 + x[0]));
        check(d, r, "neumann[top]", x -> 3 + x[0]);
    }

    /**
     * Through the engine, in blocks of 16 points: the Neumann residual of a network equals the
     * central difference of its output along the outward normal at each boundary point.
     */
    @Test
    void networkNeumannResidualMatchesFiniteDifferenceAlongTheNormal() {
        Rectangle domain = Rectangle.of(0, 2, 0, 1);
        Network net = Mlp.widths(2, 8, 1).build();
        BoundarySample boundary = domain.sampleBoundary(100, PointSampler.sobol());
        Problem neumann = Problem.named("flux").domain(domain).pde(u -> u)
                .neumann(BoundarySelector.ALL, x -> 0.0).build();
        Discretization d = neumann.discretize(new double[][] {{1, 0.5}}, boundary, null);
        double[] theta = d.initialParameters(net, 7);
        double[] flux = unscaled(d.loss(net, new JvmBackend(16)), theta, "neumann", d.term("neumann"));

        double h = 1e-5;
        double[][] plus = shifted(boundary, h);
        double[][] minus = shifted(boundary, -h);
        Problem value = Problem.named("value").domain(domain).pde(u -> u).build();
        double[] up = values(value.discretize(plus, null, null), net, theta);
        double[] down = values(value.discretize(minus, null, null), net, theta);
        for (int n = 0; n < flux.length; n++) {
            double fd = (up[n] - down[n]) / (2 * h);
            // central difference error ~h² u''' + 1e-16/h: measured worst 3e-11
            assertEquals(fd, flux[n], 1e-7, "point " + n + " on " + boundary.piece(n));
        }
    }

    private static double[] values(Discretization d, Network net, double[] theta) {
        return unscaled(d.loss(net), theta, "pde", d.term("pde"));
    }

    /** The residuals of one term, without the loss's sqrt(w / N) scaling. */
    private static double[] unscaled(PinnLoss loss, double[] theta, String name, ResidualTerm term) {
        double[] all = new double[loss.residualCount()];
        loss.residuals(theta, all, null);
        int first = 0;
        for (ResidualTerm t : loss.terms()) {
            if (t.name().equals(name)) {
                break;
            }
            first += t.size();
        }
        double scale = Math.sqrt(term.weight() / term.size());
        double[] out = new double[term.size()];
        for (int n = 0; n < out.length; n++) {
            out[n] = all[first + n] / scale;
        }
        return out;
    }

    private static double[][] shifted(BoundarySample b, double h) {
        double[][] p = b.points();
        for (int n = 0; n < p.length; n++) {
            for (int i = 0; i < p[n].length; i++) {
                p[n][i] += h * b.normal(n)[i];
            }
        }
        return p;
    }

    private static void check(Discretization d, Map<String, double[]> r, String term,
                              java.util.function.ToDoubleFunction<double[]> expected) {
        double[][] points = d.term(term).points();
        assertTrue(points.length > 0, term);
        for (int n = 0; n < points.length; n++) {
            assertEquals(expected.applyAsDouble(points[n]), r.get(term)[n], 1e-12, term + " point " + n);
        }
    }

    private static void assertAll(double[] values, double expected) {
        assertTrue(values.length > 0);
        for (double v : values) {
            assertEquals(expected, v, 1e-12);
        }
    }
}
