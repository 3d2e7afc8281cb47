package org.pikan4j.core.regularize;

import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.Penalty;

/**
 * The sparsity regularization of a KAN (Liu et al. 2024, eq. 2.20; pykan's {@code reg}):
 * {@code λ Σ_l (μ₁ |Φ_l|₁ + μ₂ S(Φ_l) + μ_c C_l + μ_d D_l)} where, on the given points,
 * {@code |Φ_l|₁ = Σ_ij A_ij} with {@code A_ij = mean_n |φ_ij(x_n)|}, the entropy
 * {@code S = -Σ_ij p_ij ln(p_ij + ε)} with {@code p = A / |Φ_l|₁}, {@code C_l = Σ_ij mean_m |c_ijm|} and
 * {@code D_l = Σ_ij mean_m |c_ij,m+1 - c_ijm|}. The gradient is exact (|·| has derivative sign, 0 at 0),
 * including the path through the values that reach later layers. Not thread-safe: one per loss.
 */
final class SparsityPenalty implements Penalty {

    /** Keeps the entropy's logarithm finite for an edge whose activation is exactly zero (pykan's 1e-4). */
    static final double ENTROPY_EPSILON = 1e-4;

    private final Network network;
    private final KanEdges[] layers;
    private final double[][] points;
    private final Regularization weights;

    SparsityPenalty(Network network, double[][] points, Regularization weights) {
        this.network = network;
        this.layers = KanEdges.of(network);
        this.points = points;
        this.weights = weights;
    }

    @Override
    public String name() {
        return "sparsity";
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double lambda = weights.sparsity();
        EdgeActivations acts = EdgeActivations.of(network, theta, points);
        double value = 0.0;
        double[][][] dA = new double[layers.length][][];
        for (int l = 0; l < layers.length; l++) {
            double[][] a = acts.meanMagnitudes(l);
            dA[l] = new double[a.length][a[0].length];
            value += weights.l1() * l1(a, dA[l]) + weights.entropy() * entropy(a, dA[l]);
            value += weights.coefficientL1() * coefficientL1(layers[l], theta, gradient, lambda)
                    + weights.coefficientDifferences() * coefficientDifferences(layers[l], theta, gradient, lambda);
        }
        backward(acts, theta, dA, lambda, gradient);
        return lambda * value;
    }

    /** Σ A, with its derivative (1 per edge) added into dA scaled by μ₁. */
    private double l1(double[][] a, double[][] dA) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += a[i][j];
                dA[i][j] += weights.l1();
            }
        }
        return sum;
    }

    /** S(A) = -Σ p ln(p + ε), p = A / ΣA, with μ₂ dS/dA added into dA; 0 when every edge is zero. */
    private double entropy(double[][] a, double[][] dA) {
        double total = 0.0;
        for (double[] row : a) {
            for (double v : row) {
                total += v;
            }
        }
        if (total == 0.0) {
            return 0.0;
        }
        double s = 0.0;
        double mean = 0.0;   // Σ p · dS/dp
        double[][] dp = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double p = a[i][j] / total;
                s -= p * Math.log(p + ENTROPY_EPSILON);
                dp[i][j] = -Math.log(p + ENTROPY_EPSILON) - p / (p + ENTROPY_EPSILON);
                mean += p * dp[i][j];
            }
        }
        // dp_ij/dA_kl = (δ - p_ij) / total
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                dA[i][j] += weights.entropy() * (dp[i][j] - mean) / total;
            }
        }
        return s;
    }

    /** Σ_edges mean_m |c_m|, its gradient (times λ μ_c) added. */
    private double coefficientL1(KanEdges layer, double[] theta, double[] gradient, double lambda) {
        double scale = lambda * weights.coefficientL1() / layer.basis;
        double sum = 0.0;
        for (int e = 0; e < layer.inputs * layer.outputs; e++) {
            for (int m = 0; m < layer.basis; m++) {
                double c = theta[layer.coef(e) + m];
                sum += Math.abs(c);
                gradient[layer.coef(e) + m] += scale * Math.signum(c);
            }
        }
        return sum / layer.basis;
    }

    /** Σ_edges mean_m |c_{m+1} - c_m|, its gradient (times λ μ_d) added; 0 with a single coefficient. */
    private double coefficientDifferences(KanEdges layer, double[] theta, double[] gradient, double lambda) {
        if (layer.basis < 2) {
            return 0.0;
        }
        double scale = lambda * weights.coefficientDifferences() / (layer.basis - 1);
        double sum = 0.0;
        for (int e = 0; e < layer.inputs * layer.outputs; e++) {
            int c = layer.coef(e);
            for (int m = 0; m + 1 < layer.basis; m++) {
                double d = theta[c + m + 1] - theta[c + m];
                sum += Math.abs(d);
                gradient[c + m + 1] += scale * Math.signum(d);
                gradient[c + m] -= scale * Math.signum(d);
            }
        }
        return sum / (layer.basis - 1);
    }

    /**
     * Reverse sweep: the adjoint of edge (i, j) at point n is λ dR/dA_ij · sign(φ)/N plus the adjoint of
     * the node it feeds; the node adjoints of layer l come from its edges' slopes.
     */
    private void backward(EdgeActivations acts, double[] theta, double[][][] dA, double lambda, double[] gradient) {
        int count = acts.points();
        double[] nodeAdjoint = new double[count * layers[layers.length - 1].outputs];   // the output: no penalty
        for (int l = layers.length - 1; l >= 0; l--) {
            KanEdges layer = layers[l];
            double[] inputAdjoint = l > 0 ? new double[count * layer.inputs] : null;
            KanEdges.Local local = new KanEdges.Local(layer.width);
            for (int n = 0; n < count; n++) {
                for (int i = 0; i < layer.inputs; i++) {
                    layer.local(i, acts.input(l, n, i), local);
                    double slopeSum = 0.0;
                    for (int j = 0; j < layer.outputs; j++) {
                        double adjoint = lambda * dA[l][i][j] * Math.signum(acts.value(l, n, i, j)) / count
                                + nodeAdjoint[n * layer.outputs + j];
                        if (adjoint == 0.0) {
                            continue;
                        }
                        int edge = layer.edge(i, j);
                        layer.addParameterGradient(theta, edge, local, adjoint, gradient);
                        if (inputAdjoint != null) {
                            slopeSum += adjoint * layer.slope(theta, edge, local);
                        }
                    }
                    if (inputAdjoint != null) {
                        inputAdjoint[n * layer.inputs + i] = slopeSum;
                    }
                }
            }
            nodeAdjoint = inputAdjoint;
        }
    }
}
