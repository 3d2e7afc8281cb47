package org.pikan4j.core.refine;

/**
 * One refinement during {@link RefinedTraining}: when, why, what changed, and the loss around it.
 *
 * @param step       the global step after which the network was refined
 * @param trigger    what fired, e.g. {@code "steps"}, {@code "plateau (relative decrease 0.0031)"}
 * @param record     what changed: layers, grids, parameter counts before and after
 * @param lossBefore the loss of the old network at its parameters right before the refinement
 * @param lossAfter  the loss of the refined network at the mapped parameters right after it, before any step
 * @param errorBefore the {@link ErrorProbe error} right before, NaN without a probe
 * @param errorAfter  the error right after, NaN without a probe
 */
public record RefinementEvent(int step, String trigger, RefinementRecord record, double lossBefore,
                              double lossAfter, double errorBefore, double errorAfter) {

    /** @return a line for the training history's events */
    public String describe() {
        return record + "; trigger " + trigger + String.format("; loss %.6g -> %.6g", lossBefore, lossAfter)
                + (Double.isNaN(errorBefore) ? "" : String.format("; error %.6g -> %.6g", errorBefore, errorAfter));
    }
}
