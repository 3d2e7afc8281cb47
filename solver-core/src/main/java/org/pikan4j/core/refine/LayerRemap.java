package org.pikan4j.core.refine;

import java.util.List;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.ParameterLayout;
import org.pikan4j.core.spline.KnotVector;

/**
 * Puts new knot vectors into one KAN layer and maps the parameters: every edge leaving input i gets
 * {@code c' = A_i c}; every other parameter, trailing PDE coefficients included, is copied. Also measures how
 * much the edges' spline parts {@code w_s·Σ c_m B_m} moved, on given points per input.
 */
final class LayerRemap {

    /** The remapped network and parameters, with the squared change and squared size of the spline parts. */
    record Result(Network network, double[] theta, ParameterTransfer transfer, double changeSquared,
                  double normSquared) {
    }

    private LayerRemap() {
    }

    /**
     * @param network  the network
     * @param theta    its parameters (the network's, then any extra ones)
     * @param layer    the index of a KAN layer
     * @param grids    the new knot vector of every input (same G and degree)
     * @param matrices the coefficient map {@code A_i} of every input, {@code [new basis][old basis]}
     * @param measure  the points to measure the change on, per input
     */
    static Result apply(Network network, double[] theta, int layer, List<KnotVector> grids,
                        List<double[][]> matrices, List<QuadraturePoints> measure) {
        KanLayer kan = (KanLayer) network.layers().get(layer);
        Network refined = network.withLayer(layer, kan.withGrids(grids));
        ParameterLayout oldLayout = network.layout();
        ParameterLayout newLayout = refined.layout();
        String coefName = network.prefix(layer) + "coef";
        int inputs = kan.inputWidth();
        int outputs = kan.outputWidth();
        int oldBasis = kan.basisCount();
        int newBasis = grids.get(0).basisCount();
        ParameterTransfer.Builder builder = new ParameterTransfer.Builder(theta.length);
        for (ParameterLayout.Block block : newLayout.blocks()) {
            ParameterLayout.Block old = oldLayout.block(block.name());
            if (!block.name().equals(coefName)) {
                for (int p = 0; p < block.length(); p++) {
                    builder.copyRow(old.offset() + p);
                }
                continue;
            }
            int[] columns = new int[oldBasis];
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < outputs; j++) {
                    for (int m = 0; m < oldBasis; m++) {
                        columns[m] = old.offset() + (i * outputs + j) * oldBasis + m;
                    }
                    for (int m = 0; m < newBasis; m++) {
                        builder.row(columns, matrices.get(i)[m]);
                    }
                }
            }
        }
        for (int p = oldLayout.size(); p < theta.length; p++) {
            builder.copyRow(p);
        }
        ParameterTransfer transfer = builder.build();
        double[] mapped = transfer.apply(theta);
        double[] change = new double[2];
        for (int i = 0; i < inputs; i++) {
            measure(kan.grid(i), grids.get(i), measure.get(i), i, outputs,
                    oldLayout.block(coefName).offset(), theta, newLayout.block(coefName).offset(), mapped,
                    oldLayout.block(network.prefix(layer) + "scaleSpline").offset(), change);
        }
        return new Result(refined, mapped, transfer, change[0], change[1]);
    }

    /** Adds Σ_j Σ_n w_n (w_s (s'_ij - s_ij))² and Σ_j Σ_n w_n (w_s s_ij)² to {@code change[0]}, {@code [1]}. */
    private static void measure(KnotVector from, KnotVector to, QuadraturePoints points, int input, int outputs,
                                int oldCoef, double[] theta, int newCoef, double[] mapped, int scaleSpline,
                                double[] change) {
        double[] x = points.nodes();
        double[] w = points.weights();
        double[][] oldB = from.evaluateDense(x, 0)[0];
        double[][] newB = to.evaluateDense(x, 0)[0];
        int oldBasis = from.basisCount();
        int newBasis = to.basisCount();
        for (int j = 0; j < outputs; j++) {
            int edge = input * outputs + j;
            double scale = theta[scaleSpline + edge];
            for (int n = 0; n < x.length; n++) {
                double before = 0.0;
                for (int m = 0; m < oldBasis; m++) {
                    before += theta[oldCoef + edge * oldBasis + m] * oldB[n][m];
                }
                double after = 0.0;
                for (int m = 0; m < newBasis; m++) {
                    after += mapped[newCoef + edge * newBasis + m] * newB[n][m];
                }
                change[0] += w[n] * scale * scale * (after - before) * (after - before);
                change[1] += w[n] * scale * scale * before * before;
            }
        }
    }
}
