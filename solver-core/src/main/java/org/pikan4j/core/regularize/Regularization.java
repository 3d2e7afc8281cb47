package org.pikan4j.core.regularize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.Penalty;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.util.Arguments;

/**
 * Which regularization a KAN trains with, as weights (pykan's names in brackets):
 * <ul>
 * <li>sparsity λ [{@code lamb}] times {@code μ₁ Σ|φ|₁ + μ₂ S + μ_c C + μ_d D}: the L1 norm of the edge
 * activations on the training points [{@code lamb_l1}, default 1], their entropy per layer
 * [{@code lamb_entropy}, default 2], the mean |c| of the spline coefficients [{@code lamb_coef}, default 0]
 * and of their differences [{@code lamb_coefdiff}, default 0]; it drives unneeded edges to zero so that
 * pruning can remove them;</li>
 * <li>smoothness σ: {@code σ Σ_edges ∫ (w_s s^(r))² dx}, the squared r-th derivative (r = 2 by default)
 * of every spline over its grid range, which discourages wiggles between the points.</li>
 * </ul>
 * Usage: {@code Regularization.sparsity(1e-3).withSmoothness(1e-6).applyTo(loss, points)}. Immutable;
 * {@link #none()} adds nothing.
 */
public final class Regularization {

    private final double sparsity;
    private final double l1;
    private final double entropy;
    private final double coefficientL1;
    private final double coefficientDifferences;
    private final double smoothness;
    private final int smoothnessOrder;

    private Regularization(double sparsity, double l1, double entropy, double coefficientL1,
                           double coefficientDifferences, double smoothness, int smoothnessOrder) {
        this.sparsity = sparsity;
        this.l1 = l1;
        this.entropy = entropy;
        this.coefficientL1 = coefficientL1;
        this.coefficientDifferences = coefficientDifferences;
        this.smoothness = smoothness;
        this.smoothnessOrder = smoothnessOrder;
    }

    /** No regularization (every weight 0; the sub-weights at pykan's defaults). */
    public static Regularization none() {
        return new Regularization(0.0, 1.0, 2.0, 0.0, 0.0, 0.0, 2);
    }

    /**
     * Sparsity with overall weight λ [{@code lamb}] and pykan's default sub-weights (μ₁ = 1, μ₂ = 2).
     *
     * @param lambda finite, &gt;= 0
     */
    public static Regularization sparsity(double lambda) {
        return none().withSparsity(lambda);
    }

    /** The same with overall sparsity weight λ (finite, &gt;= 0). */
    public Regularization withSparsity(double lambda) {
        return new Regularization(Arguments.nonNegative("sparsity (lamb)", lambda), l1, entropy, coefficientL1,
                coefficientDifferences, smoothness, smoothnessOrder);
    }

    /** The same with the weight μ₁ of the activations' L1 norm [{@code lamb_l1}] (finite, &gt;= 0). */
    public Regularization withL1(double mu) {
        return new Regularization(sparsity, Arguments.nonNegative("l1 (lamb_l1)", mu), entropy, coefficientL1,
                coefficientDifferences, smoothness, smoothnessOrder);
    }

    /** The same with the weight μ₂ of the activations' entropy [{@code lamb_entropy}] (finite, &gt;= 0). */
    public Regularization withEntropy(double mu) {
        return new Regularization(sparsity, l1, Arguments.nonNegative("entropy (lamb_entropy)", mu), coefficientL1,
                coefficientDifferences, smoothness, smoothnessOrder);
    }

    /** The same with the weight of the spline coefficients' mean |c| [{@code lamb_coef}] (finite, &gt;= 0). */
    public Regularization withCoefficientL1(double mu) {
        return new Regularization(sparsity, l1, entropy, Arguments.nonNegative("coefficientL1 (lamb_coef)", mu),
                coefficientDifferences, smoothness, smoothnessOrder);
    }

    /**
     * The same with the weight of the mean |c_{m+1} - c_m| of the spline coefficients
     * [{@code lamb_coefdiff}] (finite, &gt;= 0).
     */
    public Regularization withCoefficientDifferences(double mu) {
        return new Regularization(sparsity, l1, entropy, coefficientL1,
                Arguments.nonNegative("coefficientDifferences (lamb_coefdiff)", mu), smoothness, smoothnessOrder);
    }

    /** The same with smoothness weight σ (finite, &gt;= 0). */
    public Regularization withSmoothness(double sigma) {
        return new Regularization(sparsity, l1, entropy, coefficientL1, coefficientDifferences,
                Arguments.nonNegative("smoothness", sigma), smoothnessOrder);
    }

    /**
     * The same penalizing the r-th derivative of the splines: 1 (slope) or 2 (curvature, the default).
     * A network whose degree is below r is refused when the penalty is built.
     */
    public Regularization withSmoothnessOrder(int r) {
        if (r < 1 || r > 2) {
            throw new IllegalArgumentException("smoothnessOrder must be 1 or 2, got " + r);
        }
        return new Regularization(sparsity, l1, entropy, coefficientL1, coefficientDifferences, smoothness, r);
    }

    /** λ. */
    public double sparsity() {
        return sparsity;
    }

    /** μ₁. */
    public double l1() {
        return l1;
    }

    /** μ₂. */
    public double entropy() {
        return entropy;
    }

    /** μ_c. */
    public double coefficientL1() {
        return coefficientL1;
    }

    /** μ_d. */
    public double coefficientDifferences() {
        return coefficientDifferences;
    }

    /** σ. */
    public double smoothness() {
        return smoothness;
    }

    /** r. */
    public int smoothnessOrder() {
        return smoothnessOrder;
    }

    /** Whether some penalty has a non-zero weight. */
    public boolean isActive() {
        return sparsity > 0.0 || smoothness > 0.0;
    }

    /**
     * The penalties for one network: "sparsity" when λ &gt; 0, "smoothness" when σ &gt; 0.
     *
     * @param network a network of KAN layers only
     * @param points  the training points the activations are measured on (sparsity only), at least one,
     *                of the network's input width
     * @throws IllegalArgumentException for a layer that is not a KAN layer, bad points, or a smoothness
     *                                  order above a layer's spline degree
     */
    public List<Penalty> penalties(Network network, double[][] points) {
        List<Penalty> list = new ArrayList<>();
        if (sparsity > 0.0) {
            if (points == null || points.length == 0) {
                throw new IllegalArgumentException("sparsity needs the training points its activations are"
                        + " measured on, got none");
            }
            network.checkInputs(points);
            double[][] copy = new double[points.length][];
            for (int n = 0; n < points.length; n++) {
                copy[n] = points[n].clone();
            }
            list.add(new SparsityPenalty(network, copy, this));
        }
        if (smoothness > 0.0) {
            list.add(new SmoothnessPenalty(network, smoothness, smoothnessOrder));
        }
        return list;
    }

    /** The loss with this regularization's penalties added (the loss itself when none is active). */
    public PinnLoss applyTo(PinnLoss loss, double[][] points) {
        PinnLoss result = loss;
        for (Penalty p : penalties(loss.network(), points)) {
            result = result.withPenalty(p);
        }
        return result;
    }

    @Override
    public String toString() {
        if (!isActive()) {
            return "Regularization[none]";
        }
        return String.format(Locale.ROOT, "Regularization[sparsity %g (l1 %g, entropy %g, coef %g, coefdiff %g),"
                + " smoothness %g (order %d)]", sparsity, l1, entropy, coefficientL1, coefficientDifferences,
                smoothness, smoothnessOrder);
    }
}
