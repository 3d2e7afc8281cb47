package org.pikan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.MultiIndex;

/** Bad input to the trial solutions and the derivative engine is refused with a specific message. */
class BadInputTest {

    private static void assertMessage(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message \"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
        }
    }

    @Test
    void widthZeroIsRefused() {
        assertMessage(() -> Kan.widths(2, 0, 1), "widths[1]", ">= 1", "got 0");
        assertMessage(() -> Mlp.widths(2, 20, 0), "widths[2]", "got 0");
        assertMessage(() -> Kan.widths(2), "at least an input and an output width");
    }

    @Test
    void degreeZeroIsRefused() {
        assertMessage(() -> Kan.widths(2, 1).degree(0), "degree", ">= 1", "got 0");
    }

    @Test
    void gridOfSizeZeroIsRefused() {
        assertMessage(() -> Kan.widths(2, 1).grid(0), "grid", ">= 1", "got 0");
    }

    @Test
    void nonIncreasingKnotsAreRefused() {
        assertMessage(() -> KnotVector.of(new double[] {0.0, 0.5, 0.2, 1.0}, 3), "strictly increasing", "0.2");
        assertMessage(() -> Kan.widths(2, 1).range(1.0, 1.0), "lo < hi", "1.0");
    }

    @Test
    void inputOfTheWrongWidthIsRefused() {
        Network network = Kan.widths(2, 3, 1).build();
        ResidualTerm term = ResidualTerm.of("pde", new double[][] {{0.1, 0.2, 0.3}}, List.of(), b -> b.field(0));
        assertMessage(() -> new PinnLoss(network, new JvmBackend(), List.of(term), List.of("x", "y")),
                "dimension 3", "takes 2");
        assertMessage(() -> ResidualTerm.of("pde", new double[][] {{0.1, 0.2}, {0.3}}, List.of(), b -> b.field(0)),
                "points[1]", "1 coordinates", "expected 2");
        assertMessage(() -> network.checkInputs(new double[][] {{0.1}}), "points[0]", "2 coordinates", "got 1");
        assertMessage(() -> new JvmBackend().evaluator(network, DerivativeSet.valueOnly(3)),
                "derivative set has 3 coordinates", "takes 2 inputs");
    }

    @Test
    void nanInputIsRefused() {
        Network network = Kan.widths(2, 3, 1).build();
        ResidualTerm term = ResidualTerm.of("pde", new double[][] {{0.1, 0.2}, {0.3, Double.NaN}}, List.of(),
                b -> b.field(0));
        assertMessage(() -> new PinnLoss(network, new JvmBackend(), List.of(term), List.of("x", "y")),
                "points[1][1]", "finite", "NaN");
    }

    @Test
    void unknownDerivativeIsRefused() {
        List<String> names = List.of("x", "y");
        assertMessage(() -> MultiIndex.parse("xz", names), "unknown derivative \"xz\"", "[x, y]");
        assertMessage(() -> MultiIndex.parse("xxxxx", names), "order 5", "up to 4");
        DerivativeSet set = DerivativeSet.parse(names, "xx");
        assertMessage(() -> set.indexOf(MultiIndex.of(0, 2)), "not propagated", "available");
        assertMessage(() -> MultiIndex.of(1, -1), "counts[1]", ">= 0", "got -1");
        org.pikan4j.core.tensor.JetTape tape = new org.pikan4j.core.tensor.JetTape(1);
        org.pikan4j.core.tensor.Jet x = tape.coordinate(set, new double[][] {{0.5, 0.5}}, 0, 0);
        assertMessage(() -> x.d("yy", names), "not propagated", "available");
    }

    @Test
    void parameterVectorOfTheWrongLengthIsRefused() {
        Network network = Kan.widths(2, 3, 1).build();
        ResidualTerm term = ResidualTerm.of("pde", new double[][] {{0.1, 0.2}}, List.of(), b -> b.field(0));
        PinnLoss loss = new PinnLoss(network, new JvmBackend(), List.of(term), List.of("x", "y"));
        assertMessage(() -> loss.evaluate(new double[3], new double[3]), "theta", "length " + network.parameterCount(),
                "got 3");
    }

    @Test
    void unknownNamesAreRefused() {
        assertMessage(() -> Backends.named("cuda"), "unknown backend \"cuda\"", "jvm");
        assertMessage(() -> Activation.named("relu6"), "unknown activation \"relu6\"", "tanh");
        assertMessage(() -> Kan.widths(2, 1).build().layout().block("kan0.weights"), "kan0.weights",
                "kan0.coef");
    }
}
