package org.pikan4j.validation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.validation.metrics.ErrorOverTime;
import org.pikan4j.validation.solve.EvaluationGrid;
import org.pikan4j.validation.solve.Solution;

/**
 * Writes a {@link Solution} into a folder: {@code history.csv} (loss per term per step), {@code events.csv}
 * (stages, grid extensions, refinements), {@code loss.png}, and plots of every field against its exact solution:
 * for a 2D grid (space-time: x by t) heat maps {@code solution.png}, {@code exact.png}, {@code error.png}
 * (pointwise |error|), and for space-time also {@code error-by-time.csv} and {@code error-time.png} (the error of
 * each time slice, see {@link ErrorOverTime}); for a 1D grid a line plot {@code solution.png}. A second field's
 * files get the field name, e.g. {@code solution-v.png}. A KAN also gets {@code network.png}, its
 * {@link NetworkDiagram} on the evaluation grid.
 */
public final class SolutionReport {

    /** History events drawn as markers on the loss plot: stage starts, grid extensions, collocation redraws. */
    private static final List<String> MARKED_EVENTS = List.of("stage", "grid extension", "refine", "resample");

    /** Points of the evaluation grid the diagram samples its edges on: enough to show ranges and shapes. */
    static final int DIAGRAM_POINTS = 2000;

    private SolutionReport() {
    }

    /**
     * Writes the files, creating the folder.
     *
     * @return the files written, in order
     */
    public static List<Path> write(Solution s, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        TrainingHistory history = s.training().history();
        Path csv = folder.resolve("history.csv");
        history.writeCsv(csv);
        files.add(csv);
        Path events = folder.resolve("events.csv");
        history.writeEventsCsv(events);
        files.add(events);
        Path loss = folder.resolve("loss.png");
        writeLoss(history, s.problem().name(), loss);
        files.add(loss);
        List<String> fields = s.problem().fieldNames();
        for (int k = 0; k < fields.size(); k++) {
            String field = fields.get(k);
            String suffix = k == 0 ? "" : "-" + field;
            if (s.grid().dimension() == 2) {
                files.addAll(heatmaps(s, field, folder, suffix));
                Optional<ErrorOverTime> overTime = s.errorOverTime(field);
                if (overTime.isPresent()) {
                    files.addAll(errorOverTime(overTime.get(), s.problem().name() + " " + field, folder, suffix));
                }
            } else if (s.grid().dimension() == 1) {
                Path line = folder.resolve("solution" + suffix + ".png");
                double[] x = new double[s.grid().size()];
                for (int n = 0; n < x.length; n++) {
                    x[n] = s.grid().points()[n][0];
                }
                Map<String, double[]> curves = new LinkedHashMap<>();
                curves.put(field + " (trained)", s.approximations().get(field));
                curves.put(field + " (exact)", s.exact().get(field));
                LinePlot.write(x, curves, s.problem().coordinateNames().get(0),
                        s.problem().name() + ": " + field + ", " + s.errors().get(field), line);
                files.add(line);
            }
        }
        if (s.network().layers().stream().allMatch(KanLayer.class::isInstance)) {
            files.add(writeDiagram(s, folder.resolve("network.png")));
        }
        return files;
    }

    private static Path writeDiagram(Solution s, Path file) throws IOException {
        double[][] grid = s.grid().points();
        int stride = Math.max(1, grid.length / DIAGRAM_POINTS);
        double[][] points = new double[(grid.length + stride - 1) / stride][];
        for (int n = 0; n < points.length; n++) {
            points[n] = grid[n * stride];
        }
        List<String> outputs = new ArrayList<>();
        for (String field : s.problem().fieldNames()) {
            // with an output transform u = g + d·N the network computes N, not u
            outputs.add(s.problem().hasOutputTransform(field) ? "N[" + field + "]" : field);
        }
        NetworkDiagram.of(s.network(), s.training().theta(), points)
                .withInputNames(s.problem().coordinateNames()).withOutputNames(outputs)
                .withTitle(s.problem().name() + ": " + s.settings().model()).write(file);
        return file;
    }

    private static void writeLoss(TrainingHistory history, String title, Path file) throws IOException {
        double[] steps = history.rows().stream().mapToDouble(TrainingHistory.Row::step).toArray();
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("loss", history.losses());
        for (String term : history.termNames()) {
            curves.put(term, history.termValues(term));
        }
        Map<String, List<Double>> events = new LinkedHashMap<>();
        for (TrainingHistory.Event e : history.events()) {
            if (e.step() > 0 && MARKED_EVENTS.contains(e.kind())) {
                events.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add((double) e.step());
            }
        }
        LossPlot.write(steps, curves, events, title + ": training loss", file);
    }

    private static List<Path> errorOverTime(ErrorOverTime errors, String name, Path folder, String suffix)
            throws IOException {
        Path csv = folder.resolve("error-by-time" + suffix + ".csv");
        errors.writeCsv(csv);
        Path plot = folder.resolve("error-time" + suffix + ".png");
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("relative L2 over space", errors.relativeL2());
        curves.put("max |error|", errors.maxError());
        LossPlot.write(errors.times(), curves, Map.of(), "t", "error at time t", "0.##", name + ": error over time",
                plot);
        return List.of(csv, plot);
    }

    private static List<Path> heatmaps(Solution s, String field, Path folder, String suffix) throws IOException {
        EvaluationGrid grid = s.grid();
        double[] lo = grid.lower();
        double[] hi = grid.upper();
        double[] trained = s.approximations().get(field);
        double[] exact = s.exact().get(field);
        double[] error = new double[trained.length];
        for (int n = 0; n < error.length; n++) {
            error[n] = Math.abs(trained[n] - exact[n]);
        }
        List<String> axes = s.problem().coordinateNames();
        String name = s.problem().name() + " " + field;
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, double[]> plot : Map.of("solution", trained, "exact", exact, "error", error)
                .entrySet()) {
            Path file = folder.resolve(plot.getKey() + suffix + ".png");
            String title = plot.getKey().equals("error") ? name + String.format(java.util.Locale.ROOT, ": |error|, rel. L2 %.2e",
                    s.errors().get(field).relativeL2())
                    : name + ": " + plot.getKey();
            Heatmap.render(grid.asRows(plot.getValue()), lo[0], hi[0], lo[1], hi[1], title, axes.get(0), axes.get(1),
                    file);
            files.add(file);
        }
        return files;
    }
}
