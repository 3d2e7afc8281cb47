package org.pikan4j.validation.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.util.OptionSet;
import org.pikan4j.problems.catalog.Causality;
import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.validation.metrics.ErrorMetrics;

/**
 * Adaptive against fixed grids at the same wall-time budget, over seeds: the experiment behind the claim that
 * refinement pays. For every seed two solves run side by side, so that they share the machine alike:
 * <ul>
 *   <li><b>fixed</b>: the model on the final grid of its extension schedule from the start, the collocation
 *       points as sampled; the plan's Adam steps, then L-BFGS until the budget is spent;</li>
 *   <li><b>adaptive</b>: the model on its starting grid; the plan's Adam steps with extensions on plateaus, RAD
 *       redraws and the learning rate cut per extension ({@link Adaptivity}); then L-BFGS on each remaining grid
 *       in turn (the time left shared 1 : 2 : 4 ... from coarse to fine), in rounds with a RAD redraw between
 *       rounds.</li>
 * </ul>
 * Both get the same budget (Adam at most the same share of it) and otherwise the same settings. Immutable
 * configuration; {@link #run} does the work.
 */
public final class AdaptiveComparison {

    /** L-BFGS steps so many that the time budget, not the step count, ends training. */
    private static final int UNLIMITED_STEPS = 100_000_000;

    private final Solver base;
    private final Options options;

    /** The comparison's settings; each {@code withXxx} changes one in a copy. */
    private static final class Options extends OptionSet<Options> {
        private Adaptivity adaptivity = Adaptivity.defaults();
        private double budgetSeconds = 60;
        private double adamShare = 0.5;
        private long[] seeds = {1, 2, 3};
        private int parallel = 2;
        private boolean fixedCollocation;
        private Continuation fixedContinuation;
    }

    private AdaptiveComparison(Solver base, Options options) {
        this.base = base;
        this.options = options;
    }

    private AdaptiveComparison with(Consumer<Options> change) {
        Options changed = options.copy();
        change.accept(changed);
        return new AdaptiveComparison(base, changed);
    }

    /**
     * A comparison of the solver's settings (a KAN with grid extensions) with default adaptivity, 60 s per solve,
     * half of it for Adam, seeds 1 to 3, the two solves of a seed in parallel.
     *
     * @param solver the problem and settings; its seed is replaced by each of the seeds
     * @throws IllegalArgumentException when the model is not a KAN with at least one grid extension
     */
    public static AdaptiveComparison of(Solver solver) {
        ModelSpec model = solver.settings().model();
        if (model.kind() != ModelSpec.Kind.KAN || model.extensions().length == 0) {
            throw new IllegalArgumentException("adaptive comparison needs a KAN with grid extensions (e.g. --grid 5"
                    + " --extend 10,20), got " + model);
        }
        return new AdaptiveComparison(solver, new Options());
    }

    /** @return a copy with other adaptivity settings for the adaptive solves */
    public AdaptiveComparison withAdaptivity(Adaptivity how) {
        if (how == null) {
            throw new IllegalArgumentException("adaptivity must not be null");
        }
        return with(o -> o.adaptivity = how);
    }

    /**
     * @param seconds   the wall-time budget of every solve, positive and finite
     * @param adamShare the share of it Adam may use, in (0, 1]
     * @return a copy
     */
    public AdaptiveComparison withBudget(double seconds, double adamShare) {
        base.withTimeBudget(seconds, adamShare); // validates both
        return with(o -> {
            o.budgetSeconds = seconds;
            o.adamShare = adamShare;
        });
    }

    /** @return a copy over other seeds (at least one) */
    public AdaptiveComparison withSeeds(long... s) {
        if (s == null || s.length == 0) {
            throw new IllegalArgumentException("seeds must hold at least one seed, got none");
        }
        long[] copy = s.clone();
        return with(o -> o.seeds = copy);
    }

    /** @return a copy running {@code n} (1 to 16) solves at a time */
    public AdaptiveComparison withParallelSolves(int n) {
        if (n < 1 || n > 16) {
            throw new IllegalArgumentException("parallel solves must be in [1, 16], got " + n);
        }
        return with(o -> o.parallel = n);
    }

    /**
     * Gives the fixed solves the adaptive solves' collocation adaptivity too: RAD redraws, residual-based attention
     * and the L-BFGS rounds between redraws (everything but grid extension, knot insertion and a continuation
     * across the grid levels, which a single grid has not got; {@link #withFixedContinuation} gives one by Adam
     * steps), so that the comparison measures what adapting the grid adds.
     *
     * @param on true for the fixed solves with RAD and RBA; false (the default) for fixed points and weights
     * @return a copy
     */
    public AdaptiveComparison withFixedCollocationAdaptivity(boolean on) {
        return with(o -> o.fixedCollocation = on);
    }

    /**
     * Gives the fixed solves a continuation by Adam steps ({@link Solver#withContinuation}), e.g. the one the
     * adaptive solves follow by grid level, ending its levels about where they change grid: so that the comparison
     * measures what refining the grid adds to the continuation.
     *
     * @param byAdamSteps the continuation, its levels ending at Adam steps; null for none (the default)
     * @return a copy
     * @throws IllegalArgumentException when the solver refuses it (see {@link Solver#withContinuation})
     */
    public AdaptiveComparison withFixedContinuation(Continuation byAdamSteps) {
        base.withContinuation(byAdamSteps); // validates it
        return with(o -> o.fixedContinuation = byAdamSteps);
    }

    /**
     * Runs every seed's fixed and adaptive solve.
     *
     * @param done called with each finished solve (from the worker thread), e.g. to print progress; may be null
     * @return the results: per seed, fixed then adaptive
     */
    public List<Result> run(Consumer<Result> done) {
        ModelSpec model = base.settings().model();
        int[] grids = model.extensions();
        OptimizerPlan plan = base.settings().optimizers().withLbfgsSteps(UNLIMITED_STEPS);
        Solver timed = base.withOptimizers(plan).withTimeBudget(options.budgetSeconds, options.adamShare);
        Solver fine = timed.withModel(model.withExtensions().withGrid(grids[grids.length - 1]));
        Adaptivity how = options.adaptivity;
        boolean collocation = options.fixedCollocation && (how.resampleEvery() > 0 || how.attentionRate() > 0);
        Solver fixedPoints = fine.withContinuation(options.fixedContinuation);
        Solver fixed = collocation ? fixedPoints.withAdaptiveRefinement(how.withKnotInsertion(0, how.dorflerTheta())
                .withContinuation(null)) : fixedPoints;
        Solver adaptive = timed.withAdaptiveRefinement(how);
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (long seed : options.seeds) {
                futures.add(pool.submit(() -> solve("fixed", fixed.withSeed(seed), done)));
                futures.add(pool.submit(() -> solve("adaptive", adaptive.withSeed(seed), done)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a solve failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result solve(String mode, Solver solver, Consumer<Result> done) {
        Result result = new Result(mode, solver.solve());
        if (done != null) {
            done.accept(result);
        }
        return result;
    }

    /** @return what each adaptive solve does, for reports */
    public String describe() {
        Causality causality = base.settings().causality();
        return String.format(Locale.ROOT, "%s%s; %s s per solve (Adam %d steps within %.0f%% of it, then %s),"
                        + " seeds %s; adaptive: %s; fixed: G = %d from the start%s", base.settings().model(),
                causality.isActive() ? ", both " + causality : "",
                options.budgetSeconds, base.settings().optimizers().adamSteps(), 100 * options.adamShare,
                base.settings().optimizers().denseInverse() ? "BFGS with a dense inverse Hessian" : "L-BFGS",
                Arrays.toString(options.seeds), options.adaptivity, base.settings().model().extensions()[
                        base.settings().model().extensions().length - 1],
                (options.fixedCollocation ? ", with the same RAD and RBA" : ", points and weights fixed")
                        + (options.fixedContinuation == null ? "" : ", continuation " + options.fixedContinuation));
    }

    /**
     * One solve of the comparison.
     *
     * @param mode     "fixed" or "adaptive"
     * @param solution the solve's result
     */
    public record Result(String mode, Solution solution) {

        /** @return Adam steps taken */
        public long adamSteps() {
            return stageSteps("adam");
        }

        /** @return L-BFGS steps taken (quasi-Newton steps: dense BFGS ones too) */
        public long lbfgsSteps() {
            return stageSteps("lbfgs") + stageSteps("bfgs");
        }

        /** @return "BFGS" when the quasi-Newton steps kept a dense inverse Hessian, "L-BFGS" otherwise */
        public String quasiNewton() {
            return stageSteps("bfgs") > 0 ? "BFGS" : "L-BFGS";
        }

        /** @return grid extensions and collocation redraws, in order */
        public List<TrainingHistory.Event> refinements() {
            return solution.training().history().events().stream()
                    .filter(e -> List.of("refine", "resample", "grid extension").contains(e.kind())).toList();
        }

        private long stageSteps(String stage) {
            return solution.training().history().rows().stream().filter(r -> r.stage().equals(stage)).count();
        }

        /** @return a CSV row: mode, seed, parameters, relative L2, max error, adam, lbfgs, refinements, seconds */
        public String csv() {
            ErrorMetrics e = solution.error();
            return String.format(Locale.ROOT, "%s,%d,%d,%.6e,%.6e,%d,%d,%d,%.1f", mode, solution.seed(),
                    solution.parameters(), e.relativeL2(), e.maxError(), adamSteps(), lbfgsSteps(),
                    refinements().size(), solution.seconds());
        }
    }

    /** The CSV header matching {@link Result#csv()}. */
    public static final String CSV_HEADER = "mode,seed,parameters,relative_l2,max_error,adam_steps,lbfgs_steps,"
            + "refinements,seconds";

    /**
     * A Markdown table: one row per mode with the median relative L2 and its range over seeds, and the ratio of
     * the medians.
     *
     * @param results the results of {@link #run}
     * @return the table
     */
    public static String markdown(List<Result> results) {
        String quasiNewton = results.isEmpty() ? "L-BFGS" : results.get(0).quasiNewton();
        StringBuilder md = new StringBuilder("| grid | relative L2 (median) | min - max | max error (median) | params |"
                + " Adam / " + quasiNewton + " steps (median) |\n| --- | --- | --- | --- | --- | --- |\n");
        double[] medians = new double[2];
        String[] modes = {"fixed", "adaptive"};
        for (int m = 0; m < 2; m++) {
            String mode = modes[m];
            List<Result> rows = results.stream().filter(r -> r.mode().equals(mode))
                    .sorted(Comparator.comparingDouble(r -> r.solution().error().relativeL2())).toList();
            if (rows.isEmpty()) {
                continue;
            }
            medians[m] = median(rows.stream().mapToDouble(r -> r.solution().error().relativeL2()).toArray());
            md.append(String.format(Locale.ROOT, "| %s | %.2e | %.2e - %.2e | %.2e | %d | %.0f / %.0f |%n", mode,
                    medians[m], rows.get(0).solution().error().relativeL2(),
                    rows.get(rows.size() - 1).solution().error().relativeL2(),
                    median(rows.stream().mapToDouble(r -> r.solution().error().maxError()).toArray()),
                    rows.get(0).solution().parameters(),
                    median(rows.stream().mapToDouble(Result::adamSteps).toArray()),
                    median(rows.stream().mapToDouble(Result::lbfgsSteps).toArray())));
        }
        if (medians[0] > 0 && medians[1] > 0) {
            md.append(String.format(Locale.ROOT, "%nfixed / adaptive median relative L2: %.2f%n",
                    medians[0] / medians[1]));
        }
        return md.toString();
    }

    /**
     * One line with the median and range of another error measure per mode, and the ratio of the medians, e.g. the
     * relative L2 error on another grid.
     *
     * @param results the results of {@link #run}, both modes present
     * @param error   the measure of a result
     * @param label   what it is, e.g. "relative L2 on the 256x100 grid"
     * @return the line, ending in a newline
     */
    public static String medianLine(List<Result> results, ToDoubleFunction<Result> error, String label) {
        StringBuilder line = new StringBuilder(label + ":");
        double[] medians = new double[2];
        String[] modes = {"fixed", "adaptive"};
        for (int m = 0; m < 2; m++) {
            String mode = modes[m];
            double[] v = results.stream().filter(r -> r.mode().equals(mode)).mapToDouble(error).sorted().toArray();
            medians[m] = median(v);
            line.append(String.format(Locale.ROOT, " %s %.2e (%.2e - %.2e)%s", mode, medians[m], v[0],
                    v[v.length - 1], m == 0 ? "," : ""));
        }
        return line.append(String.format(Locale.ROOT, "; fixed / adaptive median %.2f%n", medians[0] / medians[1]))
                .toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
