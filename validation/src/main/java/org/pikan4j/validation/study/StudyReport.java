package org.pikan4j.validation.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.validation.solve.EvaluationGrid;

/**
 * The reports of a study, written into its output folder beside {@code results.csv} (every seed's
 * row): {@code summary.csv} and {@code summary.md} (median and range over seeds per configuration;
 * the fitted convergence orders in G; KAN against MLP at matched parameter counts; the plots;
 * the machine and the command that regenerates it) and the PNG plots of {@link StudyPlots}.
 */
public final class StudyReport {

    /** The Markdown report. */
    public static final String MARKDOWN = "summary.md";
    /** Medians and ranges per configuration, as CSV. */
    public static final String SUMMARY_CSV = "summary.csv";

    private StudyReport() {
    }

    /**
     * Writes the reports.
     *
     * @param command the command that regenerates the study, quoted in the Markdown (may be empty)
     * @return the file names written
     */
    public static List<String> write(StudyResults results, Path folder, String command) throws IOException {
        List<ConfigurationSummary> summaries = ConfigurationSummary.of(results.results());
        List<GridSeries> series = GridSeries.of(summaries);
        List<String> files = new ArrayList<>();
        Files.writeString(folder.resolve(SUMMARY_CSV), csv(summaries), StandardCharsets.UTF_8);
        files.add(SUMMARY_CSV);
        List<String> plots = results.results().isEmpty() ? List.of()
                : StudyPlots.write(results, summaries, series, folder);
        Files.writeString(folder.resolve(MARKDOWN), markdown(results, summaries, series, plots, command),
                StandardCharsets.UTF_8);
        files.add(MARKDOWN);
        files.addAll(plots);
        return files;
    }

    /** The Markdown report (headings from level 3, so that it can be pasted under a README section). */
    static String markdown(StudyResults results, List<ConfigurationSummary> summaries, List<GridSeries> series,
                           List<String> plots, String command) {
        StudyDefinition study = results.study();
        StringBuilder md = new StringBuilder();
        md.append("### Study ").append(study.name()).append(": ").append(study.problem()).append("\n\n");
        if (!study.description().isEmpty()) {
            md.append(study.description()).append("\n\n");
        }
        md.append(StudyDefinition.entry(study.problem()).description()).append(".\n\n");
        OptimizerPlan o = study.optimizer();
        md.append(String.format(Locale.ROOT, "Every cell: %s interior / %d boundary / %d initial points (Sobol), %s;"
                        + " seeds %s (initial parameters). Errors of the first field: relative L2 and max error on"
                        + " the evaluation grid (%s), L2 = (∫(u - u*)²)^½ by tensor Gauss-Legendre quadrature."
                        + " Median [min, max] over the seeds.%n%n",
                study.interior().stream().map(String::valueOf).collect(Collectors.joining(" / ")), study.boundary(),
                study.initial(), o, study.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                EvaluationGrid.POINTS_2D + " per axis in 2D, " + EvaluationGrid.POINTS_1D + " points in 1D"));
        md.append("| model | params | points | seeds | rel. L2 median [min, max] | max error | L2 error | final loss"
                + " | wall s |\n| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
        for (ConfigurationSummary s : summaries) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s [%s, %s] | %s | %s | %s | %.1f |%n",
                    s.configuration().model(), s.parameters(), s.configuration().interior(), s.seeds(),
                    sci(s.relativeL2().median()), sci(s.relativeL2().min()), sci(s.relativeL2().max()),
                    sci(s.maxError().median()), sci(s.l2Error().median()), sci(s.finalLoss().median()),
                    s.seconds().median()));
        }
        if (!results.failures().isEmpty()) {
            md.append("\n").append(results.failures().size()).append(" cells did not finish:");
            results.failures().forEach(f -> md.append("\n- ").append(f.cell()).append(": ").append(f.message()));
            md.append("\n");
        }
        orders(md, series);
        pairs(md, MatchedPair.of(summaries));
        md.append("\n");
        for (String p : plots) {
            md.append("![").append(p.replace(".png", "").replace('_', ' ')).append("](").append(p).append(")\n");
        }
        md.append(String.format(Locale.ROOT, "%nReport written on %d cores, Java %s (%s %s)%s.%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                command == null || command.isEmpty() ? "" : "; regenerate with `" + command + "`"));
        return md.toString();
    }

    private static void orders(StringBuilder md, List<GridSeries> series) {
        List<GridSeries> fitted = series.stream().filter(s -> s.order().isPresent()).toList();
        if (fitted.isEmpty()) {
            return;
        }
        md.append("\n#### Convergence in the grid size G\n\nFitted to the median relative L2 error: the range starts"
                + " at the smallest G and ends at the first step whose local rate falls below half the order fitted"
                + " so far (the error is then no longer approximation-limited).\n\n");
        for (GridSeries s : fitted) {
            md.append("- ").append(s.label()).append(": ").append(s.order().orElseThrow().describe())
                    .append("; spline theory k + 1 = ").append(s.degree() + 1).append('\n');
        }
    }

    private static void pairs(StringBuilder md, List<MatchedPair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        md.append("\n#### KAN against MLP at matched parameter counts\n\nEach KAN with the MLP nearest in parameter"
                + " count (within a factor " + MatchedPair.TOLERANCE + "). \"Error ratio\" is MLP over KAN median"
                + " relative L2 (above 1: the KAN is more accurate); \"clear\" when the seeds' ranges do not overlap.\n\n"
                + "| KAN | params | MLP | params | KAN rel. L2 | MLP rel. L2 | more accurate | error ratio | clear |"
                + " wall time KAN / MLP |\n| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | --- | ---: |\n");
        for (MatchedPair p : pairs) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s | %s | %.2f | %s | %.2f |%n",
                    p.kan().configuration().model(), p.kan().parameters(), p.mlp().configuration().model(),
                    p.mlp().parameters(), sci(p.kan().relativeL2().median()), sci(p.mlp().relativeL2().median()),
                    p.errorRatio() > 1 ? "KAN" : "MLP", p.errorRatio(), p.separated() ? "yes" : "no", p.timeRatio()));
        }
    }

    /** The summary as CSV, one row per configuration. */
    static String csv(List<ConfigurationSummary> summaries) {
        StringBuilder s = new StringBuilder("family,widths,params,grid,k,schedule,interior,seeds,rel_l2_median,"
                + "rel_l2_min,rel_l2_max,max_error_median,l2_error_median,final_loss_median,wall_s_median\n");
        for (ConfigurationSummary c : summaries) {
            StudyCell cell = c.configuration();
            ModelSpec m = cell.model();
            boolean kan = c.isKan();
            s.append(String.join(",", m.kind().name().toLowerCase(Locale.ROOT), CellResult.widths(m.widths()),
                    Integer.toString(c.parameters()), kan ? Integer.toString(cell.finalGrid()) : "",
                    kan ? Integer.toString(m.degree()) : "", cell.schedule(),
                    Integer.toString(cell.interior()), Integer.toString(c.seeds()),
                    Double.toString(c.relativeL2().median()), Double.toString(c.relativeL2().min()),
                    Double.toString(c.relativeL2().max()), Double.toString(c.maxError().median()),
                    Double.toString(c.l2Error().median()), Double.toString(c.finalLoss().median()),
                    String.format(Locale.ROOT, "%.3f", c.seconds().median()))).append('\n');
        }
        return s.toString();
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
