package org.pikan4j.problems.catalog;

/**
 * Causal training of a time-dependent problem's PDE terms (see
 * {@link org.pikan4j.core.residual.CausalWeighting}): the time interval cut into {@code slabs} slabs,
 * slab i weighted by {@code exp(-ε Σ_{k<i} L_k)}. Immutable; {@link #NONE} trains without it.
 *
 * @param epsilon causality parameter ε, finite and {@code >= 0}; 0 switches causal training off
 * @param slabs   number of time slabs M, at least 1
 */
public record Causality(double epsilon, int slabs) {

    /** No causal weighting. */
    public static final Causality NONE = new Causality(0.0, 1);

    /** Checks the values. */
    public Causality {
        if (!(epsilon >= 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("causal epsilon must be finite and >= 0, got " + epsilon);
        }
        if (slabs < 1) {
            throw new IllegalArgumentException("causal slabs must be >= 1, got " + slabs);
        }
    }

    /** True when the weighting does something (ε > 0 and more than one slab). */
    public boolean isActive() {
        return epsilon > 0.0 && slabs > 1;
    }

    /** E.g. {@code "causal ε = 1.0, 32 slabs"}, or {@code "no causal weighting"}. */
    @Override
    public String toString() {
        return isActive() ? "causal ε = " + epsilon + ", " + slabs + " slabs" : "no causal weighting";
    }
}
