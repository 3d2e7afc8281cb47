package org.pikan4j.validation.solve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.refine.GridExtension;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.refine.GridRefinement;
import org.pikan4j.core.refine.RefinedTraining;
import org.pikan4j.core.refine.RefinedTrainingResult;
import org.pikan4j.core.refine.RefinementScheduler;
import org.pikan4j.core.regularize.Regularization;
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

    private final Problem problem;
    private final Recommendation settings;
    private final long seed;
    private final String backend;
    private final int threads;
    private final List<TrainingListener> listeners;
    private final boolean adaptive;
    private final Regularization regularization;

    private Solver(Problem problem, Recommendation settings, long seed, String backend, int threads,
                   List<TrainingListener> listeners) {
        this(problem, settings, seed, backend, threads, listeners, false, Regularization.none());
    }

    private Solver(Problem problem, Recommendation settings, long seed, String backend, int threads,
                   List<TrainingListener> listeners, boolean adaptive, Regularization regularization) {
        this.adaptive = adaptive;
        this.regularization = regularization;
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
        return new Solver(problem, settings.withModel(model), seed, backend, threads,
                listeners, adaptive, regularization);
    }

    /** The same solver with other collocation counts. */
    public Solver withCollocation(Collocation c) {
        return new Solver(problem, settings.withCollocation(c), seed, backend, threads,
                listeners, adaptive, regularization);
    }

    /** The same solver with another optimizer chain. */
    public Solver withOptimizers(OptimizerPlan o) {
        return new Solver(problem, settings.withOptimizers(o), seed, backend, threads,
                listeners, adaptive, regularization);
    }

    /** The same solver with another seed for the network's initial parameters. */
    public Solver withSeed(long s) {
        return new Solver(problem, settings, s, backend, threads, listeners, adaptive, regularization);
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
        return new Solver(problem, settings, seed, name, threads, listeners, adaptive, regularization);
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
        return new Solver(problem, settings, seed, backend, n, listeners, adaptive, regularization);
    }

    /** The same solver with one more training listener, e.g. a progress bar. */
    public Solver withListener(TrainingListener listener) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.add(listener);
        return new Solver(problem, settings, seed, backend, threads, all, adaptive, regularization);
    }

    /**
     * The same solver refining adaptively: during Adam, the grid is extended to the next size of
     * the model's extension list whenever the loss stops improving (a plateau: under 10% decrease
     * over 100 steps), instead of after each training stage.
     *
     * @throws IllegalArgumentException when the model lists no grid sizes to extend to or the plan has no Adam steps
     */
    public Solver withAdaptiveRefinement() {
        if (settings.model().extensions().length == 0) {
            throw new IllegalArgumentException("adaptive refinement needs grid sizes to extend to (--extend), got none"
                    + " for " + settings.model());
        }
        if (settings.optimizers().adamSteps() == 0) {
            throw new IllegalArgumentException("adaptive refinement refines during Adam: give Adam steps (--adam)");
        }
        return new Solver(problem, settings, seed, backend, threads, listeners, true, regularization);
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
        return new Solver(problem, settings, seed, backend, threads, listeners, adaptive, r);
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
        return training;
    }

    /** The loss of one network, with the regularization's penalties. */
    private PinnLoss loss(Discretization discretization, Network network, Backend engine) {
        PinnLoss loss = discretization.loss(network, engine, threads);
        if (regularization.isActive() && settings.optimizers().lmSteps() > 0) {
            throw new IllegalArgumentException("regularization " + regularization + " cannot go with"
                    + " Levenberg-Marquardt steps (" + settings.optimizers().lmSteps() + "): its residual vector holds"
                    + " no penalties; drop the LM steps");
        }
        return regularization.applyTo(loss, discretization.trainingPoints());
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
            RefinedTrainingResult refined = RefinedTraining.of(n -> loss(discretization, n, engine),
                    Adam.steps(settings.optimizers().adamSteps()).withLearningRate(settings.optimizers().learningRate()),
                    RefinementScheduler.extend(gridSchedule()).onPlateau(100, 0.1)).run(network, initial);
            network = refined.network();
            result = refinementTraining().train(loss(discretization, network, engine), refined.theta(),
                    refined.history());
        } else {
            result = withListeners(settings.optimizers().training()).train(loss(discretization, network, engine),
                    initial);
            for (int g : settings.model().extensions()) {
                if (result.stopReason() == StopReason.NON_FINITE) {
                    break;
                }
                GridRefinement extension = GridExtension.extend(network, result.theta(), g);
                network = extension.network();
                result.history().addEvent(result.history().lastStep(), "grid extension",
                        String.join("; ", extension.record().changes()));
                result = refinementTraining().train(loss(discretization, network, engine), extension.theta(),
                        result.history());
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
