package org.pikan4j.validation.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves y(x) on linear axes via XChart, e.g. a 1D solution against the exact one, or pointwise errors.
 * Values whose largest magnitude is below 1e-2 or at least 1e4 are drawn in units of a power of ten that
 * the y-axis title names: XChart 3.8's own ticks for some such ranges (errors near 6e-5, say) come out at
 * uneven places with long labels printed over each other.
 */
public final class LinePlot {

    private static final double SMALL = 1e-2;
    private static final double LARGE = 1e4;

    private LinePlot() {
    }

    /**
     * Writes the curves to {@code file} (PNG), without a y-axis title unless the values are rescaled.
     *
     * @param x      the abscissae, shared by every curve
     * @param curves name to values, each the length of x
     */
    public static void write(double[] x, Map<String, double[]> curves, String xTitle, String title, Path file)
            throws IOException {
        BitmapEncoder.saveBitmap(chart(x, curves, xTitle, "", title), file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * The curves as an image (for a notebook, or to place in a larger figure).
     *
     * @param x      the abscissae, shared by every curve
     * @param curves name to values, each the length of x
     * @param yTitle the y-axis title, empty for none (a rescaling still names its unit)
     */
    public static BufferedImage render(double[] x, Map<String, double[]> curves, String xTitle, String yTitle,
                                       String title) {
        return BitmapEncoder.getBufferedImage(chart(x, curves, xTitle, yTitle, title));
    }

    private static XYChart chart(double[] x, Map<String, double[]> curves, String xTitle, String yTitle,
                                 String title) {
        int exponent = unitExponent(curves.values());
        double unit = Math.pow(10, exponent);
        String unitTitle = exponent == 0 ? yTitle : (yTitle.isEmpty() ? "" : yTitle + ", ") + "in units of 1e" + exponent;
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle)
                .yAxisTitle(unitTitle).build();
        chart.getStyler().setLegendVisible(true);
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            double[] y = curve.getValue();
            if (y.length != x.length) {
                throw new IllegalArgumentException("curve \"" + curve.getKey() + "\" must have " + x.length
                        + " values (one per x), got " + y.length);
            }
            double[] scaled = new double[y.length];
            for (int n = 0; n < y.length; n++) {
                scaled[n] = y[n] / unit;
            }
            chart.addSeries(curve.getKey(), x, scaled).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * The power of ten the values are drawn in: 0 when their largest finite magnitude lies in [1e-2, 1e4)
     * or there is none (all zero or non-finite), otherwise the decade of that magnitude, so that the drawn
     * values reach between 1 and 10.
     */
    static int unitExponent(Collection<double[]> curves) {
        double largest = 0;
        for (double[] y : curves) {
            for (double v : y) {
                if (Double.isFinite(v)) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        if (largest == 0 || largest >= SMALL && largest < LARGE) {
            return 0;
        }
        return (int) Math.floor(Math.log10(largest));
    }
}
