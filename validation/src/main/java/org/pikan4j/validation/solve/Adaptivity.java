package org.pikan4j.validation.solve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.pikan4j.core.refine.GridUpdate;
import org.pikan4j.core.refine.LocalRefinement;
import org.pikan4j.core.refine.RefinementScheduler;
import org.pikan4j.core.refine.RefinementScheduler.Trigger;
import org.pikan4j.core.util.OptionSet;

/**
 * How {@link Solver} adapts while it trains, as adaptive finite elements adapt a mesh: during Adam the grid is
 * extended to the model's next size when the trigger fires (by default whenever the loss plateaus; or after listed
 * steps, or when the residual concentrates in a few grid intervals), Adam's learning rate is cut by a factor, the
 * grids can first move to where the layers' inputs lie (grid update from samples), and the PDE's collocation points
 * are redrawn by RAD every so many steps; then L-BFGS polishes on the final grid and points, after any extension the
 * trigger did not reach (e.g. when Adam's share of a time budget, {@link Solver#withTimeBudget}, ran out first), and
 * RAR can add points of large residual at each such refinement. A {@link Continuation} lets the coarse grids solve
 * an easier problem (a parameter such as a viscosity scaled per grid level).
 *
 * <p>Immutable; every {@code withXxx} (and {@link #atSteps}, {@link #onIndicatorRatio}) returns a changed copy and
 * refuses an out-of-range value with a message that names the setting, the value and the valid range.
 */
public final class Adaptivity {

    /** The settings; a {@code withXxx} changes a copy, never the instance an Adaptivity holds. */
    private static final class Options extends OptionSet<Options> {
        private Trigger trigger = Trigger.PLATEAU;
        private int plateauWindow = 100;
        private double plateauDecrease = 0.1;
        private int[] steps = new int[0];
        private double indicatorRatio = 4;
        private double learningRateFactor = 0.5;
        private int resampleEvery;
        private int poolFactor = 4;
        private double radExponent = 1;
        private double radOffset = 1;
        private int insertionRounds;
        private double dorflerTheta = 0.5;
        private double attentionDecay = 0.999;
        private double attentionRate;
        private double causalFront;
        private double peakNeighbours;
        private int addedPoints;
        private double gridEps;
        private Continuation continuation;
    }

    private static final Adaptivity DEFAULTS = new Adaptivity(new Options());

    private final Options options;

    private Adaptivity(Options options) {
        this.options = options;
    }

    private Adaptivity with(Consumer<Options> change) {
        Options changed = options.copy();
        change.accept(changed);
        return new Adaptivity(changed);
    }

    /**
     * The defaults: extend on a plateau (under 10% decrease over 100 steps), learning rate halved per extension, no
     * grid update, no RAD (measured on Helmholtz 2D: redrawing points every 500 steps left the error 8x above
     * extension alone); {@link #withResampleEvery} switches RAD on with k = 1, c = 1 (the setting Wu et al. 2023
     * recommend) and a pool 4 times the interior count; no knot insertion ({@link #withKnotInsertion}: Dörfler
     * θ = 0.5 unless given) and no residual-based attention ({@link #withAttention}).
     *
     * @return the default adaptivity
     */
    public static Adaptivity defaults() {
        return DEFAULTS;
    }

    /**
     * Refine when the loss plateaus (the default trigger).
     *
     * @param window   steps over which the plateau test compares the loss, &gt;= 2
     * @param decrease the relative decrease over the window under which the loss counts as a plateau, in (0, 1)
     * @return a copy with the plateau trigger
     */
    public Adaptivity withPlateau(int window, double decrease) {
        check(window >= 2, "plateauWindow", window, ">= 2");
        check(decrease > 0 && decrease < 1, "plateauDecrease", decrease, "in (0, 1)");
        return with(o -> {
            o.trigger = Trigger.PLATEAU;
            o.plateauWindow = window;
            o.plateauDecrease = decrease;
        });
    }

    /**
     * Refine after each listed Adam step: the grid extensions in order, then the knot-insertion rounds.
     *
     * @param at Adam step numbers, at least one, strictly increasing, each &gt;= 1; steps beyond the refinements
     *           left are ignored
     * @return a copy with the steps trigger
     */
    public Adaptivity atSteps(int... at) {
        boolean valid = at != null && at.length > 0;
        for (int i = 0; valid && i < at.length; i++) {
            valid = at[i] >= 1 && (i == 0 || at[i] > at[i - 1]);
        }
        if (!valid) {
            throw new IllegalArgumentException("adaptivity steps (when to refine) must be at least one step,"
                    + " strictly increasing and >= 1, got " + Arrays.toString(at));
        }
        int[] copy = at.clone();
        return with(o -> {
            o.trigger = Trigger.STEPS;
            o.steps = copy;
        });
    }

    /**
     * Refine when the residual concentrates: when the largest residual-weighted interval indicator of the KAN grids
     * exceeds {@code ratio} times their mean (checked every 50 steps, at least 100 steps after the last refinement).
     *
     * @param ratio max / mean, &gt; 1 and finite
     * @return a copy with the indicator trigger
     */
    public Adaptivity onIndicatorRatio(double ratio) {
        check(ratio > 1 && Double.isFinite(ratio), "indicatorRatio", ratio, "> 1 and finite");
        return with(o -> {
            o.trigger = Trigger.INDICATOR;
            o.indicatorRatio = ratio;
        });
    }

    /**
     * @param factor Adam's learning rate is multiplied by this at every extension, in (0, 1]
     * @return a copy
     */
    public Adaptivity withLearningRateFactor(double factor) {
        check(factor > 0 && factor <= 1, "learningRateFactor", factor, "in (0, 1]");
        return with(o -> o.learningRateFactor = factor);
    }

    /**
     * @param steps Adam steps between RAD redraws of the interior points, &gt;= 0 (0: never)
     * @return a copy
     */
    public Adaptivity withResampleEvery(int steps) {
        check(steps >= 0, "resampleEvery", steps, ">= 0 (0: no resampling)");
        return with(o -> o.resampleEvery = steps);
    }

    /**
     * Local knot insertion after the last grid extension: the triggers after it (during Adam) or the L-BFGS levels
     * after it insert knots where the residual concentrates ({@link LocalRefinement}).
     *
     * @param rounds knot-insertion rounds, &gt;= 0 (0: none)
     * @param theta  their Dörfler bulk fraction, in (0, 1]
     * @return a copy
     */
    public Adaptivity withKnotInsertion(int rounds, double theta) {
        check(rounds >= 0, "insertionRounds", rounds, ">= 0 (0: no knot insertion)");
        check(theta > 0 && theta <= 1, "dorflerTheta", theta, "in (0, 1]");
        return with(o -> {
            o.insertionRounds = rounds;
            o.dorflerTheta = theta;
        });
    }

    /**
     * Residual-based attention on the PDE terms, updated after every Adam step and frozen during L-BFGS
     * ({@link org.pikan4j.core.residual.ResidualAttention}).
     *
     * @param decay γ, in [0, 1), e.g. 0.999
     * @param rate  η, &gt;= 0 and finite (0: none), e.g. 0.01
     * @return a copy
     */
    public Adaptivity withAttention(double decay, double rate) {
        check(decay >= 0 && decay < 1, "attentionDecay (RBA γ)", decay, "in [0, 1)");
        check(rate >= 0 && Double.isFinite(rate), "attentionRate (RBA η)", rate, ">= 0 and finite (0: no attention)");
        return with(o -> {
            o.attentionDecay = decay;
            o.attentionRate = rate;
        });
    }

    /**
     * For causally trained problems: the plateau and indicator triggers extend the grid only once the causal front
     * has passed, the last slab's weight at least {@code weight}; extensions they do not reach go to the L-BFGS
     * levels ({@link RefinementScheduler#afterCausalFront}).
     *
     * @param weight in [0, 1]; 0: do not wait
     * @return a copy
     */
    public Adaptivity withCausalFront(double weight) {
        check(weight >= 0 && weight <= 1, "causalFront", weight, "in [0, 1] (0: no waiting)");
        return with(o -> o.causalFront = weight);
    }

    /**
     * RAD's density |r|^k / mean + c (used with {@link #withResampleEvery}); k = 2, c = 0 concentrates the points
     * harder on large residuals than the default k = 1, c = 1.
     *
     * @param k the exponent, &gt;= 0
     * @param c the offset, &gt;= 0
     * @return a copy
     */
    public Adaptivity withRad(double k, double c) {
        check(k >= 0 && Double.isFinite(k), "radExponent", k, ">= 0 and finite");
        check(c >= 0 && Double.isFinite(c), "radOffset", c, ">= 0 and finite");
        return with(o -> {
            o.radExponent = k;
            o.radOffset = c;
        });
    }

    /**
     * RAD's candidate pool: {@code factor} times the interior point count drawn uniformly per redraw. A thin layer
     * (a shock of width w in a domain of width L) holds about factor·N·w/L candidates, so a larger pool lets RAD put
     * more points into it.
     *
     * @param factor &gt;= 2
     * @return a copy
     */
    public Adaptivity withPoolFactor(int factor) {
        check(factor >= 2, "poolFactor", factor, ">= 2");
        return with(o -> o.poolFactor = factor);
    }

    /**
     * Knot insertion also bisects the interval across a knot that a marked interval's residual peak sits on
     * ({@link LocalRefinement#withPeakNeighbours}).
     *
     * @param fraction of the interval's width, in [0, 0.5]; 0: never
     * @return a copy
     */
    public Adaptivity withPeakNeighbours(double fraction) {
        check(fraction >= 0 && fraction <= 0.5, "peakNeighbours", fraction, "in [0, 0.5] (0: never)");
        return with(o -> o.peakNeighbours = fraction);
    }

    /**
     * RAR between L-BFGS levels: at every grid extension or knot-insertion round after Adam, the {@code count}
     * points of largest residual in a fresh uniform pool of {@link #poolFactor()} times the interior count join the
     * interior points (the points already there stay, with their RBA weights). L-BFGS restarts there anyway, so
     * the added points cost no curvature history; RAD's redraws instead replace every point.
     *
     * @param count points added per refinement, &gt;= 0 (0: none)
     * @return a copy
     */
    public Adaptivity withAddedPoints(int count) {
        check(count >= 0, "addedPoints", count, ">= 0 (0: none)");
        return with(o -> o.addedPoints = count);
    }

    /**
     * Grid update from samples before every grid extension ({@link GridUpdate}): each KAN layer's grids move to a
     * blend of the uniform grid and the quantiles of that layer's inputs on the loss's points, the splines are
     * refitted, and the extension then splits the moved intervals.
     *
     * @param eps the weight of the uniform grid in the blend, in (0, 1] (pykan's default 0.02); 0: no update
     * @return a copy
     */
    public Adaptivity withGridUpdate(double eps) {
        check(eps >= 0 && eps <= 1, "gridEps", eps, "in [0, 1] (0: no grid update)");
        return with(o -> o.gridEps = eps);
    }

    /**
     * A continuation of a fixed parameter of the problem across the grid levels: the coarse grids solve the problem
     * with the parameter scaled, the last grid the problem itself (see {@link Continuation}).
     *
     * @param continuation the parameter and its factors per level; null for none (the default)
     * @return a copy
     */
    public Adaptivity withContinuation(Continuation continuation) {
        return with(o -> o.continuation = continuation);
    }

    /**
     * The scheduler of the Adam stage: extensions through {@code grids} on this trigger, then the knot-insertion
     * rounds, waiting for the causal front and updating the grids before extensions as set.
     *
     * @param grids the grid schedule after the starting grid, strictly increasing
     * @return the scheduler
     */
    public RefinementScheduler scheduler(int... grids) {
        Options o = options;
        RefinementScheduler scheduler = RefinementScheduler.extend(grids);
        scheduler = switch (o.trigger) {
            case PLATEAU -> scheduler.onPlateau(o.plateauWindow, o.plateauDecrease);
            case STEPS -> scheduler.atSteps(o.steps);
            case INDICATOR -> scheduler.onIndicatorRatio(o.indicatorRatio);
        };
        if (o.insertionRounds > 0) {
            scheduler = scheduler.thenInsertKnots(localRefinement(), o.insertionRounds);
        }
        if (o.causalFront > 0) {
            scheduler = scheduler.afterCausalFront(o.causalFront);
        }
        return o.gridEps == 0 ? scheduler : scheduler.withGridUpdate(GridUpdate.defaults().withGridEps(o.gridEps));
    }

    /** The knot insertion of the rounds after the last extension: Dörfler marking, peak neighbours. */
    private LocalRefinement localRefinement() {
        return LocalRefinement.dorfler(options.dorflerTheta).withPeakNeighbours(options.peakNeighbours);
    }

    /** @return what makes Adam refine: a plateau (the default), listed steps, or the indicator ratio */
    public Trigger trigger() {
        return options.trigger;
    }

    /** @return the plateau test's window in steps */
    public int plateauWindow() {
        return options.plateauWindow;
    }

    /** @return the relative decrease over the window under which the loss counts as a plateau */
    public double plateauDecrease() {
        return options.plateauDecrease;
    }

    /** @return a copy of the steps of the steps trigger, empty for the others */
    public int[] steps() {
        return options.steps.clone();
    }

    /** @return the indicator trigger's max / mean ratio */
    public double indicatorRatio() {
        return options.indicatorRatio;
    }

    /** @return Adam's learning-rate factor per extension */
    public double learningRateFactor() {
        return options.learningRateFactor;
    }

    /** @return Adam steps between RAD redraws, 0 for none */
    public int resampleEvery() {
        return options.resampleEvery;
    }

    /** @return RAD's and RAR's candidate pool, in multiples of the interior point count */
    public int poolFactor() {
        return options.poolFactor;
    }

    /** @return RAD's k */
    public double radExponent() {
        return options.radExponent;
    }

    /** @return RAD's c */
    public double radOffset() {
        return options.radOffset;
    }

    /** @return knot-insertion rounds after the last extension, 0 for none */
    public int insertionRounds() {
        return options.insertionRounds;
    }

    /** @return the Dörfler bulk fraction of knot insertion */
    public double dorflerTheta() {
        return options.dorflerTheta;
    }

    /** @return RBA's γ */
    public double attentionDecay() {
        return options.attentionDecay;
    }

    /** @return RBA's η, 0 for no attention */
    public double attentionRate() {
        return options.attentionRate;
    }

    /** @return the last slab's causal weight the triggers wait for, 0 for no waiting */
    public double causalFront() {
        return options.causalFront;
    }

    /** @return the peak-neighbour fraction of knot insertion, 0 for never */
    public double peakNeighbours() {
        return options.peakNeighbours;
    }

    /** @return RAR's points per refinement between L-BFGS levels, 0 for none */
    public int addedPoints() {
        return options.addedPoints;
    }

    /** @return the grid update's weight of the uniform grid, 0 for no grid update */
    public double gridEps() {
        return options.gridEps;
    }

    /** @return the continuation across the grid levels, empty for none */
    public Optional<Continuation> continuation() {
        return Optional.ofNullable(options.continuation);
    }

    private static void check(boolean valid, String field, double value, String range) {
        if (!valid) {
            throw new IllegalArgumentException("adaptivity " + field + " must be " + range + ", got " + value);
        }
    }

    @Override
    public String toString() {
        Options o = options;
        String when = switch (o.trigger) {
            case PLATEAU -> String.format(Locale.ROOT, "plateau %.3g over %d steps", o.plateauDecrease,
                    o.plateauWindow);
            case STEPS -> "at steps " + Arrays.toString(o.steps);
            case INDICATOR -> String.format(Locale.ROOT, "indicator ratio > %.3g", o.indicatorRatio);
        };
        return "adaptive (" + when + String.format(Locale.ROOT, ", lr x%.3g per extension, ", o.learningRateFactor)
                + (o.gridEps == 0 ? ""
                        : String.format(Locale.ROOT, "grid update (gridEps %.3g) before each extension, ", o.gridEps))
                + (o.resampleEvery == 0 ? "no resampling" : String.format(Locale.ROOT,
                        "RAD k=%.3g c=%.3g every %d steps from %dx pool", o.radExponent, o.radOffset, o.resampleEvery,
                        o.poolFactor))
                + (o.insertionRounds == 0 ? "" : String.format(Locale.ROOT,
                        ", then %d rounds of knot insertion (Dörfler %.3g%s)", o.insertionRounds, o.dorflerTheta,
                        o.peakNeighbours == 0 ? "" : String.format(Locale.ROOT,
                                ", peak neighbours within %.3g", o.peakNeighbours)))
                + (o.addedPoints == 0 ? "" : String.format(Locale.ROOT,
                        ", RAR %d points per L-BFGS level", o.addedPoints))
                + (o.attentionRate == 0 ? "" : String.format(Locale.ROOT, ", RBA γ=%.4g η=%.3g",
                        o.attentionDecay, o.attentionRate))
                + (o.causalFront == 0 ? "" : String.format(Locale.ROOT, ", after the causal front (w >= %.3g)",
                        o.causalFront))
                + (o.continuation == null ? "" : ", continuation " + o.continuation) + ")";
    }
}
