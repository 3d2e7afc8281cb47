package org.pikan4j.core.refine;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * The state of a {@link RefinementScheduler}'s trigger during one training run: the losses since the last
 * refinement and that refinement's step. Mutable, not thread-safe; get one from
 * {@link RefinementScheduler#monitor()}.
 *
 * <p>Per step: {@link #observe} the loss, ask {@link #due}, and after refining call {@link #refined}. The
 * trigger logic needs no network, so it can be tested on synthetic loss sequences.
 */
public final class RefinementMonitor {

    private final RefinementScheduler scheduler;
    private double[] losses = new double[64];
    private int count;
    private int lastRefinement;
    private int refinements;

    RefinementMonitor(RefinementScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Records the loss of a step.
     *
     * @param step the global step
     * @param loss its loss
     */
    public void observe(int step, double loss) {
        if (count == losses.length) {
            losses = Arrays.copyOf(losses, 2 * count);
        }
        losses[count++] = loss;
    }

    /**
     * Whether to refine after this step.
     *
     * @param step            the global step just taken (its loss observed)
     * @param indicatorRatio  computes max interval indicator / mean for the {@link RefinementScheduler.Trigger#INDICATOR
     *                        indicator trigger}; called only when that trigger checks, may be null otherwise
     * @return true when the trigger fires
     */
    public boolean due(int step, DoubleSupplier indicatorRatio) {
        int since = step - lastRefinement;
        switch (scheduler.trigger()) {
            case STEPS:
                return Arrays.binarySearch(scheduler.steps(), step) >= 0;
            case PLATEAU:
                return since >= scheduler.minimumGap() && plateau();
            case INDICATOR:
                return since >= scheduler.minimumGap() && since % scheduler.indicatorEvery() == 0
                        && indicatorRatio.getAsDouble() > scheduler.ratio();
            default:
                throw new IllegalStateException("unknown trigger " + scheduler.trigger());
        }
    }

    /** The relative decrease over the last W observed losses is below the threshold. */
    private boolean plateau() {
        double decrease = relativeDecrease();
        return !Double.isNaN(decrease) && decrease < scheduler.threshold();
    }

    /**
     * The relative decrease {@code (L[t-W] - L[t]) / |L[t-W]|} over the last W observed losses.
     *
     * @return the decrease, NaN while fewer than W + 1 losses were observed since the last refinement
     */
    public double relativeDecrease() {
        int w = scheduler.window();
        if (count <= w) {
            return Double.NaN;
        }
        double then = losses[count - 1 - w];
        return (then - losses[count - 1]) / Math.abs(then);
    }

    /**
     * Notes a refinement after this step: the plateau window starts over (the old losses belong to another
     * network) and the minimum gap counts from here.
     *
     * @param step the global step after which the network was refined
     */
    public void refined(int step) {
        lastRefinement = step;
        count = 0;
        refinements++;
    }

    /** @return the number of refinements noted so far */
    public int refinements() {
        return refinements;
    }

    /** @return the step of the last refinement, 0 before the first */
    public int lastRefinement() {
        return lastRefinement;
    }
}
