package org.pikan4j.problems.dsl;

import static java.lang.Math.PI;
import static java.lang.Math.sin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;

/**
 * A trainable coefficient becomes an extra parameter of the loss, after the network's, with its
 * initial value in the start vector and a gradient that matches finite differences.
 */
class InverseProblemTest {

    /** -κ u'' = π² sin(πx) on [0, 1] with observations of u = sin(πx)/κ for κ = 2. */
    static Problem inverse() {
        double[][] points = {{0.2}, {0.4}, {0.6}, {0.8}};
        double[] values = new double[points.length];
        for (int n = 0; n < points.length; n++) {
            values[n] = sin(PI * points[n][0]) / 2.0;
        }
        return Problem.named("inverse")
                .domain(Interval.of(0, 1))
                .coefficient("kappa", 1.0)
                .coefficient("unused", 5.0)
                .pde(u -> u.d("xx").times(u.coefficient("kappa")).negate()
                        .minus(u.source(x -> PI * PI * sin(PI * x[0]))))
                .dirichlet(BoundarySelector.ALL, x -> 0.0)
                .data(points, values)
                .weight("data", 10.0)
                .build();
    }

    @Test
    void coefficientsFollowTheNetworkParametersInDeclarationOrder() {
        Problem p = inverse();
        Network net = Kan.widths(1, 4, 1).build();
        Discretization d = p.discretize(Collocation.of(40, 4));
        PinnLoss loss = d.loss(net);
        assertEquals(List.of("kappa", "unused"), p.coefficientNames());
        assertEquals(2, loss.extraParameters());
        assertEquals(net.parameterCount() + 2, loss.parameterCount());
        double[] theta = d.initialParameters(net, 1);
        assertEquals(1.0, theta[net.parameterCount()]);
        assertEquals(5.0, theta[net.parameterCount() + 1]);
        assertEquals(10.0, d.term("data").weight());
    }

    @Test
    void coefficientGradientIsNonZeroAndMatchesFiniteDifferences() {
        Network net = Kan.widths(1, 4, 1).build();
        Discretization d = inverse().discretize(Collocation.of(40, 4));
        PinnLoss loss = d.loss(net);
        double[] theta = d.initialParameters(net, 3);
        double[] gradient = new double[theta.length];
        loss.evaluate(theta, gradient);
        int kappa = net.parameterCount();
        assertTrue(Math.abs(gradient[kappa]) > 1e-6, "dL/dkappa = " + gradient[kappa]);
        assertEquals(0.0, gradient[kappa + 1], "a coefficient no term reads has no gradient");

        double h = 1e-6;
        double[] scratch = new double[theta.length];
        theta[kappa] += h;
        double up = loss.evaluate(theta, scratch);
        theta[kappa] -= 2 * h;
        double down = loss.evaluate(theta, scratch);
        double fd = (up - down) / (2 * h);
        // central difference truncation ~h², round-off ~1e-16 L / h: far below 1e-6 relative
        assertEquals(fd, gradient[kappa], 1e-6 * Math.abs(fd));
    }

    @Test
    void residualsOfUseTheCoefficientsInitialValues() {
        Discretization d = inverse().discretize(Collocation.of(40, 4));
        // with κ = 1 (initial), u = sin(πx) solves the PDE; the data (for κ = 2) then do not fit
        var r = d.residualsOf(s -> s.x(0).times(PI).sin());
        ExactResidualsTest.assertRoundOff(java.util.Map.of("pde", r.get("pde")), PI * PI);
        assertTrue(ExactResidualsTest.maxAbs(r.get("data")) > 0.1);
    }
}
