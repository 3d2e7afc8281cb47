package org.pikan4j.validation.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinePlotTest {

    @Test
    void smallAndLargeValuesAreDrawnInUnitsOfTheirDecade() {
        assertEquals(-5, LinePlot.unitExponent(List.of(new double[] {-6.2e-5, 1.9e-6})));
        assertEquals(-3, LinePlot.unitExponent(List.of(new double[] {9.9e-3})));
        assertEquals(5, LinePlot.unitExponent(List.of(new double[] {1.0}, new double[] {-2.5e5})));
        // within [1e-2, 1e4) the values are drawn as they are
        assertEquals(0, LinePlot.unitExponent(List.of(new double[] {1e-2, -3e-3})));
        assertEquals(0, LinePlot.unitExponent(List.of(new double[] {9999.0})));
        // zeros and non-finite values alone leave nothing to scale by
        assertEquals(0, LinePlot.unitExponent(List.of(new double[] {0.0, Double.NaN, Double.POSITIVE_INFINITY})));
        assertEquals(-4, LinePlot.unitExponent(List.of(new double[] {Double.NaN, 3e-4})));
    }

    /**
     * Errors near 6e-5 (the range where XChart's own ticks overlap) draw exactly as the same curves given
     * in units of 1e-5 with that unit in the title.
     */
    @Test
    void rescaledChartMatchesTheChartOfTheScaledValues() {
        double[] x = new double[201];
        double[] small = new double[x.length];
        double[] scaled = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            x[n] = -1 + n / 100.0;
            scaled[n] = 6.25 * Math.sin(7 * x[n]);
            small[n] = scaled[n] * 1e-5;
        }
        BufferedImage drawn = LinePlot.render(x, Map.of("error", small), "x", "u - u*", "errors");
        BufferedImage expected = LinePlot.render(x, Map.of("error", scaled), "x", "u - u*, in units of 1e-5", "errors");
        assertEquals(800, drawn.getWidth());
        assertEquals(500, drawn.getHeight());
        assertArrayEquals(pixels(expected), pixels(drawn));
    }

    @Test
    void curveOfTheWrongLengthIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinePlot.render(new double[3], Map.of("u", new double[2]), "x", "", "t"));
        assertEquals("curve \"u\" must have 3 values (one per x), got 2", e.getMessage());
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
