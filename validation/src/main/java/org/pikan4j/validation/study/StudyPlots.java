package org.pikan4j.validation.study;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.pikan4j.problems.catalog.ModelSpec;

/**
 * The plots of a study as PNG (XChart, log-log): relative L2 error against parameter count and
 * against wall time (every seed as a dot, the median of each configuration as a diamond, joined
 * by a line against parameters when each count has one configuration), and against the grid size
 * G for each {@link GridSeries} with its fitted order and the slope spline theory predicts.
 */
final class StudyPlots {

    /** Error against parameter count. */
    static final String PARAMS = "error_vs_params.png";
    /** Error against grid size. */
    static final String GRID = "error_vs_grid.png";
    /** Error against wall time. */
    static final String TIME = "error_vs_time.png";

    private static final Color KAN = new Color(31, 119, 180);
    private static final Color MLP = new Color(214, 39, 40);
    /** Colours of the G series; a series and its fitted line share one. */
    private static final Color[] SERIES = {KAN, new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(255, 127, 14), new Color(140, 86, 75), new Color(23, 190, 207)};

    private StudyPlots() {
    }

    /** Writes the plots that apply (the G plot when a series has two grid sizes or more); returns their file names. */
    static List<String> write(StudyResults results, List<ConfigurationSummary> summaries, List<GridSeries> series,
                              Path folder) throws IOException {
        List<String> written = new ArrayList<>();
        String problem = results.study().problem();
        byFamily(results.results(), summaries, CellResult::parameters, s -> s.parameters(), "parameters", "#", true,
                problem + ": error against parameter count", folder.resolve(PARAMS));
        written.add(PARAMS);
        if (series.stream().anyMatch(s -> s.members().size() >= 2)) {
            grid(series, problem + ": KAN error against grid size G", folder.resolve(GRID));
            written.add(GRID);
        }
        byFamily(results.results(), summaries, CellResult::seconds, s -> s.seconds().median(), "wall time [s]", "#.#", false,
                problem + ": error against wall time", folder.resolve(TIME));
        written.add(TIME);
        return written;
    }

    private static void byFamily(List<CellResult> cells, List<ConfigurationSummary> summaries,
                                 ToDoubleFunction<CellResult> x, ToDoubleFunction<ConfigurationSummary> medianX,
                                 String xTitle, String xPattern, boolean join, String title, Path file)
            throws IOException {
        XYChart chart = logLog(title, xTitle, xPattern);
        List<Double> ys = new ArrayList<>();
        for (ModelSpec.Kind kind : ModelSpec.Kind.values()) {
            Color color = kind == ModelSpec.Kind.KAN ? KAN : MLP;
            List<CellResult> mine = cells.stream().filter(c -> c.cell().model().kind() == kind)
                    .filter(c -> positive(c.relativeL2())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            XYSeries dots = chart.addSeries(kind + " (each seed)", mine.stream().mapToDouble(x).toArray(),
                    mine.stream().mapToDouble(CellResult::relativeL2).toArray());
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(faded(color));
            mine.forEach(c -> ys.add(c.relativeL2()));
            List<ConfigurationSummary> medians = summaries.stream().filter(s -> s.configuration().model().kind() == kind)
                    .filter(s -> positive(s.relativeL2().median())).sorted(Comparator.comparingDouble(medianX)).toList();
            double[] mx = medians.stream().mapToDouble(medianX).toArray();
            XYSeries line = chart.addSeries(kind + " (median)", mx,
                    medians.stream().mapToDouble(s -> s.relativeL2().median()).toArray());
            line.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(color).setLineColor(color);
            // a line only joins one configuration per x; otherwise it would zigzag between unrelated ones
            if (!join || java.util.Arrays.stream(mx).distinct().count() < mx.length) {
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        labelDecades(chart, ys);
        save(chart, file);
    }

    private static void grid(List<GridSeries> series, String title, Path file) throws IOException {
        XYChart chart = logLog(title, "grid intervals G", "#");
        List<Double> ys = new ArrayList<>();
        java.util.Set<Integer> theories = new java.util.HashSet<>();
        int index = 0;
        for (GridSeries s : series) {
            if (s.members().size() < 2) {
                continue;
            }
            Color color = SERIES[index++ % SERIES.length];
            double[] g = s.grids();
            XYSeries line = chart.addSeries(s.label(), g, s.medians());
            java.util.Arrays.stream(s.medians()).filter(StudyPlots::positive).forEach(ys::add);
            line.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(color).setLineColor(color);
            Optional<ConvergenceOrder> order = s.order();
            if (order.isPresent()) {
                ConvergenceOrder o = order.get();
                double[] fg = java.util.Arrays.copyOf(g, o.last() + 1);
                double[] fe = java.util.Arrays.stream(fg).map(o::at).toArray();
                chart.addSeries(String.format(java.util.Locale.ROOT, "%s: fit, order %.2f (G = %.0f..%.0f)", s.label(),
                        o.order(), fg[0], fg[fg.length - 1]), fg, fe).setMarker(SeriesMarkers.NONE)
                        .setLineStyle(SeriesLines.DASH_DASH).setLineColor(color);
                if (!theories.add(s.degree())) {
                    continue;
                }
                // one reference slope per degree, through the first point of the first series of that degree
                double[] theory = java.util.Arrays.stream(g).map(v -> s.medians()[0] * Math.pow(v / g[0], -(s.degree() + 1)))
                        .toArray();
                chart.addSeries("G^-" + (s.degree() + 1) + " (spline theory, from the first point)", g, theory)
                        .setMarker(SeriesMarkers.NONE).setLineStyle(SeriesLines.DOT_DOT).setLineColor(Color.GRAY);
            }
        }
        labelDecades(chart, ys);
        save(chart, file);
    }

    /** Log-log axes labelled between the decades too (a sweep often spans less than one decade). */
    private static XYChart logLog(String title, String xTitle, String xPattern) {
        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle("relative L2 error").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setXAxisDecimalPattern(xPattern);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    /** Labels between the decades on the error axis too when the errors span less than about a decade and a half. */
    private static void labelDecades(XYChart chart, List<Double> ys) {
        double lo = ys.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double hi = ys.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(Math.log10(hi / lo) >= 1.5);
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }

    private static Color faded(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
