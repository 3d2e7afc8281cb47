package org.pikan4j.validation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Curves y(x) on linear axes as PNG via XChart, e.g. a 1D solution against the exact one. */
public final class LinePlot {

    private LinePlot() {
    }

    /**
     * Writes the curves to {@code file} (PNG).
     *
     * @param x      the abscissae, shared by every curve
     * @param curves name to values, each the length of x
     */
    public static void write(double[] x, Map<String, double[]> curves, String xTitle, String title, Path file)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle).build();
        chart.getStyler().setLegendVisible(true);
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            chart.addSeries(curve.getKey(), x, curve.getValue()).setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
