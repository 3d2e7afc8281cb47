package org.pikan4j.core.refine;

import java.util.Arrays;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Gauss-Legendre nodes and weights on every piece between consecutive breakpoints. With k+1 nodes per piece
 * the weighted sum of squares of a difference of two degree-k splines whose breakpoints are all among the given
 * ones is its exact L2 norm squared, so a weighted least-squares fit on these points is the L2 projection.
 * Public for other integrals over intervals (the convergence studies build tensor-product rules from it).
 * Immutable.
 */
public final class QuadraturePoints {

    private final double[] nodes;
    private final double[] weights;

    private QuadraturePoints(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The composite Gauss-Legendre rule with {@code nodesPerPiece} nodes on every piece; exact for
     * piecewise polynomials of degree {@code 2 nodesPerPiece - 1} between the breakpoints.
     *
     * @param breakpoints    strictly increasing breakpoints, at least two
     * @param nodesPerPiece  Gauss-Legendre nodes per piece, at least 1
     * @throws IllegalArgumentException naming the breakpoint or count that is wrong
     */
    public static QuadraturePoints onPieces(double[] breakpoints, int nodesPerPiece) {
        if (breakpoints.length < 2 || nodesPerPiece < 1 || !Double.isFinite(breakpoints[0])) {
            throw new IllegalArgumentException("need at least two finite breakpoints and one node per piece, got "
                    + breakpoints.length + " breakpoints and " + nodesPerPiece + " nodes");
        }
        for (int p = 1; p < breakpoints.length; p++) {
            if (!(breakpoints[p] > breakpoints[p - 1]) || !Double.isFinite(breakpoints[p])) {
                throw new IllegalArgumentException("breakpoints must be finite and strictly increasing, got breakpoints["
                        + (p - 1) + "] = " + breakpoints[p - 1] + ", breakpoints[" + p + "] = " + breakpoints[p]);
            }
        }
        int pieces = breakpoints.length - 1;
        double[] x = new double[pieces * nodesPerPiece];
        double[] w = new double[pieces * nodesPerPiece];
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        for (int p = 0; p < pieces; p++) {
            GaussIntegrator rule = factory.legendre(nodesPerPiece, breakpoints[p], breakpoints[p + 1]);
            for (int q = 0; q < nodesPerPiece; q++) {
                x[p * nodesPerPiece + q] = rule.getPoint(q);
                w[p * nodesPerPiece + q] = rule.getWeight(q);
            }
        }
        return new QuadraturePoints(x, w);
    }

    /** The sorted union of two grids, points closer than {@code tolerance} merged into one. */
    static double[] mergedBreakpoints(double[] a, double[] b, double tolerance) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double[] merged = new double[all.length];
        int count = 0;
        for (double x : all) {
            if (count == 0 || x - merged[count - 1] > tolerance) {
                merged[count++] = x;
            }
        }
        return Arrays.copyOf(merged, count);
    }

    /** Points that all weigh 1 (samples). */
    static QuadraturePoints samples(double[] x) {
        double[] w = new double[x.length];
        Arrays.fill(w, 1.0);
        return new QuadraturePoints(x.clone(), w);
    }

    /** The nodes, piece by piece (a copy). */
    public double[] nodes() {
        return nodes.clone();
    }

    /** The weights, in node order (a copy). */
    public double[] weights() {
        return weights.clone();
    }
}
