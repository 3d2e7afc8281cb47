package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;

class GridExtensionTest {

    static Stream<Arguments> multiples() {
        return Stream.of(
                Arguments.of(new int[] {2, 5, 1}, 10), Arguments.of(new int[] {2, 5, 1}, 20),
                Arguments.of(new int[] {2, 3, 3, 1}, 10), Arguments.of(new int[] {2, 3, 3, 1}, 20));
    }

    @ParameterizedTest(name = "KAN {0}: G 5 -> {1}")
    @MethodSource("multiples")
    void extensionByAMultipleKeepsOutputAndDerivatives(int[] widths, int newIntervals) {
        Network coarse = RefineFixtures.kan(widths);
        double[] theta = coarse.initialParameters(7);
        GridRefinement fine = GridExtension.extend(coarse, theta, newIntervals);
        // points beyond the grid range [-1, 1] too: the polynomial extrapolation must be kept as well
        double[][] points = RefineFixtures.points(300, 2, -1.3, 1.3, 11);
        double[][][] before = RefineFixtures.jets(coarse, theta, points);
        double[][][] after = RefineFixtures.jets(fine.network(), fine.theta(), points);
        double difference = RefineFixtures.maxDifference(before, after);
        assertTrue(difference <= 1e-10, "max difference of value, u_x, u_y, u_xx, u_xy, u_yy: " + difference);
        assertTrue(RefineFixtures.maxAbs(before) > 0.1, "the test network must not be trivial");
        for (int l = 0; l < widths.length - 1; l++) {
            KanLayer layer = (KanLayer) fine.network().layers().get(l);
            assertEquals(newIntervals, layer.grid(0).intervals());
            assertTrue(layer.grid(0).isUniform());
        }
        assertTrue(fine.record().relativeChange() < 1e-13, fine.record().toString());
    }

    @Test
    void extensionToANonMultipleIsAnL2ProjectionWithASmallMeasuredError() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        double[] theta = coarse.initialParameters(7);
        GridRefinement fine = GridExtension.extend(coarse, theta, 7);
        double[][] points = RefineFixtures.points(300, 2, -1.0, 1.0, 11);
        double[][][] before = RefineFixtures.jets(coarse, theta, points);
        double[][][] after = RefineFixtures.jets(fine.network(), fine.theta(), points);
        double valueDifference = 0.0;
        double largest = 0.0;
        for (int n = 0; n < points.length; n++) {
            valueDifference = Math.max(valueDifference, Math.abs(before[n][0][0] - after[n][0][0]));
            largest = Math.max(largest, Math.abs(before[n][0][0]));
        }
        double relative = fine.record().relativeChange();
        System.out.printf("G 5 -> 7 (L2 projection): max |u' - u| = %.3g (max |u| %.3g), "
                + "relative L2 change of spline parts %.3g%n", valueDifference, largest,
                relative);
        // measured: relative change 1.6e-2, max |u' - u| 3.3e-2 with max |u| 0.37 (seed 7, random coefficients
        // of half-width 0.5: rougher than trained edges, so this is a pessimistic figure)
        assertTrue(relative > 1e-6 && relative < 0.1, "relative change " + relative);
        assertTrue(valueDifference < 0.1, "max value difference " + valueDifference);
        assertTrue(fine.record().changes().get(0).contains("L2 projection"));
    }

    @Test
    void onlyCoefficientsChangeEverythingElseIsCopied() {
        Network coarse = RefineFixtures.kan(2, 3, 3, 1);
        double[] theta = Arrays.copyOf(coarse.initialParameters(3), coarse.parameterCount() + 2);
        theta[theta.length - 2] = 1.5;   // trailing trainable PDE coefficients
        theta[theta.length - 1] = -2.5;
        GridRefinement fine = GridExtension.extendLayer(coarse, theta, 1, 10);
        double[] mapped = fine.theta();
        assertEquals(fine.network().parameterCount() + 2, mapped.length);
        assertEquals(1.5, mapped[mapped.length - 2]);
        assertEquals(-2.5, mapped[mapped.length - 1]);
        for (String name : new String[] {"kan0.coef", "kan0.scaleBase", "kan1.scaleBase", "kan1.scaleSpline",
                "kan2.coef"}) {
            assertArrayEquals(block(coarse, theta, name), block(fine.network(), mapped, name), name);
        }
        assertEquals(5, ((KanLayer) fine.network().layers().get(0)).grid(0).intervals());
        assertEquals(10, ((KanLayer) fine.network().layers().get(1)).grid(0).intervals());
        assertEquals("kan1: G 5 -> 10 (exact knot insertion)", fine.record().changes().get(0));
        assertEquals(coarse.parameterCount(), fine.record().before());
        assertEquals(coarse.parameterCount() + 3 * 3 * 5, fine.record().after());
    }

    @Test
    void nonUniformGridsAreSubdividedExactly() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        double[] theta = coarse.initialParameters(5);
        GridRefinement bisected = KnotInsertion.bisect(coarse, theta, 0, 0, new int[] {1, 4});
        GridRefinement fine = GridExtension.extendLayer(bisected.network(), bisected.theta(), 0, 14);
        double[][] points = RefineFixtures.points(200, 2, -1.2, 1.2, 3);
        double difference = RefineFixtures.maxDifference(RefineFixtures.jets(coarse, theta, points),
                RefineFixtures.jets(fine.network(), fine.theta(), points));
        assertTrue(difference <= 1e-10, "max difference " + difference);
        assertTrue(!((KanLayer) fine.network().layers().get(0)).grid(0).isUniform());
    }

    @Test
    void refusesAGridThatDoesNotGrow() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        double[] theta = coarse.initialParameters(1);
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> GridExtension.extend(coarse, theta, 5));
        assertEquals("newIntervals (G') must be > the current G = 5 of layer kan0. (grid extension only refines),"
                + " got 5", same.getMessage());
        IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
                () -> GridExtension.extendLayer(coarse, theta, 1, 3));
        assertTrue(fewer.getMessage().contains("got 3"), fewer.getMessage());
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                () -> GridExtension.extendLayer(coarse, theta, 2, 10));
        assertEquals("layer must be in [0, 1], got 2", layer.getMessage());
    }

    @Test
    void refusesANetworkWithoutKanLayers() {
        Network mlp = org.pikan4j.core.nn.Mlp.widths(2, 4, 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridExtension.extend(mlp, mlp.initialParameters(1), 10));
        assertTrue(e.getMessage().startsWith("network must have a KAN layer to refine grids"), e.getMessage());
        assertEquals("layer 0 must be a KAN layer to refine its grids, got " + mlp.layers().get(0).describe(),
                assertThrows(IllegalArgumentException.class,
                        () -> GridExtension.extendLayer(mlp, mlp.initialParameters(1), 0, 10)).getMessage());
    }

    @Test
    void exactRowsAreConvexCombinations() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        GridRefinement fine = GridExtension.extend(coarse, coarse.initialParameters(1), 10);
        int offset = fine.network().layout().block("kan0.coef").offset();
        double smallest = 0.0;
        for (int p = offset; p < offset + 13; p++) {
            double[] row = fine.transfer().row(p);
            assertEquals(1.0, Arrays.stream(row).sum(), 1e-13, "constants stay constants, row " + p);
            smallest = Math.min(smallest, Arrays.stream(row).min().getAsDouble());
        }
        // measured: -4.3e-16, i.e. non-negative up to round-off (subdivision weights), even at the rebased ends
        assertTrue(smallest > -1e-12, "smallest weight " + smallest);
    }

    private static double[] block(Network network, double[] theta, String name) {
        var b = network.layout().block(name);
        return Arrays.copyOfRange(theta, b.offset(), b.offset() + b.length());
    }
}
