package org.pikan4j.validation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves on a log scale as PNG via XChart: the loss (total and per term) against the step, with vertical lines at
 * events, or any positive quantity against another, e.g. an error against time.
 */
public final class LossPlot {

    private LossPlot() {
    }

    /**
     * Writes the curves to {@code file} (PNG). Non-positive values are dropped (log scale).
     *
     * @param steps  the x values
     * @param curves name to values, all the length of steps
     * @param events steps to mark with vertical lines, by kind (e.g. "stage", "grid extension"); may be empty
     */
    public static void write(double[] steps, Map<String, double[]> curves, Map<String, List<Double>> events,
                             String title, Path file) throws IOException {
        write(steps, curves, events, "step", "loss", "#", title, file);
    }

    /**
     * Writes the curves to {@code file} (PNG) with the axes named. Non-positive values are dropped (log scale).
     *
     * @param xValues  the x values
     * @param curves   name to values, all the length of xValues
     * @param events   x values to mark with vertical lines, by kind; may be empty
     * @param xPattern a {@link java.text.DecimalFormat} pattern for the x labels, e.g. "#" for steps, or null for
     *                 XChart's own
     */
    public static void write(double[] xValues, Map<String, double[]> curves, Map<String, List<Double>> events,
                             String xTitle, String yTitle, String xPattern, String title, Path file)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setMarkerSize(0);
        if (xPattern != null) {
            chart.getStyler().setXAxisDecimalPattern(xPattern);
        }
        chart.getStyler().setXAxisMaxLabelCount(8);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            double[] x = positiveX(xValues, curve.getValue());
            double[] y = positive(curve.getValue());
            if (y.length == 0) {
                continue;
            }
            for (double v : y) {
                lowest = Math.min(lowest, v);
                highest = Math.max(highest, v);
            }
            chart.addSeries(curve.getKey(), x, y).setMarker(SeriesMarkers.NONE);
        }
        if (highest > 0) {
            for (Map.Entry<String, List<Double>> kind : events.entrySet()) {
                addVerticalLines(chart, kind.getKey(), kind.getValue(), lowest, highest);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** One series of vertical lines at the given steps, broken apart by NaN gaps. */
    private static void addVerticalLines(XYChart chart, String name, List<Double> steps, double lo, double hi) {
        if (steps.isEmpty()) {
            return;
        }
        double[] x = new double[3 * steps.size()];
        double[] y = new double[3 * steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            x[3 * i] = steps.get(i);
            x[3 * i + 1] = steps.get(i);
            x[3 * i + 2] = Double.NaN;
            y[3 * i] = lo;
            y[3 * i + 1] = hi;
            y[3 * i + 2] = Double.NaN;
        }
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
    }

    private static double[] positive(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).toArray();
    }

    private static double[] positiveX(double[] steps, double[] values) {
        java.util.List<Double> x = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && Double.isFinite(values[i])) {
                x.add(steps[i]);
            }
        }
        return x.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
