package org.pikan4j.problems.dsl;

import static java.lang.Math.PI;
import static java.lang.Math.sin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.symbolic.AffineParameters;
import org.pikan4j.core.symbolic.SymbolicEdges;
import org.pikan4j.core.symbolic.SymbolicFit;
import org.pikan4j.core.symbolic.SymbolicFunction;
import org.pikan4j.core.symbolic.SymbolicLibrary;
import org.pikan4j.core.symbolic.SymbolicModel;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Interval;

class SymbolicTrialTest {

    private static final Network ONE_EDGE = Kan.widths(1, 1).build();

    /** -u'' = π² sin(πx) on [-1, 1], u(±1) = 0 (soft); u = sin(πx). */
    private static final Problem POISSON = Problem.named("poisson1d")
            .domain(Interval.of(-1, 1))
            .pde(u -> u.d("xx").negate().minus(u.source(x -> PI * PI * sin(PI * x[0]))))
            .dirichlet(BoundarySelector.ALL, x -> 0.0)
            .exact(x -> sin(PI * x[0]))
            .build();

    /** The model c·f(a·x + b) + d of a single edge. */
    private static SymbolicModel edge(SymbolicFunction f, double a, double b, double c, double d) {
        return SymbolicEdges.of(ONE_EDGE, ONE_EDGE.initialParameters(1))
                .fix(0, 0, 0, new SymbolicFit(f, new AffineParameters(a, b, c, d), 1.0)).model();
    }

    private static SymbolicFunction standard(String name) {
        return SymbolicLibrary.standard().get(name);
    }

    @Test
    void theExactFormulaHasRoundOffLoss() {
        Discretization d = POISSON.discretize(Collocation.of(50, 2));
        assertTrue(SymbolicTrial.loss(d, edge(standard("sin"), PI, 0, 1, 0)) < 1e-24);
        assertTrue(SymbolicTrial.loss(d, edge(standard("sin"), 3.0, 0, 1, 0)) > 1e-2);
    }

    /**
     * From a perturbed sine, fine-tuning against the PDE and boundary residuals finds u = sin(πx) itself.
     * Measured: every parameter within 2e-17 of (0, 1, π, 0).
     */
    @Test
    void fineTuningAgainstThePdeRecoversTheSolution() {
        Discretization d = POISSON.discretize(Collocation.of(60, 2));
        SymbolicModel start = edge(standard("sin"), 3.0, 0.05, 0.9, 0.1);
        SymbolicModel tuned = SymbolicTrial.fineTune(d, start, LevenbergMarquardt.steps(50));
        double[] p = tuned.parameters();   // constant, k, a, b
        assertEquals(0.0, p[0], 1e-9);
        assertEquals(1.0, p[1], 1e-9);
        assertEquals(PI, p[2], 1e-9);
        assertEquals(0.0, p[3], 1e-9);
        assertEquals("sin(3.141593*x)", tuned.formula());
    }

    @Test
    void outputTransformsApplyToTheModelAsToTheNetwork() {
        Problem hard = Problem.named("hard1d")
                .domain(Interval.of(-1, 1))
                .pde(u -> u.d("xx").negate().minus(u.source(x -> PI * PI * sin(PI * x[0]))))
                .outputTransform(s -> s.constant(0.0), s -> s.x(0).square().negate().plus(1))
                .build();
        Discretization d = hard.discretize(Collocation.of(40, 0));
        // N = 2x: u = (1 - x²)·2x, so -u'' = 12x
        SymbolicModel n = edge(standard("x"), 1, 0, 2, 0);
        double[] viaModel = d.residualsOf(SymbolicTrial.fields(hard, n)).get("pde");
        double[] direct = d.residualsOf(Map.of("u", s -> s.x(0).square().negate().plus(1).times(s.x(0).times(2))))
                .get("pde");
        double[][] points = d.term("pde").points();
        double[] u = SymbolicTrial.fieldValues(hard, n, points)[0];
        for (int i = 0; i < direct.length; i++) {
            assertEquals((1 - points[i][0] * points[i][0]) * 2 * points[i][0], u[i], 1e-15);
            assertEquals(direct[i], viaModel[i], 1e-12);
            assertEquals(12 * points[i][0] - PI * PI * sin(PI * points[i][0]), viaModel[i], 1e-11);
        }
    }

    @Test
    void functionsWithoutExactDerivativesAreRefused() {
        Discretization d = POISSON.discretize(Collocation.of(10, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SymbolicTrial.loss(d, edge(standard("abs"), 1, 0, 1, 0)));
        assertTrue(e.getMessage().startsWith("function abs has no exact derivatives here"), e.getMessage());
        SymbolicFunction sinh = SymbolicFunction.of("sinh", 3, Math::sinh, "sinh({x})", "Math.sinh({x})");
        e = assertThrows(IllegalArgumentException.class, () -> SymbolicTrial.loss(d, edge(sinh, 1, 0, 1, 0)));
        assertTrue(e.getMessage().startsWith("function sinh has no exact derivatives here"), e.getMessage());
        SymbolicModel two = SymbolicEdges.of(Kan.widths(2, 1).build(), Kan.widths(2, 1).build().initialParameters(1))
                .auto(0.0).model();
        e = assertThrows(IllegalArgumentException.class, () -> SymbolicTrial.loss(d, two));
        assertEquals("a model with 2 inputs and 1 outputs does not fit problem \"poisson1d\" (coordinates [x], fields"
                + " [u])", e.getMessage());
    }
}
