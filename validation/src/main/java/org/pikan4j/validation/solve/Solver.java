package org.pikan4j.validation.solve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.io.Checkpoint;
import org.pikan4j.core.backend.Precision;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.CausalWeighting;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.refine.GridExtension;
import org.pikan4j.core.refine.GridRefinement;
import org.pikan4j.core.train.CheckpointSink;
import org.pikan4j.core.train.Deadline;
import org.pikan4j.core.train.DivergenceGuard;
import org.pikan4j.core.train.OptimizerStateRelay;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.regularize.Regularization;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.Training;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.core.train.TrainingResult;
import org.pikan4j.core.util.OptionSet;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.Causality;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.PointSampler;
import org.pikan4j.problems.geometry.SpaceTime;
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
    private final Config config;

    private Solver(Problem problem, Config config) {
        this.problem = problem;
        this.config = config;
    }

    /**
     * Everything a solve is configured with besides the problem. A {@code withXxx} changes a copy, never the
     * instance a solver holds, so solvers stay immutable while the copy-with code names one field at a time.
     */
    private static final class Config extends OptionSet<Config> {
        private Recommendation settings;
        private long seed = 1;
        private String backend = "jvm";
        private int threads = 1;
        private List<TrainingListener> listeners = List.of();
        private Adaptivity adaptivity;
        private Continuation continuation;
        private double budgetSeconds;
        private double adamShare = 1;
        private Regularization regularization = Regularization.none();
        private DivergenceGuard guard = DivergenceGuard.standard();
        private SolverCheckpoints checkpoints = SolverCheckpoints.none();
        private Precision precision = Precision.FLOAT64;
        /** Whether the problem is a fit of the exact solution, which has no equations to refine or continue. */
        private boolean fitsExact;

        Config(Recommendation settings) {
            this.settings = settings;
        }
    }

    /** A solver on the same problem with a changed copy of this one's configuration. */
    private Solver with(Consumer<Config> change) {
        Config changed = config.copy();
        change.accept(changed);
        return new Solver(problem, changed);
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
        return new Solver(problem, new Config(settings)).withModel(settings.model());
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
        return with(copy -> copy.settings = config.settings.withModel(model));
    }

    /**
     * The same solver with causal training of the PDE terms (see {@link Causality}); the problem must
     * be posed in space-time.
     *
     * @throws IllegalArgumentException for an active causality on a problem without a time coordinate
     */
    public Solver withCausality(Causality c) {
        if (c.isActive() && !(problem.domain() instanceof SpaceTime)) {
            throw new IllegalArgumentException(c + " needs a time coordinate, but problem \"" + problem.name()
                    + "\" is posed on " + problem.domain() + " (coordinates " + problem.coordinateNames() + ")");
        }
        return with(copy -> copy.settings = config.settings.withCausality(c));
    }

    /** The same solver with other collocation counts. */
    public Solver withCollocation(Collocation c) {
        return with(copy -> copy.settings = config.settings.withCollocation(c));
    }

    /** The same solver with another optimizer chain. */
    public Solver withOptimizers(OptimizerPlan o) {
        return with(copy -> copy.settings = config.settings.withOptimizers(o));
    }

    /** The same solver with another seed for the network's initial parameters. */
    public Solver withSeed(long s) {
        return with(copy -> copy.seed = s);
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
        return with(copy -> copy.backend = name);
    }

    /**
     * The same solver computing the network in another precision: float32 needs the nd4j (or
     * auto) backend, and suits Adam on a GPU; L-BFGS to 1e-5 errors wants float64 (see
     * {@link Precision}).
     */
    public Solver withPrecision(Precision p) {
        return with(copy -> copy.precision = Objects.requireNonNull(p));
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
        return with(copy -> copy.threads = n);
    }

    /** The same solver with one more training listener, e.g. a progress bar. */
    public Solver withListener(TrainingListener listener) {
        List<TrainingListener> all = new ArrayList<>(config.listeners);
        all.add(listener);
        return with(copy -> copy.listeners = List.copyOf(all));
    }

    /**
     * The same solver training a KAN with regularization penalties added to the loss (sparsity measured
     * on all the training points); Levenberg-Marquardt stages cannot take them and are refused when the
     * loss is built.
     *
     * @throws IllegalArgumentException when the regularization is null
     */
    public Solver withRegularization(Regularization r) {
        if (r == null) {
            throw new IllegalArgumentException("regularization must not be null (use Regularization.none())");
        }
        return with(copy -> copy.regularization = r);
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
     * @throws IllegalArgumentException when nothing adapts (no grid sizes to extend to, no knot insertion, RAD or RBA),
     *                                  the plan has no Adam steps, the adaptivity's continuation names a parameter
     *                                  the problem lacks or has a factor for the last grid, or the solver has a
     *                                  continuation by Adam steps ({@link #withContinuation}) too
     */
    public Solver withAdaptiveRefinement(Adaptivity how) {
        if (how == null) {
            throw new IllegalArgumentException("adaptivity must not be null");
        }
        requireEquations("adaptive refinement (" + how + ")");
        if (config.checkpoints.active()) {
            throw new IllegalArgumentException("adaptive refinement (--refine plateau, steps or indicator) has no"
                    + " checkpoints yet; drop the checkpoint and resume options or use --refine after-stages");
        }
        if (config.settings.model().extensions().length == 0 && how.insertionRounds() == 0 && how.resampleEvery() == 0
                && how.attentionRate() == 0) {
            throw new IllegalArgumentException("adaptive refinement needs grid sizes to extend to (--extend), knot"
                    + " insertion, RAD or RBA; got none of them for " + config.settings.model());
        }
        if (config.settings.optimizers().adamSteps() == 0) {
            throw new IllegalArgumentException("adaptive refinement refines during Adam: give Adam steps (--adam)");
        }
        if (config.continuation != null && how.continuation().isPresent()) {
            throw twoContinuations(config.continuation, how.continuation().get());
        }
        how.continuation().ifPresent(c -> c.check(problem(), config.settings.model().extensions().length));
        return with(copy -> copy.adaptivity = how);
    }

    /**
     * The same solver with a continuation of a problem parameter by Adam steps
     * ({@link Continuation#untilAdamSteps}): Adam's first steps train the problem with the parameter scaled, level
     * by level, continuing one Adam run across the levels' ends, and the rest of the plan trains the problem itself.
     * This gives a solve on one grid the schedule an adaptive solve follows by grid level
     * ({@link Adaptivity#withContinuation}). Grid extensions after the training stages train the problem itself.
     * An adaptive solve takes it too, in place of levels by grid: its Adam loop changes the loss at those steps,
     * whatever it has refined by then (so that a fixed grid with RAD and RBA, an adaptive solve without
     * extensions, can follow the schedule).
     *
     * @param continuation levels that end at Adam steps before the plan's Adam steps end, of a parameter the problem
     *                     has; null for none (the default)
     * @throws IllegalArgumentException when it changes level at grid extensions, names a parameter the problem lacks,
     *                                  its last level does not end before Adam does, or the adaptivity has a
     *                                  continuation by grid level
     */
    public Solver withContinuation(Continuation continuation) {
        if (continuation != null) {
            requireEquations("continuation (" + continuation + ")");
            continuation.checkSteps(problem, config.settings.optimizers().adamSteps());
            if (config.adaptivity != null && config.adaptivity.continuation().isPresent()) {
                throw twoContinuations(continuation, config.adaptivity.continuation().get());
            }
        }
        return with(copy -> copy.continuation = continuation);
    }

    /**
     * The same solver fitting the exact solution instead of solving the problem ({@link Problem#fitToExact}): the
     * loss compares the fields with their exact (or reference) solutions at {@code points} Sobol points of the
     * domain, without causal weighting, and everything else (model, grid extensions, optimizers, seed, budget)
     * stays. Its error is what the model and optimizers reach when given the answer; a physics-informed solve
     * whose error is far above it is limited by its training, not by the model's size.
     *
     * @param points the number of points, at least 1
     * @throws IllegalArgumentException for fewer points, or a solver with adaptive refinement or a continuation
     *                                  (which act on the equations), naming them
     */
    public Solver fittingExact(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a fit of the exact solution needs at least 1 point, got " + points);
        }
        if (config.adaptivity != null) {
            throw notForAFit("adaptive refinement (" + config.adaptivity + ")");
        }
        if (config.continuation != null) {
            throw notForAFit("continuation (" + config.continuation + ")");
        }
        if (config.fitsExact) {
            throw new IllegalArgumentException("this solver already fits the exact solution of " + problem.name());
        }
        Problem fit = problem.fitToExact(problem.domain().sampleInterior(points, PointSampler.sobol()));
        Config changed = config.copy();
        changed.settings = config.settings.withCausality(Causality.NONE);
        changed.fitsExact = true;
        return new Solver(fit, changed);
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
        if (config.checkpoints.active()) {
            throw new IllegalArgumentException("a time budget (--budget) ends runs at wall-clock times, which a resume"
                    + " cannot repeat; drop the checkpoint and resume options or the budget");
        }
        return with(copy -> {
            copy.budgetSeconds = seconds;
            copy.adamShare = adamShare;
        });
    }

    /**
     * The same solver with another divergence guard (the default is {@link DivergenceGuard#standard()}).
     *
     * @param divergenceGuard the guard, or null to stop at the first NaN without retrying
     */
    public Solver withDivergenceGuard(DivergenceGuard divergenceGuard) {
        return with(copy -> copy.guard = divergenceGuard);
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
        return with(copy -> copy.checkpoints = config.checkpoints.writingTo(file, every));
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
        SolverCheckpoints resumed = config.checkpoints.resuming(checkpoint);
        resumed.phase(checkpointSettings());
        return with(copy -> copy.checkpoints = resumed);
    }

    /** Refuses what acts on the equations when this solver fits the exact solution ({@link #fittingExact}). */
    private void requireEquations(String what) {
        if (config.fitsExact) {
            throw notForAFit(what);
        }
    }

    private static IllegalArgumentException notForAFit(String what) {
        return new IllegalArgumentException("a fit of the exact solution has no equations for the " + what
                + " to act on; drop one or the other");
    }

    private static IllegalArgumentException twoContinuations(Continuation byAdamSteps, Continuation byGridLevel) {
        return new IllegalArgumentException("a solve takes one continuation, by Adam steps (" + byAdamSteps + ") or"
                + " by grid level (" + byGridLevel + "), not both; drop one");
    }

    private void requireCheckpointable() {
        if (config.adaptivity != null) {
            throw new IllegalArgumentException("checkpoints and resume are not available with adaptive refinement"
                    + " (--refine plateau, steps or indicator) yet; use --refine after-stages");
        }
        if (config.budgetSeconds > 0) {
            throw new IllegalArgumentException("checkpoints and resume are not available with a time budget"
                    + " (--budget): a resume cannot repeat where wall-clock limits fell");
        }
    }

    /** The settings a checkpoint records and a resume must match. */
    private Map<String, String> checkpointSettings() {
        return SolverCheckpoints.settings(this, AFTER_STAGES, config.regularization.toString());
    }

    /** The seed of the network's initial parameters. */
    public long seed() {
        return config.seed;
    }

    /** The backend's name. */
    public String backend() {
        return config.backend;
    }

    /** The number of threads evaluating the loss. */
    public int threads() {
        return config.threads;
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** The model, collocation and optimizer settings in use. */
    public Recommendation settings() {
        return config.settings;
    }

    /** @return the adaptive refinement settings, empty for a solve without them */
    public Optional<Adaptivity> adaptivity() {
        return Optional.ofNullable(config.adaptivity);
    }

    /** @return the continuation by Adam steps ({@link #withContinuation}), empty for none */
    public Optional<Continuation> continuation() {
        return Optional.ofNullable(config.continuation);
    }

    /** The listeners every training of this solve reports to. */
    List<TrainingListener> listeners() {
        return config.listeners;
    }

    /** The starting grid size followed by the extensions. */
    int[] gridSchedule() {
        int[] extensions = config.settings.model().extensions();
        int[] schedule = new int[extensions.length + 1];
        schedule[0] = config.settings.model().grid();
        System.arraycopy(extensions, 0, schedule, 1, extensions.length);
        return schedule;
    }

    /** Training after a grid extension: the plan without Adam when L-BFGS or LM follow it. */
    Training refinementTraining(Deadline deadline) {
        OptimizerPlan plan = config.settings.optimizers();
        return configured((plan.lbfgsSteps() > 0 || plan.lmSteps() > 0 ? plan.withAdamSteps(0) : plan).training(),
                deadline);
    }

    /** The divergence guard of every training, or null for none. */
    DivergenceGuard divergenceGuard() {
        return config.guard;
    }

    /** The training with the listeners, the divergence guard and, if there is one, the deadline. */
    Training configured(Training training, Deadline deadline) {
        for (TrainingListener l : config.listeners) {
            training = training.withListener(l);
        }
        training = config.guard == null ? training : training.withDivergenceGuard(config.guard);
        return deadline == null ? training : training.withDeadline(deadline);
    }

    /** The training of a phase: the whole plan before any grid extension, the refinement plan after. */
    private Training phaseTraining(int phase, Map<String, String> saved, Network network, List<ResidualTerm> terms) {
        Training training = phase == 0 ? configured(config.settings.optimizers().training(), null)
                : refinementTraining(null);
        return checkpointed(training, saved, phase, network, terms);
    }

    /** The training writing checkpoints with these settings and phase when the solve writes any. */
    private Training checkpointed(Training training, Map<String, String> settings, int phase, Network network,
                                  List<ResidualTerm> terms) {
        CheckpointSink sink = config.checkpoints.sink(settings, phase, network, terms);
        return sink == null ? training : training.withCheckpoints(config.checkpoints.every(), sink);
    }

    /** Whether training stopped before its plan was done: no grid extension follows then. */
    private static boolean stoppedEarly(TrainingResult result) {
        StopReason r = result.stopReason();
        return r == StopReason.NON_FINITE || r == StopReason.DIVERGED || r == StopReason.INTERRUPTED;
    }

    /** The loss of one network, with the regularization's penalties. */
    PinnLoss loss(Discretization discretization, Network network, Backend engine) {
        PinnLoss loss = discretization.loss(network, engine, config.threads);
        Causality causality = config.settings.causality();
        if (causality.isActive()) {
            SpaceTime st = (SpaceTime) problem.domain();
            loss = loss.withCausalWeighting(new CausalWeighting(problem.interiorTermNames(),
                    problem.coordinateNames().indexOf("t"), st.t0(), st.t1(), causality.slabs(), causality.epsilon(),
                    causality.decay()));
        }
        loss = config.regularization.applyTo(loss, discretization.trainingPoints());
        if (!loss.penalties().isEmpty() && config.settings.optimizers().lmSteps() > 0) {
            throw new IllegalArgumentException("the loss terms " + loss.termNames().subList(loss.terms().size(),
                    loss.termNames().size()) + " (regularization " + config.regularization + ", conservation laws "
                    + problem.conservationLawNames() + ") cannot go with Levenberg-Marquardt steps ("
                    + config.settings.optimizers().lmSteps() + "): its residual vector holds no penalties; drop the"
                    + " LM steps");
        }
        return loss;
    }

    /** Discretizes, trains and evaluates. */
    public Solution solve() {
        long start = System.nanoTime();
        Deadline deadline = config.budgetSeconds > 0 ? Deadline.afterSeconds(config.budgetSeconds) : null;
        Discretization discretization = problem.discretize(config.settings.collocation());
        Network network = config.settings.model().buildFor(problem);
        Backend engine = Backends.named(config.backend, discretization.terms().stream().mapToLong(t -> t.size()).sum(),
                config.precision);
        double[] initial = discretization.initialParameters(network, config.seed);
        if (config.continuation != null) { // checked again: a later withOptimizers may have cut the Adam steps
            config.continuation.checkSteps(problem, config.settings.optimizers().adamSteps());
        }
        Trained trained = config.adaptivity != null
                ? new AdaptiveTraining(this, discretization, engine).train(network, initial, deadline)
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
        return new Solution(problem, config.settings, config.seed, grid, approximations, exact, errors, network,
                coefficients, result, (System.nanoTime() - start) * 1e-9);
    }

    /** The plan on the starting grid, then after each extension the plan without Adam. */
    private Trained trainInStages(Discretization discretization, Backend engine, Network network, double[] initial,
                                  Deadline deadline) {
        if (deadline == null) {
            return trainInPhases(discretization, engine, network, initial);
        }
        OptimizerPlan plan = config.settings.optimizers();
        PinnLoss loss = loss(discretization, network, engine);
        TrainingResult result;
        if (plan.adamSteps() > 0 && (plan.lbfgsSteps() > 0 || plan.lmSteps() > 0)) {
            // Adam within its share, then the rest of the chain within the whole budget
            result = trainPlan(plan.withLbfgsSteps(0).withLmSteps(0), adamDeadline(), loss, discretization, network,
                    engine, initial);
            if (result.stopReason() != StopReason.NON_FINITE) {
                noteCutLevels(result.history());
                result = refinementTraining(deadline).train(loss, result.theta(), result.history());
            }
        } else {
            result = trainPlan(plan, deadline, loss, discretization, network, engine, initial);
        }
        for (int g : config.settings.model().extensions()) {
            if (stoppedEarly(result) || deadline.passed()) {
                break;
            }
            GridRefinement extension = GridExtension.extend(network, result.theta(), g);
            network = extension.network();
            result.history().addEvent(result.history().lastStep(), "grid extension",
                    String.join("; ", extension.record().changes()));
            result = refinementTraining(deadline).train(loss(discretization, network, engine),
                    extension.theta(), result.history());
        }
        return new Trained(network, result);
    }

    /**
     * Without a time budget: phase 0 trains the plan on the starting grid, phase p the plan without Adam after the
     * p-th extension; each phase writes checkpoints (when asked) that name it, and a resume continues its phase.
     */
    private Trained trainInPhases(Discretization discretization, Backend engine, Network network, double[] initial) {
        Map<String, String> saved = checkpointSettings();
        int[] extensions = config.settings.model().extensions();
        int phase = 0;
        TrainingResult result;
        if (config.checkpoints.from() != null) {
            phase = config.checkpoints.phase(saved);
            config.checkpoints.requireSamePoints(discretization.terms());
            network = config.checkpoints.from().network();
        }
        if (phase == 0 && config.continuation != null) {
            result = trainPlan(config.settings.optimizers(), null, loss(discretization, network, engine),
                    discretization, network, engine, initial);
        } else if (config.checkpoints.from() != null) {
            result = phaseTraining(phase, saved, network, discretization.terms())
                    .resume(loss(discretization, network, engine), config.checkpoints.from().state());
        } else {
            result = phaseTraining(0, saved, network, discretization.terms())
                    .train(loss(discretization, network, engine), initial);
        }
        for (int p = phase + 1; p <= extensions.length && !stoppedEarly(result); p++) {
            GridRefinement extension = GridExtension.extend(network, result.theta(), extensions[p - 1]);
            network = extension.network();
            result.history().addEvent(result.history().lastStep(), "grid extension",
                    String.join("; ", extension.record().changes()));
            result = phaseTraining(p, saved, network, discretization.terms())
                    .train(loss(discretization, network, engine), extension.theta(), result.history());
        }
        return new Trained(network, result);
    }

    /**
     * Trains a plan from the initial parameters. Under a continuation its levels take Adam's first steps, each on its
     * own discretization and each continuing the last one's Adam state, and the plan's remaining steps train the
     * problem itself from there: the steps of one Adam run whose loss changes at the levels' ends. Each level writes
     * checkpoints that name it (when asked), and a resume continues the level its checkpoint names.
     *
     * @param loss the problem's loss on {@code discretization}, which the plan (after any levels) trains
     */
    private TrainingResult trainPlan(OptimizerPlan plan, Deadline limit, PinnLoss loss, Discretization discretization,
                                     Network network, Backend engine, double[] initial) {
        Continuation continuation = config.continuation;
        if (continuation == null) {
            return configured(plan.training(), limit).train(loss, initial);
        }
        OptimizerStateRelay relay = new OptimizerStateRelay();
        TrainingHistory history = new TrainingHistory();
        double[] theta = initial;
        int levels = continuation.factors().length;
        int first = config.checkpoints.from() == null ? 0 : config.checkpoints.level(levels);
        for (int level = first; ; level++) {
            int done = level == 0 ? 0 : continuation.adamStep(level - 1);
            boolean last = level == levels;
            OptimizerPlan steps = last ? plan.withAdamSteps(plan.adamSteps() - done)
                    : plan.withAdamSteps(continuation.adamStep(level) - done).withLbfgsSteps(0).withLmSteps(0);
            PinnLoss levelLoss = last ? loss : loss(continuation.at(discretization, level), network, engine);
            Training training = checkpointed(configured(steps.training(), limit), levelSettings(level), 0, network,
                    discretization.terms()).withStateRelay(relay);
            TrainingResult result;
            if (level == first && config.checkpoints.from() != null) {
                result = training.resume(levelLoss, config.checkpoints.from().state());
            } else {
                history.addEvent(history.lastStep(), "continuation", continuation.describe(problem, level));
                result = training.train(levelLoss, theta, history);
            }
            if (last || stoppedEarly(result) || result.stopReason() == StopReason.TIME_LIMIT) {
                return result;
            }
            theta = result.theta();
            history = result.history();
        }
    }

    /** The checkpoint settings with the continuation level a training runs, which a resume continues. */
    private Map<String, String> levelSettings(int level) {
        Map<String, String> settings = new LinkedHashMap<>(checkpointSettings());
        settings.put(SolverCheckpoints.LEVEL, Integer.toString(level));
        return settings;
    }

    /**
     * An event when Adam's share of the budget ran out on a continuation level: the stages after it train the
     * problem itself.
     */
    private void noteCutLevels(TrainingHistory history) {
        int done = history.lastStep();
        continuation().flatMap(c -> c.cutShort(problem, done))
                .ifPresent(cut -> history.addEvent(done, "continuation", cut));
    }

    /** The deadline of Adam's share of the time budget, counted from now. */
    Deadline adamDeadline() {
        return Deadline.afterSeconds(config.budgetSeconds * config.adamShare);
    }

    /** A trained network and its training result. */
    record Trained(Network network, TrainingResult result) {
    }
}
