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
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.refine.CollocationRefinement;
import org.pikan4j.core.refine.CollocationSchedule;
import org.pikan4j.core.refine.ErrorProbe;
import org.pikan4j.core.refine.GridExtension;
import org.pikan4j.core.refine.GridRefinement;
import org.pikan4j.core.refine.RefinedTraining;
import org.pikan4j.core.refine.RefinedTrainingResult;
import org.pikan4j.core.refine.RefinementScheduler;
import org.pikan4j.core.train.CheckpointSink;
import org.pikan4j.core.train.Deadline;
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
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.problems.geometry.PointSampler;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.reference.ReferenceSolutions;

/**
 * Solves a problem end to end: discretize, build the network, train, and compare with the exact
 * solution on the {@link EvaluationGrid}. Immutable configuration with {@code withXxx}, e.g.
 * {@code Solver.of(Catalog.standard().entry("poisson2d")).withSeed(3).withThreads(2).solve()}.
 * Defaults: the entry's recommendation, seed 1, the jvm backend, one thread, no listeners, the standard
 * {@link DivergenceGuard}, no checkpoints.
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
    private final Adaptivity adaptivity;
    private final double budgetSeconds;
    private final double adamShare;
    private final DivergenceGuard guard;
    private final SolverCheckpoints checkpoints;

    private Solver(Problem problem, Recommendation settings, long seed, String backend, int threads,
                   List<TrainingListener> listeners, Adaptivity adaptivity, double budgetSeconds, double adamShare,
                   DivergenceGuard guard, SolverCheckpoints checkpoints) {
        this.problem = problem;
        this.settings = settings;
        this.seed = seed;
        this.backend = backend;
        this.threads = threads;
        this.listeners = List.copyOf(listeners);
        this.adaptivity = adaptivity;
        this.budgetSeconds = budgetSeconds;
        this.adamShare = adamShare;
        this.guard = guard;
        this.checkpoints = checkpoints;
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
        return new Solver(problem, settings, 1, "jvm", 1, List.of(), null, 0, 1, DivergenceGuard.standard(),
                SolverCheckpoints.none()).withModel(settings.model());
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
        return new Solver(problem, settings.withModel(model), seed, backend, threads, listeners, adaptivity,
                budgetSeconds, adamShare, guard, checkpoints);
    }

    /** The same solver with other collocation counts. */
    public Solver withCollocation(Collocation c) {
        return new Solver(problem, settings.withCollocation(c), seed, backend, threads, listeners, adaptivity,
                budgetSeconds, adamShare, guard, checkpoints);
    }

    /** The same solver with another optimizer chain. */
    public Solver withOptimizers(OptimizerPlan o) {
        return new Solver(problem, settings.withOptimizers(o), seed, backend, threads, listeners, adaptivity,
                budgetSeconds, adamShare, guard, checkpoints);
    }

    /** The same solver with another seed for the network's initial parameters. */
    public Solver withSeed(long s) {
        return new Solver(problem, settings, s, backend, threads, listeners, adaptivity, budgetSeconds,
                adamShare, guard, checkpoints);
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
        return new Solver(problem, settings, seed, name, threads, listeners, adaptivity, budgetSeconds,
                adamShare, guard, checkpoints);
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
        return new Solver(problem, settings, seed, backend, n, listeners, adaptivity, budgetSeconds, adamShare,
                guard, checkpoints);
    }

    /** The same solver with one more training listener, e.g. a progress bar. */
    public Solver withListener(TrainingListener listener) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(listener);
        return new Solver(problem, settings, seed, backend, threads, all, adaptivity, budgetSeconds, adamShare,
                guard, checkpoints);
    }

    /**
     * The same solver refining adaptively with {@link Adaptivity#defaults()}.
     *
     * @throws IllegalArgumentException when the model lists no grid sizes to extend to or the plan has no Adam steps
     */
    public Solver withAdaptiveRefinement() {
        return withAdaptiveRefinement(Adaptivity.defaults());
    }

    /**
     * The same solver refining adaptively while Adam trains: the grid is extended to the next size of the model's
     * extension list when the loss plateaus, instead of after each training stage, and the interior points are
     * redrawn by RAD (see {@link Adaptivity}).
     *
     * @throws IllegalArgumentException when the model lists no grid sizes to extend to or the plan has no Adam steps
     */
    public Solver withAdaptiveRefinement(Adaptivity how) {
        if (how == null) {
            throw new IllegalArgumentException("adaptivity must not be null");
        }
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
        return new Solver(problem, settings, seed, backend, threads, listeners, how, budgetSeconds, adamShare,
                guard, checkpoints);
    }

    /**
     * The same solver with a wall-time budget for training: Adam (on the starting grid) stops once
     * {@code adamShare} of it is spent, every later stage once all of it is (the step budgets still apply; give
     * generous ones to let time decide). Grid extensions after training stages are skipped once it is spent.
     *
     * @param seconds   positive and finite
     * @param adamShare the share of the budget Adam may use, in (0, 1]
     * @throws IllegalArgumentException naming the value
     */
    public Solver withTimeBudget(double seconds, double adamShare) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time budget must be positive and finite seconds, got " + seconds);
        }
        if (!(adamShare > 0 && adamShare <= 1)) {
            throw new IllegalArgumentException("Adam's share of the time budget must be in (0, 1], got " + adamShare);
        }
        if (checkpoints.file() != null || checkpoints.from() != null) {
            throw new IllegalArgumentException("a time budget (--budget) ends runs at wall-clock times, which a resume"
                    + " cannot repeat; drop the checkpoint and resume options or the budget");
        }
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptivity, seconds, adamShare,
                guard, checkpoints);
    }

    /**
     * The same solver with another divergence guard (the default is {@link DivergenceGuard#standard()}).
     *
     * @param divergenceGuard the guard, or null to stop at the first NaN without retrying
     */
    public Solver withDivergenceGuard(DivergenceGuard divergenceGuard) {
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptivity, budgetSeconds, adamShare,
                divergenceGuard, checkpoints);
    }

    /**
     * The same solver writing checkpoints to {@code file}: every {@code every} steps and whenever a training
     * phase stops (budget, convergence, a stop request, divergence). The file's metadata names the settings
     * and the phase (grid extensions done), so that {@link #resumingFrom} can continue it.
     *
     * @param file  the checkpoint file, replaced atomically at each write; its directory must exist
     * @param every steps between checkpoints, &gt;= 0 (0: only when a phase stops)
     * @throws IllegalArgumentException for a null file, a negative interval, adaptive refinement (whose
     *                                  Adam-with-refinement loop has no checkpoints yet) or a time budget
     */
    public Solver withCheckpoints(Path file, int every) {
        requireCheckpointable();
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptivity, budgetSeconds, adamShare,
                guard, checkpoints.writingTo(file, every));
    }

    /**
     * The same solver continuing a checkpoint written by a solve with the same settings: it takes the same steps
     * as the uninterrupted run from the checkpoint on, bit for bit (wall times aside).
     *
     * @param checkpoint the checkpoint, from {@link org.pikan4j.core.io.CheckpointFile#load}
     * @throws IllegalArgumentException if the checkpoint was not written by a solve, its settings differ from
     *                                  this solver's (named with both values), or with adaptive refinement or a
     *                                  time budget
     */
    public Solver resumingFrom(Checkpoint checkpoint) {
        requireCheckpointable();
        SolverCheckpoints resumed = checkpoints.resuming(checkpoint);
        resumed.phase(SolverCheckpoints.settings(this, AFTER_STAGES));
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptivity, budgetSeconds, adamShare,
                guard, resumed);
    }

    private void requireCheckpointable() {
        if (adaptivity != null) {
            throw new IllegalArgumentException("checkpoints and resume are not available with adaptive refinement"
                    + " (--refine plateau) yet; use --refine after-stages");
        }
        if (budgetSeconds > 0) {
            throw new IllegalArgumentException("checkpoints and resume are not available with a time budget"
                    + " (--budget): a resume cannot repeat where wall-clock limits fell");
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
    private Training refinementTraining(Deadline deadline) {
        OptimizerPlan plan = settings.optimizers();
        return configured((plan.lbfgsSteps() > 0 || plan.lmSteps() > 0 ? plan.withAdamSteps(0) : plan).training(),
                deadline);
    }

    /** The training with the listeners, the divergence guard and, if there is one, the deadline. */
    private Training configured(Training training, Deadline deadline) {
        for (TrainingListener l : listeners) {
            training = training.withListener(l);
        }
        training = guard == null ? training : training.withDivergenceGuard(guard);
        return deadline == null ? training : training.withDeadline(deadline);
    }

    /** The training of a phase: the whole plan before any grid extension, the refinement plan after. */
    private Training phaseTraining(int phase, Map<String, String> saved, Network network, List<ResidualTerm> terms) {
        Training training = phase == 0 ? configured(settings.optimizers().training(), null) : refinementTraining(null);
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
        Deadline deadline = budgetSeconds > 0 ? Deadline.afterSeconds(budgetSeconds) : null;
        Discretization discretization = problem.discretize(settings.collocation());
        Network network = settings.model().build();
        Backend engine = Backends.named(backend, discretization.terms().stream().mapToLong(t -> t.size()).sum());
        double[] initial = discretization.initialParameters(network, seed);
        Trained trained = adaptivity != null
                ? trainAdaptively(discretization, engine, network, initial, deadline)
                : trainInStages(discretization, engine, network, initial, deadline);
        network = trained.network();
        TrainingResult result = trained.result();
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

    /** The plan on the starting grid, then after each extension the plan without Adam. */
    private Trained trainInStages(Discretization discretization, Backend engine, Network network, double[] initial,
                                  Deadline deadline) {
        if (deadline == null) {
            return trainInPhases(discretization, engine, network, initial);
        }
        OptimizerPlan plan = settings.optimizers();
        PinnLoss loss = discretization.loss(network, engine, threads);
        TrainingResult result;
        if (deadline != null && plan.adamSteps() > 0 && (plan.lbfgsSteps() > 0 || plan.lmSteps() > 0)) {
            // Adam within its share, then the rest of the chain within the whole budget
            result = configured(Training.of(Adam.steps(plan.adamSteps()).withLearningRate(plan.learningRate())),
                    adamDeadline()).train(loss, initial);
            if (result.stopReason() != StopReason.NON_FINITE) {
                result = refinementTraining(deadline).train(loss, result.theta(), result.history());
            }
        } else {
            result = configured(plan.training(), deadline).train(loss, initial);
        }
        for (int g : settings.model().extensions()) {
            if (stoppedEarly(result) || deadline.passed()) {
                break;
            }
            GridRefinement extension = GridExtension.extend(network, result.theta(), g);
            network = extension.network();
            result.history().addEvent(result.history().lastStep(), "grid extension",
                    String.join("; ", extension.record().changes()));
            result = refinementTraining(deadline).train(discretization.loss(network, engine, threads),
                    extension.theta(), result.history());
        }
        return new Trained(network, result);
    }

    /**
     * Without a time budget: phase 0 trains the plan on the starting grid, phase p the plan without Adam after the
     * p-th extension; each phase writes checkpoints (when asked) that name it, and a resume continues its phase.
     */
    private Trained trainInPhases(Discretization discretization, Backend engine, Network network, double[] initial) {
        Map<String, String> saved = SolverCheckpoints.settings(this, AFTER_STAGES);
        int[] extensions = settings.model().extensions();
        int phase = 0;
        TrainingResult result;
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
        return new Trained(network, result);
    }

    /**
     * Adam with plateau-triggered extensions and RAD (within Adam's share of the budget), the extensions the
     * plateaus did not reach, then the plan without Adam on the final grid and points.
     */
    private Trained trainAdaptively(Discretization discretization, Backend engine, Network network, double[] initial,
                                    Deadline deadline) {
        OptimizerPlan plan = settings.optimizers();
        RefinementScheduler scheduler = RefinementScheduler.extend(gridSchedule())
                .onPlateau(adaptivity.plateauWindow(), adaptivity.plateauDecrease());
        RefinedTraining adam = RefinedTraining.of(n -> discretization.loss(n, engine, threads),
                        Adam.steps(plan.adamSteps()).withLearningRate(plan.learningRate()), scheduler)
                .withLearningRateFactor(adaptivity.learningRateFactor())
                .withErrorProbe(errorProbe(engine));
        for (TrainingListener l : listeners) {
            adam = adam.withListener(l);
        }
        CollocationSchedule resampling = adaptivity.resampleEvery() == 0 ? null : radSchedule();
        if (resampling != null) {
            adam = adam.withCollocation(resampling);
        }
        if (deadline != null) {
            adam = adam.withDeadline(adamDeadline());
        }
        RefinedTrainingResult refined = adam.run(network, initial);
        network = refined.network();
        PinnLoss loss = refined.finalLoss();
        double[] theta = refined.theta();
        for (int g = scheduler.nextGrid(network); g > 0 && refined.stopReason() != StopReason.NON_FINITE;
             g = scheduler.nextGrid(network)) {
            GridRefinement extension = GridExtension.extend(network, theta, g);
            network = extension.network();
            theta = extension.theta();
            PinnLoss extended = discretization.loss(network, engine, threads);
            loss = resampling == null ? extended : resampling.moveTo(extended, resampling.points(loss));
            refined.history().addEvent(refined.history().lastStep(), "grid extension",
                    String.join("; ", extension.record().changes()) + " (after Adam)");
        }
        return new Trained(network, refinementTraining(deadline).train(loss, theta, refined.history()));
    }

    /** The first field's relative L2 error on the evaluation grid, for the refinement events. */
    private ErrorProbe errorProbe(Backend engine) {
        EvaluationGrid grid = EvaluationGrid.of(problem.domain());
        double[] exact = problem.exact(problem.fieldNames().get(0), grid.points());
        return (net, theta) -> ErrorMetrics.compare(problem.fieldValues(net, engine, theta, grid.points())[0], exact)
                .relativeL2();
    }

    private Deadline adamDeadline() {
        return Deadline.afterSeconds(budgetSeconds * adamShare);
    }

    /** RAD on the PDE terms from a fresh uniform pool per round, reproducible from the seed. */
    private CollocationSchedule radSchedule() {
        int interior = settings.collocation().interior();
        return CollocationSchedule.every(adaptivity.resampleEvery(),
                CollocationRefinement.rad(interior, adaptivity.radExponent(), adaptivity.radOffset(), seed),
                round -> problem.domain().sampleInterior(adaptivity.poolFactor() * interior,
                        PointSampler.uniform(seed * 1_000_003L + round)),
                problem.interiorTermNames());
    }

    /** A trained network and its training result. */
    private record Trained(Network network, TrainingResult result) {
    }
}
