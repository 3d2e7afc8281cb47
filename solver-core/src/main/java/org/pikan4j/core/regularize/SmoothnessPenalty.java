package org.pikan4j.core.regularize;

import java.util.HashMap;
import java.util.Map;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.Penalty;
import org.pikan4j.core.spline.KnotVector;

/**
 * The smoothness regularization of a KAN: {@code σ Σ_edges ∫_lo^hi (w_s s_ij^(r)(x))² dx}, the squared
 * r-th derivative of every edge's spline part over its grid range. Each integral is the quadratic form
 * {@code w_s² cᵀ P c} with {@code P_mq = ∫ B_m^(r) B_q^(r) dx}, computed once per knot vector by
 * Gauss-Legendre quadrature on each grid interval (exact: the integrand is a polynomial there). The
 * SiLU base part is smooth already and not penalized.
 */
final class SmoothnessPenalty implements Penalty {

    private final KanEdges[] layers;
    private final double weight;
    /** Banded Gram matrix per input grid: {@code gram[l][i][m][d]} = P_{m, m+d}, d in [0, k]. */
    private final double[][][][] gram;

    SmoothnessPenalty(Network network, double weight, int order) {
        this.layers = KanEdges.of(network);
        this.weight = weight;
        this.gram = new double[layers.length][][][];
        Map<KnotVector, double[][]> cache = new HashMap<>();
        for (int l = 0; l < layers.length; l++) {
            if (layers[l].layer.degree() < order) {
                throw new IllegalArgumentException("smoothness order " + order + " needs splines of degree >= "
                        + order + ", layer " + l + " has degree " + layers[l].layer.degree());
            }
            gram[l] = new double[layers[l].inputs][][];
            for (int i = 0; i < layers[l].inputs; i++) {
                gram[l][i] = cache.computeIfAbsent(layers[l].grid(i), g -> gram(g, order));
            }
        }
    }

    /** P_{m, m+d} = ∫ B_m^(r) B_{m+d}^(r) dx over [lo, hi], for d = 0..k. */
    static double[][] gram(KnotVector grid, int order) {
        int k = grid.degree();
        int width = k + 1;
        double[][] band = new double[grid.basisCount()][width];
        double[] local = new double[(order + 1) * width];
        double[] points = grid.gridPoints();
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        for (int j = 0; j < grid.intervals(); j++) {
            GaussIntegrator rule = factory.legendre(width, points[j], points[j + 1]);
            for (int q = 0; q < rule.getNumberOfPoints(); q++) {
                grid.evaluate(rule.getPoint(q), j, order, local);
                for (int a = 0; a < width; a++) {
                    for (int b = a; b < width; b++) {
                        band[j + a][b - a] += rule.getWeight(q) * local[order * width + a] * local[order * width + b];
                    }
                }
            }
        }
        return band;
    }

    @Override
    public String name() {
        return "smoothness";
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        double value = 0.0;
        double[] pc = new double[0];
        for (int l = 0; l < layers.length; l++) {
            KanEdges layer = layers[l];
            if (pc.length != layer.basis) {
                pc = new double[layer.basis];
            }
            for (int i = 0; i < layer.inputs; i++) {
                double[][] band = gram[l][i];
                for (int j = 0; j < layer.outputs; j++) {
                    int edge = layer.edge(i, j);
                    int c = layer.coef(edge);
                    multiply(band, theta, c, pc);
                    double form = 0.0;
                    for (int m = 0; m < layer.basis; m++) {
                        form += theta[c + m] * pc[m];
                    }
                    double ws = theta[layer.splineOffset + edge];
                    value += ws * ws * form;
                    gradient[layer.splineOffset + edge] += 2.0 * weight * ws * form;
                    for (int m = 0; m < layer.basis; m++) {
                        gradient[c + m] += 2.0 * weight * ws * ws * pc[m];
                    }
                }
            }
        }
        return weight * value;
    }

    /** pc = P c for the symmetric banded P and the coefficients at theta[c..]. */
    private static void multiply(double[][] band, double[] theta, int c, double[] pc) {
        int size = band.length;
        int width = band[0].length;
        for (int m = 0; m < size; m++) {
            double sum = band[m][0] * theta[c + m];
            for (int d = 1; d < width; d++) {
                if (m + d < size) {
                    sum += band[m][d] * theta[c + m + d];
                }
                if (m - d >= 0) {
                    sum += band[m - d][d] * theta[c + m - d];
                }
            }
            pc[m] = sum;
        }
    }
}
