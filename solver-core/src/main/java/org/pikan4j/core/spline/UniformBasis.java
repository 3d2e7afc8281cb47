package org.pikan4j.core.spline;

import java.util.Arrays;

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
        BasisRecursion.evaluate(knots, inverse, degree, degree, knots[degree], degree, taylor, 0);
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

    /** Same contract as {@link KnotVector#evaluate(double, int, double[], int)} for local coordinate u. */
    void evaluate(double u, int maxOrder, double[] out, int at) {
        if (degree == 3) {
            evaluateCubic(u, maxOrder, out, at);
            return;
        }
        int highest = Math.min(maxOrder, degree);
        for (int r = 0; r <= highest; r++) {
            int top = degree - r;
            for (int q = 0; q < width; q++) {
                int c = (r * width + q) * width;
                double v = coefficients[c + top];
                for (int p = top - 1; p >= 0; p--) {
                    v = v * u + coefficients[c + p];
                }
                out[at + r * width + q] = v;
            }
        }
        for (int r = highest + 1; r <= maxOrder; r++) {
            for (int q = 0; q < width; q++) {
                out[at + r * width + q] = 0.0;
            }
        }
    }

    /**
     * The block form behind {@link KnotVector#evaluate(double[], int, int, double[][], int, int[], int)}: table
     * {@code out[at + r * width + q]} gets d^r B_q at the local coordinates {@code u = out[at][0..count)}, which
     * that table holds on entry (it is written last). The same Horner sums as the point-by-point form.
     */
    void evaluate(int count, int maxOrder, double[][] out, int at) {
        double[] u = out[at];
        int highest = Math.min(maxOrder, degree);
        for (int t = (maxOrder + 1) * width - 1; t >= 0; t--) {
            int r = t / width;
            if (r > highest) {
                Arrays.fill(out[at + t], 0, count, 0.0);
            } else {
                polynomial(t * width, degree - r, u, out[at + t], count);
            }
        }
    }

    /**
     * {@code table[n] = Σ_p coefficients[from + p] u[n]^p} (p <= top) by Horner's rule, as one loop over the
     * points per table; table may be u itself.
     */
    private void polynomial(int from, int top, double[] u, double[] table, int count) {
        double[] c = coefficients;
        switch (top) {
            case 0:
                Arrays.fill(table, 0, count, c[from]);
                break;
            case 1: {
                double c0 = c[from];
                double c1 = c[from + 1];
                for (int n = 0; n < count; n++) {
                    table[n] = c1 * u[n] + c0;
                }
                break;
            }
            case 2: {
                double c0 = c[from];
                double c1 = c[from + 1];
                double c2 = c[from + 2];
                for (int n = 0; n < count; n++) {
                    double v = u[n];
                    table[n] = (c2 * v + c1) * v + c0;
                }
                break;
            }
            case 3: {
                double c0 = c[from];
                double c1 = c[from + 1];
                double c2 = c[from + 2];
                double c3 = c[from + 3];
                for (int n = 0; n < count; n++) {
                    double v = u[n];
                    table[n] = ((c3 * v + c2) * v + c1) * v + c0;
                }
                break;
            }
            default:
                for (int n = 0; n < count; n++) {
                    double v = c[from + top];
                    for (int p = top - 1; p >= 0; p--) {
                        v = v * u[n] + c[from + p];
                    }
                    table[n] = v;
                }
        }
    }

    /**
     * The same table unrolled for cubics, the default degree: fixed-length Horner sums the JIT
     * keeps in registers (measured about 2x faster than the general loops), each of the degree its
     * order leaves (cubic values, quadratic slopes, linear second and constant third derivatives).
     */
    private void evaluateCubic(double u, int maxOrder, double[] out, int at) {
        double[] c = coefficients;
        out[at] = ((c[3] * u + c[2]) * u + c[1]) * u + c[0];
        out[at + 1] = ((c[7] * u + c[6]) * u + c[5]) * u + c[4];
        out[at + 2] = ((c[11] * u + c[10]) * u + c[9]) * u + c[8];
        out[at + 3] = ((c[15] * u + c[14]) * u + c[13]) * u + c[12];
        if (maxOrder >= 1) {
            out[at + 4] = (c[18] * u + c[17]) * u + c[16];
            out[at + 5] = (c[22] * u + c[21]) * u + c[20];
            out[at + 6] = (c[26] * u + c[25]) * u + c[24];
            out[at + 7] = (c[30] * u + c[29]) * u + c[28];
        }
        if (maxOrder >= 2) {
            out[at + 8] = c[33] * u + c[32];
            out[at + 9] = c[37] * u + c[36];
            out[at + 10] = c[41] * u + c[40];
            out[at + 11] = c[45] * u + c[44];
        }
        if (maxOrder >= 3) {
            out[at + 12] = c[48];
            out[at + 13] = c[52];
            out[at + 14] = c[56];
            out[at + 15] = c[60];
        }
        for (int o = 16; o < 4 * (maxOrder + 1); o++) {
            out[at + o] = 0.0;   // a cubic's fourth and fifth derivatives
        }
    }
}
