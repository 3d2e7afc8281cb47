package org.pikan4j.core.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a guarded run gave up ({@link StopReason#DIVERGED}): the last divergence, after the retries were spent.
 *
 * @param step        the global step whose evaluation diverged
 * @param stage       the stage that evaluated it
 * @param kind        NaN/infinity or blow-up
 * @param loss        the diverged loss
 * @param bestLoss    the lowest finite loss of the run (NaN if none)
 * @param term        the term most to blame: the first non-finite one, or the one that grew most against its
 *                    value at the best state
 * @param terms       every term's value at the diverged evaluation, in term order
 * @param retries     the roll-backs taken before giving up
 * @param stepSizes   the step sizes tried, oldest first, e.g. "learning rate 1" then "learning rate 0.5"
 * @param likelyCause one sentence on the probable cause
 * @param message     the whole diagnosis in one paragraph
 */
public record Divergence(int step, String stage, Kind kind, double loss, double bestLoss, String term,
                         Map<String, Double> terms, int retries, List<String> stepSizes, String likelyCause,
                         String message) {

    /** How the loss diverged. */
    public enum Kind {
        /** The loss or a term became NaN or infinite. */
        NON_FINITE,
        /** The loss rose above the guard's factor times the best loss. */
        BLOW_UP
    }

    /** Copies the collections (the terms keep their order). */
    public Divergence {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        stepSizes = List.copyOf(stepSizes);
    }
}
