package org.pikan4j.core.residual;

import java.util.List;
import org.pikan4j.core.util.Arguments;

/**
 * Causal training (Wang, Sankaran and Perdikaris 2022, "Respecting causality is all you need for
 * training physics-informed neural networks"): the points of chosen terms are split into
 * {@code slabs} equal time slabs of {@code [t0, t1]}, and slab i's squared residuals are weighted by
 * {@code w_i = exp(-ε Σ_{k<i} L_k)}, L_k the mean squared residual of slab k over all the chosen
 * terms. The weights are recomputed at every evaluation and held constant for the gradient (no
 * gradient flows through them), so a later slab counts only once the earlier ones are resolved;
 * line searches hold them between evaluations as well ({@link PinnLoss#evaluateWithHeldWeights}).
 * <p>
 * An optional {@code decay} β also weighs each point by the fixed factor
 * {@code g(s) = β e^(-βs) / (1 - e^(-β))}, s = (t - t0) / (t1 - t0), whose mean over the interval is 1: residuals
 * early in time count more than late ones. Why: a residual r at time s moves the solution, and an unstable
 * equation (Allen-Cahn's 5u - 5u³ grows at rate 5 near u = 0) amplifies that error at every later time, so the
 * error over the whole interval owes more to early residuals than to late ones. Once the causal weights are all 1
 * the decay is what still tells the optimizer so. 0 (the default) weighs every time alike.
 * Immutable.
 *
 * @param terms   names of the terms to weight, e.g. the PDE terms; at least one
 * @param axis    the time coordinate's index among the network's inputs
 * @param t0      start of the time interval
 * @param t1      end of the time interval, {@code > t0}
 * @param slabs   number of time slabs M, at least 1
 * @param epsilon causality parameter ε, {@code >= 0} (0: all slab weights 1)
 * @param decay   rate β of the fixed decay in time, finite and {@code >= 0} (0: none)
 */
public record CausalWeighting(List<String> terms, int axis, double t0, double t1, int slabs, double epsilon,
                              double decay) {

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
        Arguments.atLeast("causal slabs", slabs, 1);
        Arguments.nonNegative("causal epsilon", epsilon);
        Arguments.nonNegative("causal decay", decay);
    }

    /** True when the slab weights depend on the residuals: ε > 0 and more than one slab (otherwise all are 1). */
    public boolean weighsSlabs() {
        return epsilon > 0.0 && slabs > 1;
    }

    /** Causal weighting without decay in time. */
    public CausalWeighting(List<String> terms, int axis, double t0, double t1, int slabs, double epsilon) {
        this(terms, axis, t0, t1, slabs, epsilon, 0.0);
    }

    /** The same weighting with a fixed decay of rate β in time (0 for none). */
    public CausalWeighting withDecay(double beta) {
        return new CausalWeighting(terms, axis, t0, t1, slabs, epsilon, beta);
    }

    /**
     * The fixed decay factor {@code g(s) = β e^(-βs) / (1 - e^(-β))} of a time value, s = (t - t0) / (t1 - t0)
     * clamped to [0, 1]; 1 without decay.
     */
    public double decayFactor(double t) {
        if (decay == 0.0) {
            return 1.0;
        }
        double s = Math.max(0.0, Math.min(1.0, (t - t0) / (t1 - t0)));
        return decay * Math.exp(-decay * s) / -Math.expm1(-decay);
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
