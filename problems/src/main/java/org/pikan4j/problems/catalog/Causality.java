package org.pikan4j.problems.catalog;

import org.pikan4j.core.util.Arguments;

/**
 * Causal training of a time-dependent problem's PDE terms (see
 * {@link org.pikan4j.core.residual.CausalWeighting}): the time interval cut into {@code slabs} slabs,
 * slab i weighted by {@code exp(-ε Σ_{k<i} L_k)}, and optionally every point by a fixed decay in time of rate
 * {@code decay} that favours early residuals. Immutable; {@link #NONE} trains without it.
 *
 * @param epsilon causality parameter ε, finite and {@code >= 0}; 0 switches the slab weights off
 * @param slabs   number of time slabs M, at least 1
 * @param decay   rate β of the fixed decay in time, finite and {@code >= 0}; 0 for none
 */
public record Causality(double epsilon, int slabs, double decay) {

    /** No causal weighting. */
    public static final Causality NONE = new Causality(0.0, 1);

    /** Checks the values. */
    public Causality {
        Arguments.nonNegative("causal epsilon", epsilon);
        Arguments.atLeast("causal slabs", slabs, 1);
        Arguments.nonNegative("causal decay", decay);
    }

    /** Causal weighting without decay in time. */
    public Causality(double epsilon, int slabs) {
        this(epsilon, slabs, 0.0);
    }

    /** The same slab weights with a fixed decay of rate β in time (0 for none). */
    public Causality withDecay(double beta) {
        return new Causality(epsilon, slabs, beta);
    }

    /** True when the slabs are weighted: ε > 0 and more than one slab. */
    public boolean weighsSlabs() {
        return epsilon > 0.0 && slabs > 1;
    }

    /** True when the weighting does something: slab weights or a decay. */
    public boolean isActive() {
        return weighsSlabs() || decay > 0.0;
    }

    /**
     * E.g. {@code "causal ε = 1.0, 32 slabs, decay 3.0"}, {@code "causal decay 3.0"} (no slab weights), or
     * {@code "no causal weighting"}.
     */
    @Override
    public String toString() {
        if (!isActive()) {
            return "no causal weighting";
        }
        String weights = weighsSlabs() ? "causal ε = " + epsilon + ", " + slabs + " slabs" : "causal";
        if (decay == 0.0) {
            return weights;
        }
        return weights + (weighsSlabs() ? ", " : " ") + "decay " + decay;
    }
}
