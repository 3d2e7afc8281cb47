package org.pikan4j.core.spline;

/**
 * The k+1 local B-splines of a uniform knot vector as fixed polynomials of the local coordinate
 * {@code u = (x - g_j) / h}: on a uniform grid every interval carries the same pieces, so values
 * and derivatives are a few polynomial evaluations instead of the Cox-de Boor triangle (measured
 * about 3x faster for cubics). The coefficients are the Taylor coefficients of the pieces on one
 * interval, taken from the general recursion once.
 */
final class UniformBasis {

    private final int degree;
    private final int width;
    /** {@code coefficients[(r * width + q) * width + p]}: d^r/dx^r B_q = Σ_p c u^p, p <= k - r. */
    private final double[] coefficients;

    UniformBasis(double[] knots, double[][] inverse, int degree, double spacing) {
        this.degree = degree;
        this.width = degree + 1;
        double[] taylor = new double[width * width];
        BasisRecursion.evaluate(knots, inverse, degree, degree, knots[degree], degree, taylor);
        coefficients = new double[width * width * width];
        for (int r = 0; r <= degree; r++) {
            for (int q = 0; q < width; q++) {
                for (int p = 0; p + r <= degree; p++) {
                    // B_q^(r)(x) = Σ_p B_q^(p+r)(g_j) (x - g_j)^p / p!  with (x - g_j) = h u
                    coefficients[(r * width + q) * width + p] =
                            taylor[(p + r) * width + q] * Math.pow(spacing, p) / factorial(p);
                }
            }
        }
    }

    private static double factorial(int n) {
        double f = 1.0;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** Same contract as {@link KnotVector#evaluate(double, int, double[])} for local coordinate u. */
    void evaluate(double u, int maxOrder, double[] out) {
        if (degree == 3) {
            evaluateCubic(u, maxOrder, out);
            return;
        }
        int highest = Math.min(maxOrder, degree);
        for (int r = 0; r <= highest; r++) {
            int top = degree - r;
            for (int q = 0; q < width; q++) {
                int at = (r * width + q) * width;
                double v = coefficients[at + top];
                for (int p = top - 1; p >= 0; p--) {
                    v = v * u + coefficients[at + p];
                }
                out[r * width + q] = v;
            }
        }
        for (int r = highest + 1; r <= maxOrder; r++) {
            for (int q = 0; q < width; q++) {
                out[r * width + q] = 0.0;
            }
        }
    }

    /**
     * The same table unrolled for cubics, the default degree: fixed-length Horner sums the JIT
     * keeps in registers (measured about 2x faster than the general loops).
     */
    private void evaluateCubic(double u, int maxOrder, double[] out) {
        double[] c = coefficients;
        for (int r = 0; r <= maxOrder; r++) {
            int o = 4 * r;
            if (r > 3) {
                out[o] = 0.0;
                out[o + 1] = 0.0;
                out[o + 2] = 0.0;
                out[o + 3] = 0.0;
                continue;
            }
            int at = 16 * r;   // (r * 4 + q) * 4 + p
            out[o] = ((c[at + 3] * u + c[at + 2]) * u + c[at + 1]) * u + c[at];
            out[o + 1] = ((c[at + 7] * u + c[at + 6]) * u + c[at + 5]) * u + c[at + 4];
            out[o + 2] = ((c[at + 11] * u + c[at + 10]) * u + c[at + 9]) * u + c[at + 8];
            out[o + 3] = ((c[at + 15] * u + c[at + 14]) * u + c[at + 13]) * u + c[at + 12];
        }
    }
}
