package org.pikan4j.core.residual;

import java.util.List;

/**
 * Causal training (Wang, Sankaran and Perdikaris 2022, "Respecting causality is all you need for
 * training physics-informed neural networks"): the points of chosen terms are split into
 * {@code slabs} equal time slabs of {@code [t0, t1]}, and slab i's squared residuals are weighted by
 * {@code w_i = exp(-ε Σ_{k<i} L_k)}, L_k the mean squared residual of slab k over all the chosen
 * terms. The weights are recomputed at every evaluation and held constant for the gradient (no
 * gradient flows through them), so a later slab counts only once the earlier ones are resolved;
 * line searches hold them between evaluations as well ({@link PinnLoss#evaluateWithHeldWeights}).
 * Immutable.
 *
 * @param terms   names of the terms to weight, e.g. the PDE terms; at least one
 * @param axis    the time coordinate's index among the network's inputs
 * @param t0      start of the time interval
 * @param t1      end of the time interval, {@code > t0}
 * @param slabs   number of time slabs M, at least 1
 * @param epsilon causality parameter ε, {@code >= 0} (0: all weights 1, plain training)
 */
public record CausalWeighting(List<String> terms, int axis, double t0, double t1, int slabs, double epsilon) {

    /** Checks the values. */
    public CausalWeighting {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("causal weighting needs at least one term name, got " + terms);
        }
        terms = List.copyOf(terms);
        if (axis < 0) {
            throw new IllegalArgumentException("causal time axis must be >= 0, got " + axis);
        }
        if (!(t0 < t1) || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("causal time interval needs finite t0 < t1, got t0 = " + t0
                    + ", t1 = " + t1);
        }
        if (slabs < 1) {
            throw new IllegalArgumentException("causal slabs must be >= 1, got " + slabs);
        }
        if (!(epsilon >= 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("causal epsilon must be finite and >= 0, got " + epsilon);
        }
    }

    /** The slab of a time value; times outside [t0, t1] go to the first or last slab. */
    public int slab(double t) {
        int i = (int) Math.floor((t - t0) / (t1 - t0) * slabs);
        return Math.max(0, Math.min(slabs - 1, i));
    }

    /**
     * The weights {@code exp(-ε Σ_{k<i} L_k)} for the mean squared residuals of the slabs (an empty
     * slab counts 0).
     *
     * @param slabLosses L_k for k = 0..M-1
     * @return w_i for i = 0..M-1; w_0 = 1
     */
    public double[] weights(double[] slabLosses) {
        if (slabLosses.length != slabs) {
            throw new IllegalArgumentException("slabLosses must hold " + slabs + " values, got " + slabLosses.length);
        }
        double[] w = new double[slabs];
        double sum = 0.0;
        for (int i = 0; i < slabs; i++) {
            w[i] = Math.exp(-epsilon * sum);
            sum += slabLosses[i];
        }
        return w;
    }
}
