package org.pikan4j.validation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.concurrent.Callable;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.metrics.ErrorOverTime;
import org.pikan4j.validation.report.SolutionReport;
import org.pikan4j.validation.solve.AdaptiveComparison;
import org.pikan4j.validation.solve.Adaptivity;
import org.pikan4j.validation.solve.ScoreGrid;
import org.pikan4j.validation.solve.Solver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pikan adaptive <problem>}: adaptive against fixed grids at the same wall-time budget over seeds (see
 * {@link AdaptiveComparison}); prints and writes a Markdown table and a CSV, and each solve's report.
 */
@Command(name = "adaptive", mixinStandardHelpOptions = true,
        description = "Compare adaptive refinement (grid extension on plateaus + RAD) with a fixed fine grid at the"
                + " same wall-time budget, over seeds.")
final class AdaptiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<problem>", description = "catalog problem name, e.g. helmholtz2d")
    String problem;

    @Option(names = "--budget", defaultValue = "60", paramLabel = "SECONDS",
            description = "wall time of every solve (default: ${DEFAULT-VALUE})")
    double budget;

    @Option(names = "--adam-share", defaultValue = "0.5", paramLabel = "F",
            description = "share of the budget for Adam, the rest for L-BFGS (default: ${DEFAULT-VALUE})")
    double adamShare;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", paramLabel = "S",
            description = "seeds (default: ${DEFAULT-VALUE})")
    long[] seeds;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N",
            description = "solves running at a time (default: ${DEFAULT-VALUE}: a seed's fixed and adaptive solve"
                    + " side by side)")
    int parallel;

    @Option(names = "--threads", defaultValue = "1", description = "threads per solve (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--widths", split = ",", paramLabel = "W", description = "KAN widths, e.g. 2,10,1")
    int[] widths;

    @Option(names = "--grid", paramLabel = "G", description = "starting grid of the adaptive solves")
    Integer grid;

    @Option(names = "--domain-grid", description = "KAN: the first layer's grids span the domain's box (e.g. t in"
            + " [0, 1]) instead of [-1, 1]")
    boolean domainGrid;

    @Option(names = "--extend", split = ",", paramLabel = "G",
            description = "grid sizes the adaptive solves extend to; the fixed ones use the last (default: the entry's)")
    int[] extend;

    @Option(names = "--interior", paramLabel = "N", description = "interior collocation points")
    Integer interior;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate")
    Double learningRate;

    @Option(names = "--refine", defaultValue = "plateau", paramLabel = AdaptivityOptions.TRIGGERS,
            description = "when the adaptive solves refine during Adam: whenever the loss plateaus, after the"
                    + " --refine-at steps, or when the residual concentrates (--indicator-ratio) (default:"
                    + " ${DEFAULT-VALUE})")
    String refine;

    @Mixin
    AdaptivityOptions adaptivity;

    @Mixin
    ContinuationOptions continuation;

    @Mixin
    CausalDecayOption causalDecay;

    @Mixin
    DenseBfgsOption denseBfgs;

    @Option(names = "--fixed-with-rad-rba", description = "the fixed solves also get the adaptive solves' RAD and RBA"
            + " (everything but grid extension, knot insertion and a --continuation by grid level; with"
            + " --continuation-steps they follow its levels by Adam step)")
    boolean fixedCollocation;

    @Mixin
    ScoreGridOption scoreGrid;

    /** The {@code --score-grid} grids, built (and so checked) by {@link #configure()}. */
    private List<ScoreGrid> scoring = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: pikan-out/adaptive-<problem>)")
    Path out;

    @Override
    public Integer call() throws IOException {
        AdaptiveComparison comparison = configure();
        Path folder = out != null ? out : Path.of("pikan-out", "adaptive-" + problem);
        Files.createDirectories(folder);
        System.out.println(problem + ": " + comparison.describe());
        Map<AdaptiveComparison.Result, double[]> scores = Collections.synchronizedMap(new IdentityHashMap<>());
        List<AdaptiveComparison.Result> results = comparison.run(r -> {
            StringBuilder scored = new StringBuilder();
            double[] l2 = new double[scoring.size()];
            for (int g = 0; g < l2.length; g++) {
                ErrorMetrics e = scoring.get(g).error(r.solution());
                l2[g] = e.relativeL2();
                scored.append("; ").append(ScoreGridOption.describe(e, scoring.get(g)));
            }
            scores.put(r, l2);
            synchronized (System.out) {
                System.out.printf(Locale.ROOT, "%-8s seed %d: relative L2 %.3e in %.1f s (%d Adam + %d %s steps,"
                                + " %d refinements)%s%n", r.mode(), r.solution().seed(),
                        r.solution().error().relativeL2(), r.solution().seconds(), r.adamSteps(), r.lbfgsSteps(),
                        r.quasiNewton(), r.refinements().size(), scored);
            }
        });
        for (AdaptiveComparison.Result r : results) {
            SolutionReport.write(r.solution(), folder.resolve(r.mode() + "-seed" + r.solution().seed()));
        }
        StringBuilder table = new StringBuilder(AdaptiveComparison.markdown(results));
        StringBuilder header = new StringBuilder(AdaptiveComparison.CSV_HEADER);
        for (int g = 0; g < scoring.size(); g++) {
            int column = g;
            table.append('\n').append(AdaptiveComparison.medianLine(results, r -> scores.get(r)[column],
                    "relative L2 on the " + scoring.get(g).label() + " grid"));
            header.append(",relative_l2_").append(scoring.get(g).label().replace(' ', '_'));
        }
        table.append(overTime(results));
        System.out.print(table);
        Files.writeString(folder.resolve("adaptive-vs-fixed.md"), "# " + problem + "\n\n" + comparison.describe()
                + "\n\n" + table);
        List<String> csv = new ArrayList<>(List.of(header.toString()));
        for (AdaptiveComparison.Result r : results) {
            StringBuilder line = new StringBuilder(r.csv());
            for (double l2 : scores.get(r)) {
                line.append(String.format(Locale.ROOT, ",%.6e", l2));
            }
            csv.add(line.toString());
        }
        Files.write(folder.resolve("adaptive-vs-fixed.csv"), csv);
        System.out.println("wrote " + folder);
        return 0;
    }

    /**
     * For a problem in space and time, median lines of the first field's relative L2 at a quarter, half, three
     * quarters and the end of the interval: when in time the refinement gains. Empty otherwise.
     */
    private static String overTime(List<AdaptiveComparison.Result> results) {
        String field = results.get(0).solution().problem().fieldNames().get(0);
        Map<AdaptiveComparison.Result, ErrorOverTime> errors = new IdentityHashMap<>();
        for (AdaptiveComparison.Result r : results) {
            r.solution().errorOverTime(field).ifPresent(e -> errors.put(r, e));
        }
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (double time : TimeQuarters.of(errors.get(results.get(0)))) {
            lines.append('\n').append(AdaptiveComparison.medianLine(results, r -> errors.get(r).at(time).relativeL2(),
                    "relative L2 at t = " + TimeQuarters.label(time)));
        }
        return lines.toString();
    }

    private AdaptiveComparison configure() {
        try {
            CatalogEntry entry = Catalog.standard().entry(problem);
            ModelSpec m = entry.recommendation().model();
            m = widths == null ? m : m.withWidths(widths);
            m = grid == null ? m : m.withGrid(grid);
            m = extend == null ? m : m.withExtensions(extend);
            m = domainGrid ? m.withDomainGrid(true) : m;
            Collocation c = entry.recommendation().collocation();
            c = interior == null ? c : Collocation.of(interior, c.boundary(), c.initial());
            Solver solver = Solver.of(entry).withModel(m).withCollocation(c).withThreads(threads);
            scoring = scoreGrid.grids(entry); // a bad count is refused before the solves
            if (learningRate != null) {
                solver = solver.withOptimizers(solver.settings().optimizers().withLearningRate(learningRate));
            }
            solver = solver.withOptimizers(denseBfgs.applyTo(solver.settings().optimizers()));
            if (causalDecay.given()) {
                solver = solver.withCausality(causalDecay.applyTo(solver.settings().causality()));
            }
            Adaptivity how = adaptivity.adaptivity(refine);
            AdaptiveComparison comparison = AdaptiveComparison.of(solver)
                    .withAdaptivity(continuation.byGridLevel().map(how::withContinuation).orElse(how))
                    .withBudget(budget, adamShare).withSeeds(seeds)
                    .withParallelSolves(parallel).withFixedCollocationAdaptivity(fixedCollocation);
            return continuation.steps == null ? comparison
                    : comparison.withFixedContinuation(continuation.byAdamSteps().orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
