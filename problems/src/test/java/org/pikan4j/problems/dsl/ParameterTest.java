package org.pikan4j.problems.dsl;

import static java.lang.Math.PI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Fixed parameters: the terms and the conservation laws read them, {@code withParameter} gives exactly the problem
 * declared with the other value, and misuse is refused with what is valid.
 */
class ParameterTest {

    private static final Network NETWORK = Kan.widths(2, 4, 1).grid(5).build();
    private static final double NU = 0.01 / PI;

    /** Burgers with its mass balance; the viscosity a parameter, or the constant {@code nu} written in. */
    private static Problem burgers(double nu, boolean asParameter) {
        ProblemBuilder b = Problem.named("burgers").domain(SpaceTime.of(Interval.of(-1, 1), 0, 1));
        if (asParameter) {
            b.parameter("nu", nu)
                    .pde(u -> u.d("t").plus(u.times(u.d("x"))).minus(u.d("xx").times(u.parameter("nu"))))
                    .conservationLaw("conservation", u -> u,
                            u -> u.square().times(0.5).minus(u.d("x").times(u.parameter("nu"))), 4, 16);
        } else {
            b.pde(u -> u.d("t").plus(u.times(u.d("x"))).minus(u.d("xx").times(nu)))
                    .conservationLaw("conservation", u -> u, u -> u.square().times(0.5).minus(u.d("x").times(nu)),
                            4, 16);
        }
        return b.outputTransform(s -> s.x(0).times(PI).sin().negate(), s -> s.x(1).times(s.x(0).square().negate()
                .plus(1))).exact(x -> -Math.sin(PI * x[0])).build();
    }

    /** The term values (PDE, then the balance) of a discretization's loss at seeded parameters. */
    private static double[] termValues(Discretization d) {
        PinnLoss loss = d.loss(NETWORK, new JvmBackend(1));
        double[] theta = d.initialParameters(NETWORK, 7);
        loss.evaluate(theta, new double[theta.length]);
        assertEquals(List.of("pde", "conservation"), loss.termNames());
        return loss.termValues();
    }

    private static double[][] points() {
        double[][] p = new double[60][];
        for (int n = 0; n < p.length; n++) {
            p[n] = new double[] {-1 + 2 * (n + 0.5) / p.length, (n % 7 + 0.5) / 7};
        }
        return p;
    }

    @Test
    void withParameterIsTheProblemDeclaredWithTheOtherValueInTermsAndBalances() {
        Discretization declared = burgers(NU, true).discretize(points(), null, null);
        Discretization scaled = declared.withParameter("nu", 5 * NU);

        double[] expected = termValues(burgers(5 * NU, false).discretize(points(), null, null));
        assertArrayEquals(expected, termValues(scaled), 0.0);
        // and the declared value is the constant's too, while 5x differs in both the PDE and the balance
        double[] original = termValues(declared);
        assertArrayEquals(termValues(burgers(NU, false).discretize(points(), null, null)), original, 0.0);
        assertTrue(original[0] != expected[0] && original[1] != expected[1],
                java.util.Arrays.toString(original) + " vs " + java.util.Arrays.toString(expected));
        assertArrayEquals(declared.trainingPoints(), scaled.trainingPoints());
    }

    @Test
    void withParameterKeepsTheRestAndLeavesTheOriginalAlone() {
        Problem p = burgers(NU, true);
        Problem q = p.withParameter("nu", 2 * NU);
        assertEquals(List.of("nu"), q.parameterNames());
        assertEquals(2 * NU, q.parameter("nu"), 0.0);
        assertEquals(NU, p.parameter("nu"), 0.0);
        assertEquals(p.termNames(), q.termNames());
        assertEquals(p.conservationLawNames(), q.conservationLawNames());
        assertTrue(q.hasExact("u"));
        assertFalse(burgers(NU, false).parameterNames().contains("nu"));
    }

    @Test
    void misuseNamesTheParameterAndWhatIsValid() {
        String unknown = message(() -> Problem.named("p").domain(Interval.of(0, 1)).parameter("nu", 1)
                .pde(u -> u.d("xx").times(u.parameter("mu"))).build());
        assertTrue(unknown.contains("unknown parameter \"mu\"") && unknown.contains("declared parameters are [nu]"),
                unknown);
        String twice = message(() -> Problem.named("p").parameter("nu", 1).parameter("nu", 2));
        assertTrue(twice.contains("distinct") && twice.contains("\"nu\""), twice);
        String clash = message(() -> Problem.named("p").coefficient("k", 1).parameter("k", 2));
        assertTrue(clash.contains("\"k\"") && clash.contains("coefficients [k]"), clash);
        String reverse = message(() -> Problem.named("p").parameter("k", 2).coefficient("k", 1));
        assertTrue(reverse.contains("coefficient \"k\" has the name of a fixed parameter") && reverse.contains(
                "distinct from the parameters [k]"), reverse);
        String blank = message(() -> Problem.named("p").parameter(" ", 2));
        assertTrue(blank.contains("non-blank"), blank);
        String nan = message(() -> Problem.named("p").parameter("nu", Double.NaN));
        assertTrue(nan.contains("parameter \"nu\" must be finite, got NaN"), nan);
        Problem p = burgers(NU, true);
        String notDeclared = message(() -> p.withParameter("mu", 1));
        assertTrue(notDeclared.contains("unknown parameter \"mu\"") && notDeclared.contains("[nu]"), notDeclared);
        String infinite = message(() -> p.withParameter("nu", Double.POSITIVE_INFINITY));
        assertTrue(infinite.contains("must be finite, got Infinity"), infinite);
    }

    private static String message(Supplier<?> action) {
        return assertThrows(IllegalArgumentException.class, action::get).getMessage();
    }
}
