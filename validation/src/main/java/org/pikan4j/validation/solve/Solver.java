package org.pikan4j.validation.solve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.io.Checkpoint;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.refine.GridExtension;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.refine.GridRefinement;
import org.pikan4j.core.refine.RefinedTraining;
import org.pikan4j.core.refine.RefinedTrainingResult;
import org.pikan4j.core.refine.RefinementScheduler;
import org.pikan4j.core.train.CheckpointSink;
import org.pikan4j.core.train.DivergenceGuard;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.Training;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.core.train.TrainingResult;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.reference.ReferenceSolutions;

/**
 * Solves a problem end to end: discretize, build the network, train, and compare with the exact
 * solution on the {@link EvaluationGrid}. Immutable configuration with {@code withXxx}, e.g.
 * {@code Solver.of(Catalog.standard().entry("poisson2d")).withSeed(3).withThreads(2).solve()}.
 * Defaults: the entry's recommendation, seed 1, the jvm backend, one thread, no listeners.
 */
public final class Solver {

    /** The refinement mode recorded in checkpoints: grids extended after the training stages. */
    private static final String AFTER_STAGES = "after-stages";

    private final Problem problem;
    private final Recommendation settings;
    private final long seed;
    private final String backend;
    private final int threads;
    private final List<TrainingListener> listeners;
    private final boolean adaptive;
    private final DivergenceGuard guard;
    private final SolverCheckpoints checkpoints;

    private Solver(Problem problem, Recommendation settings, long seed, String backend, int threads,
                   List<TrainingListener> listeners) {
        this(problem, settings, seed, backend, threads, listeners, false, DivergenceGuard.standard(),
                SolverCheckpoints.none());
    }

    private Solver(Problem problem, Recommendation settings, long seed, String backend, int threads,
                   List<TrainingListener> listeners, boolean adaptive, DivergenceGuard guard,
                   SolverCheckpoints checkpoints) {
        this.guard = guard;
        this.checkpoints = checkpoints;
        this.adaptive = adaptive;
        this.problem = problem;
        this.settings = settings;
        this.seed = seed;
        this.backend = backend;
        this.threads = threads;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * A solver for a catalog entry with its recommended settings; an entry with a numerical
     * reference is scored against it (see {@link ReferenceSolutions}).
     */
    public static Solver of(CatalogEntry entry) {
        return of(ReferenceSolutions.attach(entry), entry.recommendation());
    }

    /**
     * A solver for any problem with exact solutions for its fields.
     *
     * @throws IllegalArgumentException when a field has no exact solution to compare with
     */
    public static Solver of(Problem problem, Recommendation settings) {
        if (problem == null || settings == null) {
            throw new IllegalArgumentException("problem and settings must not be null");
        }
        for (String field : problem.fieldNames()) {
            if (!problem.hasExact(field)) {
                throw new IllegalArgumentException("problem \"" + problem.name() + "\" has no exact solution for"
                        + " field \"" + field + "\"; the solver compares every field with its exact solution");
            }
        }
        return new Solver(problem, settings, 1, "jvm", 1, List.of()).withModel(settings.model());
    }

    /**
     * The same solver with another model.
     *
     * @throws IllegalArgumentException when the model's first width is not the number of
     *                                  coordinates or its last width not the number of fields
     */
    public Solver withModel(ModelSpec model) {
        List<String> coordinates = problem.coordinateNames();
        List<String> fields = problem.fieldNames();
        if (model.inputs() != coordinates.size() || model.outputs() != fields.size()) {
            throw new IllegalArgumentException("widths " + java.util.Arrays.toString(model.widths()) + " do not fit"
                    + " problem \"" + problem.name() + "\": the first width must be " + coordinates.size()
                    + " (coordinates " + coordinates + ") and the last " + fields.size() + " (fields " + fields + ")");
        }
        return new Solver(problem, settings.withModel(model), seed, backend, threads, listeners, adaptive, guard, checkpoints);
    }

    /** The same solver with other collocation counts. */
    public Solver withCollocation(Collocation c) {
        return new Solver(problem, settings.withCollocation(c), seed, backend, threads, listeners, adaptive, guard, checkpoints);
    }

    /** The same solver with another optimizer chain. */
    public Solver withOptimizers(OptimizerPlan o) {
        return new Solver(problem, settings.withOptimizers(o), seed, backend, threads, listeners, adaptive, guard, checkpoints);
    }

    /** The same solver with another seed for the network's initial parameters. */
    public Solver withSeed(long s) {
        return new Solver(problem, settings, s, backend, threads, listeners, adaptive, guard, checkpoints);
    }

    /**
     * The same solver on another backend.
     *
     * @param name one of {@link Backends#NAMES}
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public Solver withBackend(String name) {
        if (!Backends.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown backend \"" + name + "\"; valid: " + Backends.NAMES);
        }
        return new Solver(problem, settings, seed, name, threads, listeners, adaptive, guard, checkpoints);
    }

    /**
     * The same solver with the loss evaluated by {@code n} threads.
     *
     * @throws IllegalArgumentException when n is not in [1, 64]
     */
    public Solver withThreads(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("threads must be in [1, 64], got " + n);
        }
        return new Solver(problem, settings, seed, backend, n, listeners, adaptive, guard, checkpoints);
    }

    /** The same solver with one more training listener, e.g. a progress bar. */
    public Solver withListener(TrainingListener listener) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(listener);
        return new Solver(problem, settings, seed, backend, threads, all, adaptive, guard, checkpoints);
    }

    /**
     * The same solver refining adaptively: during Adam, the grid is extended to the next size of
     * the model's extension list whenever the loss stops improving (a plateau: under 10% decrease
     * over 100 steps), instead of after each training stage.
     *
     * @throws IllegalArgumentException when the model lists no grid sizes to extend to or the plan has no Adam steps
     */
    public Solver withAdaptiveRefinement() {
        if (checkpoints.file() != null || checkpoints.from() != null) {
            throw new IllegalArgumentException("adaptive refinement (--refine plateau) has no checkpoints yet; drop"
                    + " the checkpoint and resume options or use --refine after-stages");
        }
        if (settings.model().extensions().length == 0) {
            throw new IllegalArgumentException("adaptive refinement needs grid sizes to extend to (--extend), got none"
                    + " for " + settings.model());
        }
        if (settings.optimizers().adamSteps() == 0) {
            throw new IllegalArgumentException("adaptive refinement refines during Adam: give Adam steps (--adam)");
        }
        return new Solver(problem, settings, seed, backend, threads, listeners, true, guard, checkpoints);
    }

    /**
     * The same solver with another divergence guard (the default is {@link DivergenceGuard#standard()}).
     *
     * @param divergenceGuard the guard, or null to stop at the first NaN without retrying
     */
    public Solver withDivergenceGuard(DivergenceGuard divergenceGuard) {
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptive, divergenceGuard,
                checkpoints);
    }

    /**
     * The same solver writing checkpoints to {@code file}: every {@code every} steps and whenever a training
     * phase stops (budget, convergence, a stop request, divergence). The file's metadata names the settings
     * and the phase (grid extensions done), so that {@link #resumingFrom} can continue it.
     *
     * @param file  the checkpoint file, replaced atomically at each write; its directory must exist
     * @param every steps between checkpoints, &gt;= 0 (0: only when a phase stops)
     * @throws IllegalArgumentException for a null file, a negative interval, or adaptive refinement (whose
     *                                  Adam-with-refinement loop has no checkpoints yet)
     */
    public Solver withCheckpoints(Path file, int every) {
        requireCheckpointable();
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptive, guard,
                checkpoints.writingTo(file, every));
    }

    /**
     * The same solver continuing a checkpoint written by a solve with the same settings: it takes the same steps
     * as the uninterrupted run from the checkpoint on, bit for bit (wall times aside). The settings are checked
     * when the solve starts.
     *
     * @param checkpoint the checkpoint, from {@link org.pikan4j.core.io.CheckpointFile#load}
     * @throws IllegalArgumentException if the checkpoint was not written by a solve, its settings differ from
     *                                  this solver's (named with both values), or with adaptive refinement
     */
    public Solver resumingFrom(Checkpoint checkpoint) {
        requireCheckpointable();
        SolverCheckpoints resumed = checkpoints.resuming(checkpoint);
        resumed.phase(SolverCheckpoints.settings(this, AFTER_STAGES));
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptive, guard, resumed);
    }

    private void requireCheckpointable() {
        if (adaptive) {
            throw new IllegalArgumentException("checkpoints and resume are not available with adaptive refinement"
                    + " (--refine plateau) yet; use --refine after-stages");
        }
    }

    /** The seed of the network's initial parameters. */
    public long seed() {
        return seed;
    }

    /** The backend's name. */
    public String backend() {
        return backend;
    }

    /** The number of threads evaluating the loss. */
    public int threads() {
        return threads;
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** The model, collocation and optimizer settings in use. */
    public Recommendation settings() {
        return settings;
    }

    /** The starting grid size followed by the extensions. */
    private int[] gridSchedule() {
        int[] extensions = settings.model().extensions();
        int[] schedule = new int[extensions.length + 1];
        schedule[0] = settings.model().grid();
        System.arraycopy(extensions, 0, schedule, 1, extensions.length);
        return schedule;
    }

    /** Training after a grid extension: the plan without Adam when L-BFGS or LM follow it. */
    private Training refinementTraining() {
        OptimizerPlan plan = settings.optimizers();
        return withListeners((plan.lbfgsSteps() > 0 || plan.lmSteps() > 0 ? plan.withAdamSteps(0) : plan).training());
    }

    private Training withListeners(Training training) {
        for (TrainingListener l : listeners) {
            training = training.withListener(l);
        }
        return guard == null ? training : training.withDivergenceGuard(guard);
    }

    /** The training of a phase: the whole plan before any grid extension, the refinement plan after. */
    private Training phaseTraining(int phase, Map<String, String> saved, Network network, List<ResidualTerm> terms) {
        Training training = phase == 0 ? withListeners(settings.optimizers().training()) : refinementTraining();
        CheckpointSink sink = checkpoints.sink(saved, phase, network, terms);
        return sink == null ? training : training.withCheckpoints(checkpoints.every(), sink);
    }

    /** Whether training stopped before its plan was done: no grid extension follows then. */
    private static boolean stoppedEarly(TrainingResult result) {
        StopReason r = result.stopReason();
        return r == StopReason.NON_FINITE || r == StopReason.DIVERGED || r == StopReason.INTERRUPTED;
    }

    /** Discretizes, trains and evaluates. */
    public Solution solve() {
        long start = System.nanoTime();
        Discretization discretization = problem.discretize(settings.collocation());
        Network network = settings.model().build();
        Backend engine = Backends.named(backend, discretization.terms().stream().mapToLong(t -> t.size()).sum());
        double[] initial = discretization.initialParameters(network, seed);
        TrainingResult result;
        if (adaptive) {
            RefinedTrainingResult refined = RefinedTraining.of(n -> discretization.loss(n, engine, threads),
                    Adam.steps(settings.optimizers().adamSteps()).withLearningRate(settings.optimizers().learningRate()),
                    RefinementScheduler.extend(gridSchedule()).onPlateau(100, 0.1)).run(network, initial);
            network = refined.network();
            result = refinementTraining().train(discretization.loss(network, engine, threads), refined.theta(),
                    refined.history());
        } else {
            Map<String, String> saved = SolverCheckpoints.settings(this, AFTER_STAGES);
            int[] extensions = settings.model().extensions();
            int phase = 0;
            if (checkpoints.from() != null) {
                phase = checkpoints.phase(saved);
                checkpoints.requireSamePoints(discretization.terms());
                network = checkpoints.from().network();
                result = phaseTraining(phase, saved, network, discretization.terms())
                        .resume(discretization.loss(network, engine, threads), checkpoints.from().state());
            } else {
                result = phaseTraining(0, saved, network, discretization.terms())
                        .train(discretization.loss(network, engine, threads), initial);
            }
            for (int p = phase + 1; p <= extensions.length && !stoppedEarly(result); p++) {
                GridRefinement extension = GridExtension.extend(network, result.theta(), extensions[p - 1]);
                network = extension.network();
                result.history().addEvent(result.history().lastStep(), "grid extension",
                        String.join("; ", extension.record().changes()));
                result = phaseTraining(p, saved, network, discretization.terms())
                        .train(discretization.loss(network, engine, threads), extension.theta(), result.history());
            }
        }
        EvaluationGrid grid = EvaluationGrid.of(problem.domain());
        double[][] predicted = problem.fieldValues(network, engine, result.theta(), grid.points());
        Map<String, double[]> approximations = new LinkedHashMap<>();
        Map<String, double[]> exact = new LinkedHashMap<>();
        Map<String, ErrorMetrics> errors = new LinkedHashMap<>();
        List<String> fields = problem.fieldNames();
        for (int k = 0; k < fields.size(); k++) {
            double[] reference = problem.exact(fields.get(k), grid.points());
            approximations.put(fields.get(k), predicted[k]);
            exact.put(fields.get(k), reference);
            errors.put(fields.get(k), ErrorMetrics.compare(predicted[k], reference));
        }
        Map<String, Double> coefficients = new LinkedHashMap<>();
        List<String> names = problem.coefficientNames();
        for (int i = 0; i < names.size(); i++) {
            coefficients.put(names.get(i), result.theta()[network.parameterCount() + i]);
        }
        return new Solution(problem, settings, seed, grid, approximations, exact, errors, network,
                coefficients, result, (System.nanoTime() - start) * 1e-9);
    }
}
