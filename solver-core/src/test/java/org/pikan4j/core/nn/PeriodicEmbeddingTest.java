package org.pikan4j.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * A network behind a periodic embedding is exactly periodic: value and derivatives agree at x and x + L;
 * bad configurations are refused by name. (Jets and gradients vs finite differences: the engine tests.)
 */
class PeriodicEmbeddingTest {

    @Test
    void outputRangesAreTheCircleForPeriodicInputsAndTheBoxOtherwise() {
        PeriodicEmbedding e = PeriodicEmbedding.of(3).withPeriod(1, 2.0);
        double[][] ranges = e.outputRanges(new double[] {0, -1, 2}, new double[] {1, 1, 5});
        assertArrayEquals(new double[] {0, -1, -1, 2}, ranges[0]);
        assertArrayEquals(new double[] {1, 1, 1, 5}, ranges[1]);
        assertEquals("outputRanges needs one lower and one upper bound per input (3), got 2 and 3",
                assertThrows(IllegalArgumentException.class,
                        () -> e.outputRanges(new double[] {0, 0}, new double[] {1, 1, 1})).getMessage());
    }

    @Test
    void networkAndItsDerivativesArePeriodicInTheEmbeddedCoordinate() {
        double period = 2.0;
        Network network = Kan.widths(3, 5, 1).grid(5).degree(3).noise(0.3).build()
                .withEmbedding(PeriodicEmbedding.of(2).withPeriod(0, period));
        DerivativeSet set = DerivativeSet.of(2, List.of(MultiIndex.of(2, 0), MultiIndex.of(1, 1), MultiIndex.of(0, 1)));
        double[] theta = network.initialParameters(3);
        double[][] points = {{-1.0, 0.2}, {-0.37, 0.9}, {0.41, 0.05}};
        double[][] shifted = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            shifted[n] = new double[] {points[n][0] + period, points[n][1]};
        }
        NetworkEvaluator evaluator = new JvmBackend(8).evaluator(network, set);
        double[] here = copy(evaluator.forward(theta, points, 0, points.length), points.length, set.size());
        double[] there = copy(evaluator.forward(theta, shifted, 0, points.length), points.length, set.size());
        for (int i = 0; i < here.length; i++) {
            // round-off of cos/sin at x + 2 vs x, through two layers
            assertEquals(here[i], there[i], 1e-12 * Math.max(1.0, Math.abs(here[i])), "jet entry " + i);
        }
        double slope = here[set.indexOf(MultiIndex.of(1, 0))];
        assertTrue(Math.abs(slope) > 1e-3, "u_x must not vanish, or the check would be empty: " + slope);
    }

    private static double[] copy(JetBlock block, int points, int components) {
        double[] out = new double[points * components];
        for (int n = 0; n < points; n++) {
            for (int c = 0; c < components; c++) {
                out[n * components + c] = block.get(n, c, 0);
            }
        }
        return out;
    }

    @Test
    void outputsAreCosineAndSinePerPeriodicInputInInputOrder() {
        PeriodicEmbedding e = PeriodicEmbedding.of(3).withPeriod(0, 2.0).withPeriod(2, 4.0);
        assertEquals(5, e.outputWidth());
        assertEquals(0, e.firstOutput(0));
        assertEquals(2, e.firstOutput(1));
        assertEquals(3, e.firstOutput(2));
        assertEquals("periodic 3->5 (x0 period 2.0, x2 period 4.0)", e.describe());
    }

    @Test
    void badConfigurationsAreRefusedByName() {
        assertMessage(() -> PeriodicEmbedding.of(0), "inputs", ">= 1");
        assertMessage(() -> PeriodicEmbedding.of(2).withPeriod(2, 1.0), "[0, 1]", "got 2");
        assertMessage(() -> PeriodicEmbedding.of(2).withPeriod(0, -1.0), "period of input 0", "got -1.0");
        assertMessage(() -> PeriodicEmbedding.of(2).withPeriod(0, Double.NaN), "finite and > 0");
        assertMessage(() -> PeriodicEmbedding.of(2).withPeriod(0, 1.0).withPeriod(0, 2.0), "already periodic");
        PeriodicEmbedding e = PeriodicEmbedding.of(2).withPeriod(0, 2.0);
        assertMessage(() -> Kan.widths(2, 1).build().withEmbedding(e), "gives 3 outputs", "takes 2 inputs");
        assertMessage(() -> new Network(List.of(new DenseLayer(2, 2, Activation.TANH), PeriodicEmbedding.of(2)
                .withPeriod(0, 1.0), new DenseLayer(3, 1, Activation.IDENTITY))), "layer 1", "must be layer 0");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f), "message \"" + ex.getMessage() + "\" lacks \"" + f + "\"");
        }
    }
}
