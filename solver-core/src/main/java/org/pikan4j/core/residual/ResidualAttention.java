package org.pikan4j.core.residual;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hipparchus.util.MathArrays;

/**
 * Residual-based attention (RBA, Anagnostopoulos et al. 2024): a weight λ_n per collocation point of chosen terms,
 * which the loss applies to the residual, {@code w/N Σ (λ_n r_n)²}, and which {@link #update()} moves toward where
 * the residual is large, {@code λ_n <- γ λ_n + η |r_n| / max_m |r_m|}, without a gradient (the max over the
 * term's points). The weights start at 1 and stay below {@code max(1, η / (1 - γ))}; frozen between updates,
 * the loss and its gradient are exact for them.
 *
 * <p>A {@link PinnLoss} built {@link PinnLoss#withAttention with} this object records every point's |r| at each
 * evaluation; {@link #update()} uses the latest record (so call it right after the evaluation of an optimizer
 * step, e.g. from {@link org.pikan4j.core.train.AttentionUpdate} after each Adam step, not during a line search).
 * Losses for refined networks may share the object: the weights follow a term by name, and stay with its points
 * (a copy of the same points keeps them all). When the points change, points kept from before (RAR, which appends)
 * keep their weights and each added point takes the weight of its nearest old point; points that replace the old
 * ones (RAD) start over at 1. Residuals at other points (a candidate pool) must be read from a loss
 * {@link PinnLoss#withoutAttention() without} this attention, or the weights would move to them.
 *
 * <p>Mutable, not thread-safe: the loss's threads write disjoint ranges of the record.
 */
public final class ResidualAttention {

    private final double decay;
    private final double rate;
    private final Set<String> terms;
    private final Map<String, Weights> weights = new HashMap<>();

    /** The weights and the latest |r| of one term's points. */
    private record Weights(double[][] points, double[] lambda, double[] magnitude) {
    }

    private ResidualAttention(double decay, double rate, Set<String> terms) {
        this.decay = decay;
        this.rate = rate;
        this.terms = terms;
    }

    /**
     * Attention on the named terms.
     *
     * @param decay γ, in {@code [0, 1)}; e.g. 0.999
     * @param rate  η, positive and finite; e.g. 0.01
     * @param names the terms to weight (e.g. the PDE terms), at least one
     * @return the attention, all weights 1
     * @throws IllegalArgumentException if γ or η is out of range or no term is named
     */
    public static ResidualAttention of(double decay, double rate, List<String> names) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("RBA decay γ must be in [0, 1), got " + decay);
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("RBA rate η must be positive and finite, got " + rate);
        }
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("RBA needs at least one term name to weight, got " + names);
        }
        return new ResidualAttention(decay, rate, new TreeSet<>(names));
    }

    /** @return γ */
    public double decay() {
        return decay;
    }

    /** @return η */
    public double rate() {
        return rate;
    }

    /** @return the names of the weighted terms, sorted */
    public Set<String> termNames() {
        return Set.copyOf(terms);
    }

    /**
     * @param term a weighted term's name
     * @return a copy of its current weights, one per point
     * @throws IllegalArgumentException if no loss with that term was built with this attention
     */
    public double[] weights(String term) {
        Weights w = weights.get(term);
        if (w == null) {
            throw new IllegalArgumentException("no weights for term \"" + term + "\"; weighted terms seen so far: "
                    + weights.keySet());
        }
        return w.lambda().clone();
    }

    /**
     * One RBA step on every weighted term from the |r| of the latest loss evaluation: {@code λ <- γ λ + η |r| /
     * max |r|} (a term whose residuals are all 0 keeps its weights).
     */
    public void update() {
        for (Weights w : weights.values()) {
            double max = Arrays.stream(w.magnitude()).max().orElse(0);
            if (!(max > 0) || Double.isInfinite(max)) {
                continue;
            }
            double[] lambda = w.lambda();
            for (int n = 0; n < lambda.length; n++) {
                lambda[n] = decay * lambda[n] + rate * w.magnitude()[n] / max;
            }
        }
    }

    /** The live weights of a term for a loss being built (1 for new or moved points), or null if not weighted. */
    double[] lambda(ResidualTerm term) {
        Weights w = bind(term);
        return w == null ? null : w.lambda();
    }

    /** The live |r| record of a weighted term, or null. */
    double[] magnitude(ResidualTerm term) {
        Weights w = bind(term);
        return w == null ? null : w.magnitude();
    }

    private Weights bind(ResidualTerm term) {
        if (!terms.contains(term.name())) {
            return null;
        }
        Weights w = weights.get(term.name());
        if (w == null || w.points() != term.pointsShared()) {
            double[][] points = term.pointsShared();
            double[] lambda = w != null && keeps(points, w.points()) ? carried(w, points) : ones(points.length);
            w = new Weights(points, lambda, new double[points.length]);
            weights.put(term.name(), w);
        }
        return w;
    }

    /** Whether the new points start with all the old ones, in order (RAR appends; RAD replaces). */
    private static boolean keeps(double[][] points, double[][] old) {
        if (old.length == 0 || points.length < old.length) {
            return false;
        }
        for (int n = 0; n < old.length; n++) {
            if (!Arrays.equals(points[n], old[n])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The old weights for the kept points, and for each added point the weight of its nearest old point: added
     * points lie where the residual is large, next to points whose weights have grown there.
     */
    private static double[] carried(Weights old, double[][] points) {
        double[][] from = old.points();
        double[] lambda = Arrays.copyOf(old.lambda(), points.length);
        for (int n = from.length; n < points.length; n++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int m = 0; m < from.length; m++) {
                double distance = MathArrays.distance(points[n], from[m]);
                if (distance < nearest) {
                    nearest = distance;
                    lambda[n] = old.lambda()[m];
                }
            }
        }
        return lambda;
    }

    private static double[] ones(int count) {
        double[] ones = new double[count];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    @Override
    public String toString() {
        return "RBA[γ=" + decay + ", η=" + rate + ", terms " + terms + "]";
    }
}
