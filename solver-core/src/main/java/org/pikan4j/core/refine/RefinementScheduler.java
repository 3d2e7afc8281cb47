package org.pikan4j.core.refine;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.util.Arguments;
import org.pikan4j.core.util.OptionSet;

/**
 * Decides <em>when</em> training refines the network and <em>to what</em> grid: the "when" of the adaptive
 * solve, estimate, mark, refine loop. Immutable; build it with {@link #extend(int...)} and the
 * {@code atSteps}/{@code onPlateau}/{@code onIndicatorRatio}/{@code withXxx} methods, then let
 * {@link RefinedTraining} run it, or drive a {@link #monitor() monitor} by hand.
 *
 * <p>The action is a grid extension to the next size of the schedule: {@code extend(5, 10, 20)} takes a network
 * with G = 5 to 10, then to 20, and refines no more after that. A schedule may start above the network's G
 * ({@code extend(10, 20)} on G = 5 goes to 10 first); sizes not above the current G are skipped. With
 * {@link #thenInsertKnots} the triggers after the last extension insert knots locally instead, a given number of
 * times.
 *
 * <p>Three triggers, one per scheduler:
 * <ul>
 *   <li>{@link Trigger#STEPS}: after each listed step (global step numbers);</li>
 *   <li>{@link Trigger#PLATEAU} (the default, window 100, threshold 0.01): when the loss fell by less than
 *       {@code threshold} relative to its value {@code window} steps earlier, {@code (L[t-W] - L[t]) / L[t-W]
 *       < threshold}, counting only losses since the last refinement, and at least {@link #minimumGap()} steps
 *       after it;</li>
 *   <li>{@link Trigger#INDICATOR}: every {@link #indicatorEvery()} steps (and at least {@link #minimumGap()}
 *       steps after the last refinement), when for some input of some KAN layer the largest
 *       {@link IntervalIndicators interval indicator} exceeds {@code ratio} times their mean: the residual
 *       concentrates in a few intervals, which a finer grid resolves.</li>
 * </ul>
 */
public final class RefinementScheduler {

    /** What makes the scheduler refine. */
    public enum Trigger {
        /** After each of a fixed list of steps. */
        STEPS,
        /** When the loss stops decreasing. */
        PLATEAU,
        /** When the residual concentrates in a few grid intervals. */
        INDICATOR
    }

    private final Options options;

    private RefinementScheduler(Options options) {
        this.options = options;
    }

    /** The scheduler's settings; a {@code withXxx} changes a copy, never the instance a scheduler holds. */
    private static final class Options extends OptionSet<Options> {
        private int[] grids;
        private Trigger trigger = Trigger.PLATEAU;
        private int[] steps = new int[0];
        private int window = 100;
        private double threshold = 0.01;
        private int minimumGap = 100;
        private double ratio = 4.0;
        private int indicatorEvery = 50;
        private LocalRefinement local;
        private int insertions;
        private double causalFront;
        private GridUpdate gridUpdate;
    }

    /** A scheduler with a changed copy of this one's settings. */
    private RefinementScheduler with(Consumer<Options> change) {
        Options changed = options.copy();
        change.accept(changed);
        return new RefinementScheduler(changed);
    }

    /**
     * A scheduler that extends the grid through the given sizes, on a loss plateau (window 100, threshold 0.01,
     * minimum gap 100) until another trigger is chosen.
     *
     * @param grids the grid sizes G, at least one, each &gt;= 1, strictly increasing
     * @return the scheduler
     * @throws IllegalArgumentException if the schedule is empty or not strictly increasing
     */
    public static RefinementScheduler extend(int... grids) {
        if (grids == null || grids.length == 0) {
            throw new IllegalArgumentException("grids (the grid schedule) must hold at least one grid size, got none");
        }
        int[] copy = grids.clone();
        if (copy[0] < 1) {
            throw new IllegalArgumentException("grids must be >= 1, got " + Arrays.toString(copy));
        }
        for (int i = 1; i < copy.length; i++) {
            if (copy[i] <= copy[i - 1]) {
                throw new IllegalArgumentException("grids (the grid schedule) must be strictly increasing, got "
                        + Arrays.toString(copy));
            }
        }
        Options defaults = new Options();
        defaults.grids = copy;
        return new RefinementScheduler(defaults);
    }

    /**
     * Refines after each listed step.
     *
     * @param at global step numbers, at least one, each &gt;= 1, strictly increasing; steps after the schedule
     *           is used up are ignored
     * @return a copy with the {@link Trigger#STEPS} trigger
     * @throws IllegalArgumentException if the list is empty or not strictly increasing positive steps
     */
    public RefinementScheduler atSteps(int... at) {
        if (at == null || at.length == 0) {
            throw new IllegalArgumentException("steps (when to refine) must hold at least one step, got none");
        }
        int[] copy = at.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 1 || (i > 0 && copy[i] <= copy[i - 1])) {
                throw new IllegalArgumentException("steps (when to refine) must be strictly increasing and >= 1, got "
                        + Arrays.toString(copy));
            }
        }
        return with(o -> {
            o.trigger = Trigger.STEPS;
            o.steps = copy;
        });
    }

    /**
     * Refines when the loss stops decreasing.
     *
     * @param steps     the window W, &gt;= 2
     * @param decrease  the relative decrease over W steps below which the loss counts as stalled, in (0, 1)
     * @return a copy with the {@link Trigger#PLATEAU} trigger
     * @throws IllegalArgumentException if the window is below 2 or the threshold outside (0, 1)
     */
    public RefinementScheduler onPlateau(int steps, double decrease) {
        if (steps < 2) {
            throw new IllegalArgumentException("window (plateau steps) must be >= 2, got " + steps);
        }
        if (!(decrease > 0.0 && decrease < 1.0)) {
            throw new IllegalArgumentException("threshold (relative loss decrease over the window) must be in (0, 1),"
                    + " got " + decrease);
        }
        return with(o -> {
            o.trigger = Trigger.PLATEAU;
            o.window = steps;
            o.threshold = decrease;
        });
    }

    /**
     * Refines when the interval indicators concentrate.
     *
     * @param maxOverMean the ratio of the largest indicator to the mean above which to refine, &gt; 1
     * @return a copy with the {@link Trigger#INDICATOR} trigger
     * @throws IllegalArgumentException if the ratio is not above 1
     */
    public RefinementScheduler onIndicatorRatio(double maxOverMean) {
        if (!(maxOverMean > 1.0) || Double.isInfinite(maxOverMean)) {
            throw new IllegalArgumentException("ratio (max interval indicator / mean) must be finite and > 1, got "
                    + maxOverMean);
        }
        return with(o -> {
            o.trigger = Trigger.INDICATOR;
            o.ratio = maxOverMean;
        });
    }

    /**
     * Sets the fewest steps between two refinements (and from the start to the first) for the plateau and
     * indicator triggers, so that training can profit from a refinement before the next one.
     *
     * @param gap the minimum gap, &gt;= 1
     * @return a copy
     */
    public RefinementScheduler withMinimumGap(int gap) {
        if (gap < 1) {
            throw new IllegalArgumentException("minimumGap (steps between refinements) must be >= 1, got " + gap);
        }
        return with(o -> o.minimumGap = gap);
    }

    /**
     * Sets how often the indicator trigger computes the indicators (a residual evaluation, more than a step).
     *
     * @param every the interval in steps, &gt;= 1
     * @return a copy
     */
    public RefinementScheduler withIndicatorEvery(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("indicatorEvery (steps between indicator checks) must be >= 1, got "
                    + every);
        }
        return with(o -> o.indicatorEvery = every);
    }

    /**
     * After the grid schedule is used up, refines locally: each further trigger inserts knots where the residual
     * concentrates ({@link LocalRefinement}), up to {@code rounds} times.
     *
     * @param how    the local refinement, not null
     * @param rounds the number of knot-insertion rounds, &gt;= 1
     * @return a copy
     * @throws IllegalArgumentException if {@code how} is null or rounds is below 1
     */
    public RefinementScheduler thenInsertKnots(LocalRefinement how, int rounds) {
        Arguments.notNull("local refinement", how);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds (of knot insertion) must be >= 1, got " + rounds);
        }
        return with(o -> {
            o.local = how;
            o.insertions = rounds;
        });
    }

    /**
     * Holds the plateau and indicator triggers until causal training fits the whole time interval: until the
     * last slab's causal weight ({@link org.pikan4j.core.residual.PinnLoss#causalWeights()}, the smallest, as the
     * weights fall with time) is at least {@code weight}. Under causal training the loss falls in steps as the
     * front moves through the slabs, so a plateau before the front has passed says the front is slow, not that
     * the grid is too coarse. Losses without causal weighting and the {@link Trigger#STEPS} trigger ignore it.
     *
     * @param weight the last slab's weight to wait for, in (0, 1]
     * @return a copy
     * @throws IllegalArgumentException if the weight is outside (0, 1]
     */
    public RefinementScheduler afterCausalFront(double weight) {
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("causal front weight (the last slab's causal weight to wait for) must"
                    + " be in (0, 1], got " + weight);
        }
        return with(o -> o.causalFront = weight);
    }

    /**
     * Moves the grids to where the layers' inputs lie before every grid extension: a {@link GridUpdate} on all the
     * loss's points, then the extension of the updated grids ({@link #extension}). The extension keeps the
     * updated, non-uniform knots and splits each interval, so the finer grid is denser where the inputs are; the
     * update itself refits the splines, changing the function a little (the refinement's relative change says by
     * how much).
     *
     * @param update the update, not null
     * @return a copy
     */
    public RefinementScheduler withGridUpdate(GridUpdate update) {
        Arguments.notNull("grid update", update);
        return with(o -> o.gridUpdate = update);
    }

    /** @return the grid update before each extension, empty when there is none */
    public Optional<GridUpdate> gridUpdate() {
        return Optional.ofNullable(options.gridUpdate);
    }

    /**
     * The scheduled grid extension of a network: every KAN layer to {@link #nextGrid(Network)}, after a
     * {@link #withGridUpdate grid update} on the loss's points when one is set.
     *
     * @param network the network, its grid schedule not used up
     * @param theta   its parameters (the loss's parameter vector)
     * @param loss    the loss on {@code network}, whose points place the updated grids
     * @return the refinement
     * @throws IllegalStateException when the grid schedule is used up
     */
    public GridRefinement extension(Network network, double[] theta, PinnLoss loss) {
        int next = nextGrid(network);
        if (next < 0) {
            throw new IllegalStateException("the grid schedule " + Arrays.toString(options.grids)
                    + " is used up: no grid extension left");
        }
        if (options.gridUpdate == null) {
            return GridExtension.extend(network, theta, next);
        }
        GridRefinement moved = options.gridUpdate.update(network, theta, loss.points());
        return moved.then(GridExtension.extend(moved.network(), moved.theta(), next));
    }

    /**
     * The next scheduled refinement of a network: its {@link #extension} while the grid schedule has one, then a
     * round of the {@link #thenInsertKnots knot insertion} (the caller counts the rounds).
     *
     * @param network the network
     * @param theta   its parameters (the loss's parameter vector)
     * @param loss    the loss on {@code network}
     * @return the refinement, empty when knot insertion marks no interval (all residuals 0)
     * @throws IllegalStateException when the grid schedule is used up and no knot insertion follows it
     */
    public Optional<GridRefinement> refinement(Network network, double[] theta, PinnLoss loss) {
        if (nextGrid(network) > 0) {
            return Optional.of(extension(network, theta, loss));
        }
        if (options.local == null) {
            throw new IllegalStateException("the grid schedule " + Arrays.toString(options.grids)
                    + " is used up and no knot insertion follows it: no refinement left");
        }
        return options.local.refine(network, theta, loss);
    }

    /** @return the last slab's causal weight the triggers wait for, 0 when they do not wait */
    public double causalFront() {
        return options.causalFront;
    }

    /**
     * Whether the causal front lets the trigger fire.
     *
     * @param weights the causal slab weights of the last loss evaluation, null for a loss without causal weighting
     * @return true without a {@link #afterCausalFront front} to wait for, for the steps trigger, for null weights,
     *         and when the last weight reached the front weight
     */
    public boolean frontPassed(double[] weights) {
        return options.causalFront == 0 || options.trigger == Trigger.STEPS || weights == null
                || weights[weights.length - 1] >= options.causalFront;
    }

    /** @return the local refinement after the grid schedule, empty when there is none */
    public Optional<LocalRefinement> localRefinement() {
        return Optional.ofNullable(options.local);
    }

    /** @return the number of knot-insertion rounds after the grid schedule (0 without local refinement) */
    public int insertionRounds() {
        return options.insertions;
    }

    /** @return a copy of the grid schedule */
    public int[] grids() {
        return options.grids.clone();
    }

    /** @return the trigger */
    public Trigger trigger() {
        return options.trigger;
    }

    /** @return a copy of the steps of the {@link Trigger#STEPS} trigger (empty for the others) */
    public int[] steps() {
        return options.steps.clone();
    }

    /** @return the plateau window W */
    public int window() {
        return options.window;
    }

    /** @return the plateau threshold on the relative decrease */
    public double threshold() {
        return options.threshold;
    }

    /** @return the fewest steps between refinements (plateau and indicator triggers) */
    public int minimumGap() {
        return options.minimumGap;
    }

    /** @return the indicator ratio max / mean */
    public double ratio() {
        return options.ratio;
    }

    /** @return the steps between indicator checks */
    public int indicatorEvery() {
        return options.indicatorEvery;
    }

    /**
     * The next grid size of the schedule for a given current size.
     *
     * @param current the current G
     * @return the smallest scheduled size above {@code current}, or -1 when the schedule is used up
     */
    public int nextGrid(int current) {
        for (int g : options.grids) {
            if (g > current) {
                return g;
            }
        }
        return -1;
    }

    /**
     * The next grid size for a network: above the largest G of its KAN layers.
     *
     * @param network a network with at least one KAN layer
     * @return the next size, or -1 when the schedule is used up
     */
    public int nextGrid(Network network) {
        int current = 0;
        for (int l : Checks.kanLayers(network)) {
            current = Math.max(current, ((KanLayer) network.layers().get(l)).grid(0).intervals());
        }
        return nextGrid(current);
    }

    /** @return a fresh monitor: the trigger's state for one training run */
    public RefinementMonitor monitor() {
        return new RefinementMonitor(this);
    }

    @Override
    public String toString() {
        Options o = options;
        String when = switch (o.trigger) {
            case STEPS -> "at steps " + Arrays.toString(o.steps);
            case PLATEAU -> "on plateau (window " + o.window + ", threshold " + o.threshold + ", gap " + o.minimumGap
                    + ")";
            case INDICATOR -> "on indicator ratio > " + o.ratio + " (every " + o.indicatorEvery + ", gap "
                    + o.minimumGap + ")";
        };
        return "RefinementScheduler[extend " + Arrays.toString(o.grids)
                + (o.gridUpdate == null ? ""
                        : " (grids first updated from samples, gridEps " + o.gridUpdate.gridEps() + ")")
                + (o.local == null ? "" : ", then " + o.insertions + " rounds of " + o.local) + " " + when
                + (o.causalFront == 0 ? "" : " after the causal front (last slab weight >= " + o.causalFront + ")")
                + "]";
    }
}
