package org.pikan4j.validation.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pikan4j.core.io.CheckpointFile;
import org.pikan4j.core.io.ModelFileException;
import org.pikan4j.core.regularize.Regularization;
import org.pikan4j.core.symbolic.SymbolicLibrary;
import org.pikan4j.core.train.DivergenceGuard;
import org.pikan4j.core.backend.Precision;
import org.pikan4j.core.train.ProgressBar;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.Causality;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.metrics.ErrorOverTime;
import org.pikan4j.validation.report.SolutionReport;
import org.pikan4j.validation.solve.Adaptivity;
import org.pikan4j.validation.solve.ScoreGrid;
import org.pikan4j.validation.solve.Solution;
import org.pikan4j.validation.solve.Solver;
import org.pikan4j.validation.solve.SymbolicReadout;
import org.pikan4j.core.io.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pikan solve <problem>}: trains a KAN or MLP PINN on a catalog problem (the entry's
 * recommended settings unless overridden), prints the errors against the exact solution, and
 * writes the history and plots into the output folder.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve a catalog problem (see `pikan list`) and compare with its exact solution.")
final class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<problem>", description = "catalog problem name, e.g. poisson2d")
    String problem;

    @Option(names = "--model", paramLabel = "kan|mlp", description = "network family (default: the entry's)")
    ModelSpec.Kind model;

    @Option(names = "--widths", split = ",", paramLabel = "W", description = "layer widths, e.g. 2,10,1")
    int[] widths;

    @Option(names = "--grid", paramLabel = "G", description = "KAN grid intervals")
    Integer grid;

    @Option(names = "--degree", paramLabel = "K", description = "KAN spline degree")
    Integer degree;

    @Option(names = "--domain-grid", description = "KAN: the first layer's grids span the domain's box (e.g. t in"
            + " [0, 1]) instead of [-1, 1]")
    boolean domainGrid;

    @Option(names = "--extend", split = ",", paramLabel = "G",
            description = "KAN grid sizes to extend to after training, e.g. 10,20 (default: the entry's; none"
                    + " when --grid is given)")
    int[] extend;

    @Option(names = "--refine", defaultValue = "after-stages", paramLabel = "after-stages|plateau|steps|indicator",
            description = "when to extend the grid: after each training stage, or in an adaptive solve during Adam"
                    + " whenever the loss plateaus, after the --refine-at steps, or when the residual concentrates"
                    + " (--indicator-ratio) (default: ${DEFAULT-VALUE})")
    String refine;

    @Mixin
    AdaptivityOptions adaptivity;

    @Mixin
    ContinuationOptions continuation;

    @Mixin
    ScoreGridOption scoreGrid;

    /** The {@code --score-grid} grids, built (and so checked) by {@link #configure}. */
    private List<ScoreGrid> scoring = List.of();

    @Option(names = "--budget", paramLabel = "SECONDS",
            description = "wall-time budget of training: Adam stops at half of it, the other stages at all of it")
    Double budget;

    @Option(names = "--interior", paramLabel = "N", description = "interior collocation points")
    Integer interior;

    @Option(names = "--boundary", paramLabel = "N", description = "boundary collocation points")
    Integer boundary;

    @Option(names = "--initial", paramLabel = "N", description = "initial-slice points (space-time problems)")
    Integer initial;

    @Option(names = "--adam", paramLabel = "STEPS", description = "Adam steps (0 skips Adam)")
    Integer adam;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate")
    Double learningRate;

    @Option(names = "--lbfgs", paramLabel = "STEPS", description = "L-BFGS steps (0 skips L-BFGS)")
    Integer lbfgs;

    @Mixin
    DenseBfgsOption denseBfgs;

    @Option(names = "--lm", paramLabel = "STEPS", description = "Levenberg-Marquardt steps after L-BFGS (0 skips)")
    Integer lm;

    @Option(names = "--sparsity", paramLabel = "LAMBDA",
            description = "KAN sparsity regularization weight (pykan's lamb; L1 + 2·entropy of the edge activations)")
    Double sparsity;

    @Option(names = "--smoothness", paramLabel = "SIGMA",
            description = "KAN smoothness regularization weight (squared second derivative of every spline)")
    Double smoothness;

    /** Time slabs of --causal when neither the entry nor --causal-slabs give a number (Wang et al. use 32-100). */
    private static final int DEFAULT_CAUSAL_SLABS = 32;

    @Option(names = "--causal", paramLabel = "EPS", description = "causal training of the PDE terms of a space-time"
            + " problem: time slab i weighted by exp(-EPS · sum of the earlier slabs' mean squared residuals); 0 for"
            + " none (default: the entry's)")
    Double causal;

    @Option(names = "--causal-slabs", paramLabel = "M", description = "time slabs of --causal (default: the entry's,"
            + " or 32)")
    Integer causalSlabs;

    @Mixin
    CausalDecayOption causalDecay;

    @Option(names = "--fit-exact", paramLabel = "N", description = "train on the exact (or reference) solution's"
            + " values at N Sobol points instead of the equations, without causal weighting: the error the model"
            + " and optimizers reach when given the answer, a floor for the solve with the same options")
    Integer fitExact;

    @Option(names = "--symbolic", description = "KAN only: read the trained network back as a formula, fine-tune it"
            + " to the network and then to the PDE, print it with its errors and write formula.txt")
    boolean symbolic;

    @Option(names = "--symbolic-library", paramLabel = "F,..;F,..",
            description = "candidate functions per layer for --symbolic (implies it), layers separated by ';', e.g."
                    + " \"x;cos\" (default: the whole standard library on every layer)")
    String symbolicLibrary;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the initial parameters (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--backend", defaultValue = "jvm", description = "jvm, nd4j or auto (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--precision", defaultValue = "float64",
            description = "float64, or float32 with the nd4j backend (GPU) (default: ${DEFAULT-VALUE})")
    String precision;

    @Option(names = "--threads", defaultValue = "2", description = "threads evaluating the loss (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: pikan-out/<problem>)")
    Path out;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "also write <out>/checkpoint.pikan every"
            + " N steps (it is always written when a training phase stops, and on Ctrl-C)")
    Integer checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the run whose checkpoint is DIR/"
            + CHECKPOINT + " (or the file DIR), with the same options; the result is the uninterrupted run's")
    Path resume;

    @Option(names = "--divergence-retries", paramLabel = "N", defaultValue = "4", description = "roll-backs with"
            + " smaller steps when the loss diverges, before giving up (default: ${DEFAULT-VALUE}; 0: stop at once)")
    int divergenceRetries;

    /** The checkpoint file's name in the output folder. */
    static final String CHECKPOINT = "checkpoint.pikan";

    @Override
    public Integer call() throws IOException {
        CatalogEntry entry = entry();
        Solver solver = configure(entry);
        Path folder = out != null ? out : Path.of("pikan-out", entry.name());
        InterruptCheckpoint interrupt = new InterruptCheckpoint();
        solver = reliability(solver, folder);
        if (checkpointed()) {
            solver = solver.withListener(interrupt.install());
        }
        try {
            return solve(entry, solver, folder, interrupt);
        } finally {
            interrupt.finished();
        }
    }

    /** Whether this run writes checkpoints: not with adaptive refinement or a time budget unless asked to. */
    private boolean checkpointed() {
        return checkpointEvery != null || resume != null || (refine.equals("after-stages") && budget == null);
    }

    /**
     * The divergence guard, the resume and checkpoints into the output folder (not with adaptive refinement or a time
     * budget, which have none: asking for them there is an error); bad values become usage errors.
     */
    private Solver reliability(Solver solver, Path folder) throws IOException {
        try {
            if (checkpointEvery != null && checkpointEvery < 1) {
                throw new IllegalArgumentException("--checkpoint-every must be >= 1 step, got " + checkpointEvery);
            }
            if (divergenceRetries < 0) {
                throw new IllegalArgumentException("--divergence-retries must be >= 0, got " + divergenceRetries);
            }
            solver = solver.withDivergenceGuard(DivergenceGuard.standard().withRetries(divergenceRetries));
            if (resume != null) {
                Path file = Files.isDirectory(resume) ? resume.resolve(CHECKPOINT) : resume;
                try {
                    solver = solver.resumingFrom(CheckpointFile.load(file));
                } catch (ModelFileException e) {
                    throw new IllegalArgumentException("--resume: " + e.getMessage(), e);
                }
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--out " + folder + " is a file; give a folder (created if"
                        + " missing)");
            }
            if (!checkpointed()) {
                return solver;
            }
            solver = solver.withCheckpoints(folder.resolve(CHECKPOINT), checkpointEvery == null ? 0 : checkpointEvery);
            Files.createDirectories(folder);
            return solver;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The model as trained: a periodic embedding in front widens the first layer (KAN [2,...] takes 3 inputs). */
    private static String modelLine(Solver solver) {
        String model = solver.settings().model().toString();
        return solver.problem().embedding().map(e -> model + " behind the embedding " + e.describe()).orElse(model);
    }

    /** What the loss is evaluated on: the collocation points, or the exact solution's points of a fit. */
    private String pointsLine(Collocation c) {
        return fitExact != null ? "a fit of the exact solution at " + fitExact + " Sobol points (not the equations)"
                : c.interior() + " interior / " + c.boundary() + " boundary / " + c.initial() + " initial points";
    }

    private int solve(CatalogEntry entry, Solver solver, Path folder, InterruptCheckpoint interrupt)
            throws IOException {
        SymbolicReadout readout = symbolic || symbolicLibrary != null
                ? readout(solver.settings().model().widths().length - 1) : null;
        PrintStream console = System.out;
        Recommendation s = solver.settings();
        console.printf("%s: %s%n", entry.name(), entry.description());
        console.printf("model %s, %s, %s%s, seed %d, %s backend (%s), %d threads%n", modelLine(solver),
                pointsLine(s.collocation()), s.optimizers(), s.causality().isActive() ? ", " + s.causality() : "",
                seed, backend, precision, threads);
        solver.adaptivity().ifPresent(console::println);
        solver.continuation().ifPresent(c -> console.println("continuation " + c));
        Solution solution = solver.withListener(ProgressBar.to(console)).solve();
        for (Map.Entry<String, ErrorMetrics> e : solution.errors().entrySet()) {
            console.printf(Locale.ROOT, "%s: relative L2 %.3e, max error %.3e (%d grid points)%n", e.getKey(),
                    e.getValue().relativeL2(), e.getValue().maxError(), e.getValue().points());
            solution.errorOverTime(e.getKey()).ifPresent(o -> console.println(e.getKey() + " " + overTime(o)));
        }
        for (Map.Entry<String, Double> c : solution.coefficients().entrySet()) {
            Double truth = entry.trueCoefficients().get(c.getKey());
            console.printf(Locale.ROOT, "%s = %.6f%s%n", c.getKey(), c.getValue(), truth == null ? ""
                    : String.format(Locale.ROOT, " (true %.6f, relative error %.2e)", truth,
                    Math.abs(c.getValue() - truth) / Math.abs(truth)));
        }
        for (ScoreGrid g : scoring) {
            console.println(solution.problem().fieldNames().get(0) + ": "
                    + ScoreGridOption.describe(g.error(solution), g));
        }
        console.printf(Locale.ROOT, "parameters %d, wall time %.1f s%n", solution.parameters(), solution.seconds());
        if (interrupt.requested() && solution.training().stopReason() == StopReason.INTERRUPTED) {
            console.println("interrupted after step " + solution.training().history().lastStep() + "; checkpoint "
                    + folder.resolve(CHECKPOINT) + " written; continue with the same options and --resume " + folder);
            return 130;
        }
        SolutionReport.write(solution, folder);
        Map<String, String> metadata = new LinkedHashMap<>();   // ordered: the same run writes the same bytes
        metadata.put("problem", solution.problem().name());
        metadata.put("seed", Long.toString(solution.seed()));
        metadata.put("settings", solution.settings().toString());
        ModelFile.save(folder.resolve("model.pikan"), solution.network(), solution.training().theta(), metadata);
        if (readout != null) {
            FormulaReport.print(readout.read(solution), console, folder.resolve("formula.txt"));
        }
        console.println("wrote " + folder);
        return 0;
    }

    /** The relative L2 of the time slices at a quarter, half, three quarters and the end of the interval. */
    private static String overTime(ErrorOverTime errors) {
        StringBuilder line = new StringBuilder("relative L2 over space at");
        String separator = " ";
        for (double time : TimeQuarters.of(errors)) {
            line.append(String.format(Locale.ROOT, "%st = %s: %.2e", separator, TimeQuarters.label(time),
                    errors.at(time).relativeL2()));
            separator = ", ";
        }
        return line.toString();
    }

    /** The readout with the libraries of --symbolic-library; bad names or counts become usage errors. */
    private SymbolicReadout readout(int layers) {
        if (symbolicLibrary == null) {
            return SymbolicReadout.defaults();
        }
        List<SymbolicLibrary> perLayer = new ArrayList<>();
        try {
            for (String layer : symbolicLibrary.split(";", -1)) {
                perLayer.add(SymbolicLibrary.standard().only(layer.trim().split("\\s*,\\s*")));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--symbolic-library: " + e.getMessage());
        }
        if (perLayer.size() != layers) {
            throw new ParameterException(spec.commandLine(), "--symbolic-library must list one library per layer ("
                    + layers + "), separated by ';', got " + perLayer.size() + ": \"" + symbolicLibrary + "\"");
        }
        return SymbolicReadout.defaults().withLibraries(perLayer);
    }

    private CatalogEntry entry() {
        try {
            return Catalog.standard().entry(problem);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The entry's recommendation with the given options applied; bad values become usage errors. */
    private Solver configure(CatalogEntry entry) {
        Recommendation r = entry.recommendation();
        try {
            ModelSpec m = r.model();
            m = model == null ? m : m.withKind(model);
            m = widths == null ? m : m.withWidths(widths);
            m = grid == null ? m : m.withExtensions().withGrid(grid);
            m = extend == null ? m : m.withExtensions(extend);
            m = degree == null ? m : m.withDegree(degree);
            m = domainGrid ? m.withDomainGrid(true) : m;
            if (m.kind() == ModelSpec.Kind.MLP && (grid != null || degree != null)) {
                throw new IllegalArgumentException("--grid and --degree set a KAN's splines; the model is an MLP"
                        + " (--model mlp or the entry's), which has none: drop them or use --model kan");
            }
            if ((symbolic || symbolicLibrary != null) && m.kind() != ModelSpec.Kind.KAN) {
                throw new IllegalArgumentException("--symbolic reads formulas out of KAN edges, the model is " + m);
            }
            Collocation c = r.collocation();
            c = Collocation.of(interior == null ? c.interior() : interior, boundary == null ? c.boundary() : boundary,
                    initial == null ? c.initial() : initial);
            OptimizerPlan o = r.optimizers();
            o = adam == null ? o : o.withAdamSteps(adam);
            o = learningRate == null ? o : o.withLearningRate(learningRate);
            o = lbfgs == null ? o : o.withLbfgsSteps(lbfgs);
            o = lm == null ? o : o.withLmSteps(lm);
            o = denseBfgs.applyTo(o);
            Solver solver = Solver.of(entry).withModel(m).withCollocation(c).withOptimizers(o).withSeed(seed)
                    .withBackend(backend).withPrecision(Precision.named(precision)).withThreads(threads)
                    .withRegularization(Regularization.sparsity(sparsity == null ? 0.0 : sparsity)
                            .withSmoothness(smoothness == null ? 0.0 : smoothness));
            solver = budget == null ? solver : solver.withTimeBudget(budget, 0.5);
            scoring = scoreGrid.grids(entry); // a bad count is refused before training
            boolean causalGiven = causal != null || causalSlabs != null || causalDecay.given();
            solver = causalGiven ? solver.withCausality(causality(r.causality())) : solver;
            if (fitExact != null) {
                if (causalGiven) {
                    throw new IllegalArgumentException("--fit-exact fits without causal weighting; drop --causal,"
                            + " --causal-slabs and --causal-decay");
                }
                solver = solver.fittingExact(fitExact);
            }
            if (!refine.equals("after-stages") && !refine.matches(AdaptivityOptions.TRIGGERS)) {
                throw new IllegalArgumentException("--refine must be after-stages, plateau, steps or indicator, got \""
                        + refine + "\"");
            }
            if (!refine.equals("after-stages")) {
                Adaptivity how = adaptivity.adaptivity(refine);
                if (continuation.steps != null) { // levels by Adam step instead of by grid
                    return solver.withContinuation(continuation.byAdamSteps().orElseThrow())
                            .withAdaptiveRefinement(how);
                }
                return solver.withAdaptiveRefinement(continuation.byGridLevel().map(how::withContinuation)
                        .orElse(how));
            }
            if (adaptivity.given()) {
                throw new IllegalArgumentException("--resample-every, --lr-factor, --insert-knots, --dorfler,"
                        + " --peak-neighbours, --rad-k, --rad-c, --rad-pool, --rar, --rba, --causal-front,"
                        + " --refine-at, --indicator-ratio and --grid-update apply to adaptive solves (--refine "
                        + AdaptivityOptions.TRIGGERS + ")");
            }
            return continuation.byAdamSteps().map(solver::withContinuation).orElse(solver);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The entry's causality with the options given on top; 32 slabs when neither the entry nor --causal-slabs say. */
    private Causality causality(Causality entry) {
        int slabs = causalSlabs != null ? causalSlabs : entry.weighsSlabs() ? entry.slabs() : DEFAULT_CAUSAL_SLABS;
        return causalDecay.applyTo(new Causality(causal != null ? causal : entry.epsilon(), slabs, entry.decay()));
    }
}
