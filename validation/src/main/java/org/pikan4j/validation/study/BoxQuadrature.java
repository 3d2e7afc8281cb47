package org.pikan4j.validation.study;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.refine.QuadraturePoints;
import org.pikan4j.problems.geometry.Domain;

/**
 * A tensor-product composite Gauss-Legendre rule (Hipparchus nodes) over a domain's bounding box:
 * every axis cut into equal pieces with the same number of nodes on each; nodes outside the domain
 * are dropped, which is exact for boxes and first-order at a curved or re-entrant boundary. Used
 * for the L2 norm of the error, ||u - u*||₂ = (∫ (u - u*)²)^½. Immutable.
 */
public final class BoxQuadrature {

    private final double[][] points;
    private final double[] weights;

    private BoxQuadrature(double[][] points, double[] weights) {
        this.points = points;
        this.weights = weights;
    }

    /**
     * The default rule of a domain: 16 pieces x 8 nodes per axis up to two dimensions (16384
     * nodes in 2D), 8 x 4 in three or more.
     */
    public static BoxQuadrature of(Domain domain) {
        return domain.dimension() <= 2 ? of(domain, 16, 8) : of(domain, 8, 4);
    }

    /**
     * The rule with {@code pieces} equal pieces per axis and {@code nodes} nodes per piece.
     *
     * @throws IllegalArgumentException when a count is below 1 or no node lies in the domain
     */
    public static BoxQuadrature of(Domain domain, int pieces, int nodes) {
        if (pieces < 1 || nodes < 1) {
            throw new IllegalArgumentException("pieces and nodes per piece must be >= 1, got " + pieces + " and " + nodes);
        }
        double[] lo = domain.lowerBounds();
        double[] hi = domain.upperBounds();
        int d = lo.length;
        double[][] axisNodes = new double[d][];
        double[][] axisWeights = new double[d][];
        for (int i = 0; i < d; i++) {
            double[] breaks = new double[pieces + 1];
            for (int p = 0; p <= pieces; p++) {
                breaks[p] = lo[i] + (hi[i] - lo[i]) * p / pieces;
            }
            QuadraturePoints axis = QuadraturePoints.onPieces(breaks, nodes);
            axisNodes[i] = axis.nodes();
            axisWeights[i] = axis.weights();
        }
        int perAxis = pieces * nodes;
        List<double[]> kept = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        int total = Math.toIntExact((long) Math.pow(perAxis, d));
        for (int n = 0; n < total; n++) {
            double[] x = new double[d];
            double weight = 1.0;
            int rest = n;
            for (int i = 0; i < d; i++) {
                x[i] = axisNodes[i][rest % perAxis];
                weight *= axisWeights[i][rest % perAxis];
                rest /= perAxis;
            }
            if (domain.contains(x)) {
                kept.add(x);
                w.add(weight);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no quadrature node lies in " + domain);
        }
        return new BoxQuadrature(kept.toArray(new double[0][]), w.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The nodes inside the domain (shared: do not modify). */
    public double[][] points() {
        return points;
    }

    /** The number of nodes. */
    public int size() {
        return points.length;
    }

    /**
     * ∫ f over the domain from f's values at {@link #points()}.
     *
     * @throws IllegalArgumentException when the number of values is not {@link #size()}
     */
    public double integrate(double[] values) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("need one value per node (" + weights.length + "), got " + values.length);
        }
        double sum = 0.0;
        for (int n = 0; n < values.length; n++) {
            sum += weights[n] * values[n];
        }
        return sum;
    }

    /** The L2 norm of a - b over the domain, (∫ (a - b)²)^½, from values at {@link #points()}. */
    public double l2Distance(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("a and b must have the same length, got " + a.length + " and " + b.length);
        }
        double[] squares = new double[a.length];
        for (int n = 0; n < a.length; n++) {
            squares[n] = (a[n] - b[n]) * (a[n] - b[n]);
        }
        return Math.sqrt(integrate(squares));
    }
}
