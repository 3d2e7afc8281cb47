package org.pikan4j.problems.dsl;

import static java.lang.Math.PI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.Rectangle;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Conservation laws in the DSL: the balance between time lines holds for an exact solution of the heat equation up
 * to quadrature error and fails by far with the flux's sign flipped, its weight is set like a term's, and misuse is
 * refused with what is valid.
 */
class ConservationLawTest {

    /** A network whose parameters are all zero outputs N = 0, so the field is the output transform's g exactly. */
    private static final Network NETWORK = Kan.widths(2, 3, 1).grid(5).build();

    /**
     * u_t = u_xx on [0, 1/2] x [0, 0.1] with u = e^(-π²t) cos πx as g: ∫u dx = e^(-π²t)/π falls by what leaves
     * through x = 1/2, where the flux -u_x is π e^(-π²t) (none leaves at x = 0).
     */
    private static ProblemBuilder heat(double fluxSign) {
        return Problem.named("heat")
                .domain(SpaceTime.of(Interval.of(0, 0.5), 0, 0.1))
                .pde(u -> u.d("t").minus(u.d("xx")))
                .conservationLaw(u -> u, u -> u.d("x").times(-fluxSign))
                .outputTransform(s -> s.x(0).times(PI).cos().times(s.x(1).times(-PI * PI).exp()), s -> s.x(1));
    }

    private static double imbalance(Problem problem) {
        PinnLoss loss = problem.discretize(Collocation.of(50, 0, 0)).loss(NETWORK, new JvmBackend(1));
        double[] theta = new double[loss.parameterCount()];
        loss.evaluate(theta, new double[theta.length]);
        return loss.termValues()[loss.termNames().indexOf("conservation")];
    }

    @Test
    void exactSolutionBalancesAndAWrongFluxDoesNot() {
        Problem heat = heat(1.0).build();
        assertEquals(List.of("conservation"), heat.conservationLawNames());
        double exact = imbalance(heat);
        double wrong = imbalance(heat(-1.0).build());
        // mean S_j² of the quadrature errors: measured 1.7e-9 (trapezoid rule in time on 16 lines)
        assertTrue(exact < 1e-7, "imbalance of the exact solution " + exact);
        // the flipped flux doubles what leaves instead of cancelling it: measured 7.2e-2
        assertTrue(wrong > 1e-2, "imbalance with the wrong flux " + wrong);
        double weighted = imbalance(heat(-1.0).weight("conservation", 3.0).build());
        assertEquals(3.0 * wrong, weighted, 1e-12 * weighted);
    }

    @Test
    void misuseIsRefusedWithWhatIsValid() {
        String domain = assertThrows(IllegalArgumentException.class, () -> Problem.named("p")
                .domain(Rectangle.of(0, 1, 0, 1))
                .pde(u -> u.laplacian())
                .dirichlet(BoundarySelector.ALL, x -> 0)
                .conservationLaw(u -> u, u -> u.d("x"))
                .build()).getMessage();
        assertTrue(domain.contains("needs a domain SpaceTime.of(Interval.of(a, b), t0, t1)"), domain);
        String twice = assertThrows(IllegalArgumentException.class, () -> heat(1.0)
                .conservationLaw(u -> u, u -> u)).getMessage();
        assertTrue(twice.contains("distinct, got \"conservation\""), twice);
        String lines = assertThrows(IllegalArgumentException.class, () -> heat(1.0)
                .conservationLaw("energy", u -> u.square(), u -> u, 0, 10)).getMessage();
        assertTrue(lines.contains("lines >= 1 and points >= 2, got lines = 0"), lines);
        String derivative = assertThrows(IllegalArgumentException.class, () -> heat(1.0)
                .conservationLaw("energy", u -> u.d("y"), u -> u, 4, 10).build()).getMessage();
        assertTrue(derivative.contains("conservation law \"energy\""), derivative);
    }
}
