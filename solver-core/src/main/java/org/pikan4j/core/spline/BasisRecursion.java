package org.pikan4j.core.spline;

/**
 * Values and derivatives of the k+1 B-splines that are non-zero on one knot span, computed in place.
 *
 * <p>Notation: the span index {@code mu} names the knot span {@code [t_mu, t_{mu+1})}. On it the degree-p
 * functions {@code B_{mu-p,p} .. B_{mu,p}} are non-zero; they are stored in slots {@code 0..p} of a row, slot
 * s holding {@code B_{mu-p+s,p}}. Two steps raise the degree from p-1 to p, both in place:
 * <ul>
 *   <li>value step (Cox-de Boor):
 *       {@code B_{i,p} = (x - t_i)/(t_{i+p} - t_i) B_{i,p-1} + (t_{i+p+1} - x)/(t_{i+p+1} - t_{i+1}) B_{i+1,p-1}};</li>
 *   <li>derivative step:
 *       {@code D B_{i,p} = p/(t_{i+p} - t_i) B_{i,p-1} - p/(t_{i+p+1} - t_{i+1}) B_{i+1,p-1}}.</li>
 * </ul>
 * The r-th derivative of the degree-k functions is r derivative steps applied to the degree-(k-r) values
 * (degrees k-r+1, ..., k), because the derivative step is linear in the lower-degree functions. Row 0 of the
 * output runs the value triangle; on the way it leaves the degree-(k-r) values in row r, which then gets its
 * r derivative steps. Only the caller's output array is used: no allocation, no shared state.
 *
 * <p>Starting the triangle from {@code B_{mu,0} = 1} (rather than from indicator functions) yields the
 * polynomial pieces of the span for every x, which is what gives the polynomial extrapolation outside the grid.
 */
final class BasisRecursion {

    private BasisRecursion() {
    }

    /**
     * Computes {@code out[r*(k+1) + q] = d^r/dx^r B_{mu-k+q,k}(x)} for r = 0..maxOrder (orders above k are 0).
     *
     * @param t       the knots
     * @param inverse {@code inverse[p][i] = 1 / (t_{i+p} - t_i)} for p = 1..k
     * @param k       the degree
     * @param mu      the knot span, {@code k <= mu <= t.length - k - 2}
     * @param at      where in {@code out} the table starts
     */
    static void evaluate(double[] t, double[][] inverse, int k, int mu, double x, int maxOrder, double[] out, int at) {
        int width = k + 1;
        int highestNonZeroOrder = Math.min(maxOrder, k);
        out[at] = 1.0;
        for (int p = 1; p <= k; p++) {
            int order = k - (p - 1);   // row 0 now holds degree p-1 = k - order
            if (order <= highestNonZeroOrder) {
                System.arraycopy(out, at, out, at + order * width, p);
            }
            valueStep(t, inverse[p], mu, p, x, out, at);
        }
        for (int order = 1; order <= highestNonZeroOrder; order++) {
            for (int p = k - order + 1; p <= k; p++) {
                derivativeStep(inverse[p], mu, p, out, at + order * width);
            }
        }
        for (int order = highestNonZeroOrder + 1; order <= maxOrder; order++) {
            int offset = at + order * width;
            for (int q = 0; q < width; q++) {
                out[offset + q] = 0.0;
            }
        }
    }

    /** Degree p-1 (slots 0..p-1 of row {@code off}) to degree p (slots 0..p), in place; writes downward. */
    private static void valueStep(double[] t, double[] inv, int mu, int p, double x, double[] a, int off) {
        for (int s = p; s >= 0; s--) {
            int i = mu - p + s;
            double v = 0.0;
            if (s > 0) {
                v += (x - t[i]) * inv[i] * a[off + s - 1];
            }
            if (s < p) {
                v += (t[i + p + 1] - x) * inv[i + 1] * a[off + s];
            }
            a[off + s] = v;
        }
    }

    /** Derivative counterpart of {@link #valueStep}. */
    private static void derivativeStep(double[] inv, int mu, int p, double[] a, int off) {
        for (int s = p; s >= 0; s--) {
            int i = mu - p + s;
            double v = 0.0;
            if (s > 0) {
                v += p * inv[i] * a[off + s - 1];
            }
            if (s < p) {
                v -= p * inv[i + 1] * a[off + s];
            }
            a[off + s] = v;
        }
    }

    /** {@code result[p][i] = 1 / (t[i+p] - t[i])} for p = 1..k (row 0 unused and empty). */
    static double[][] inverseKnotDifferences(double[] t, int k) {
        double[][] inverse = new double[k + 1][];
        inverse[0] = new double[0];
        for (int p = 1; p <= k; p++) {
            inverse[p] = new double[t.length - p];
            for (int i = 0; i + p < t.length; i++) {
                inverse[p][i] = 1.0 / (t[i + p] - t[i]);
            }
        }
        return inverse;
    }
}
