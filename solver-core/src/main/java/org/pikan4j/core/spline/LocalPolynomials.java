package org.pikan4j.core.spline;

import java.util.Arrays;

/**
 * The k+1 B-splines that are non-zero on a grid interval, as fixed polynomials of the local coordinate
 * {@code u = (x - g_j) / h_j}: values and derivatives are a few Horner sums instead of the Cox-de Boor triangle
 * (measured about 3x faster for cubics). The coefficients are the Taylor coefficients of the pieces at the
 * interval's left end, taken from the general recursion once per interval. On a uniform grid every interval
 * carries the same pieces, so one set serves all ({@link #uniform}) and a block of points is one vectorizable
 * loop per table; a non-uniform grid keeps one set per interval ({@link #perInterval}).
 */
final class LocalPolynomials {

    private final int degree;
    private final int width;
    /** Coefficients per piece: {@code width³}. */
    private final int stride;
    /**
     * {@code coefficients[piece * stride + (r * width + q) * width + p]}: on that piece's interval,
     * d^r/dx^r B_{j+q} = Σ_p c u^p, p <= k - r.
     */
    private final double[] coefficients;

    private LocalPolynomials(int degree, int pieces) {
        this.degree = degree;
        this.width = degree + 1;
        this.stride = width * width * width;
        this.coefficients = new double[pieces * stride];
    }

    /** One set of pieces for every interval of a uniform knot vector with grid spacing h. */
    static LocalPolynomials uniform(double[] knots, double[][] inverse, int degree, double spacing) {
        LocalPolynomials p = new LocalPolynomials(degree, 1);
        p.fill(0, knots, inverse, spacing);
        return p;
    }

    /** One set of pieces per grid interval j of any knot vector; piece j is read with {@code u = (x - g_j) / h_j}. */
    static LocalPolynomials perInterval(double[] knots, double[][] inverse, int degree, int intervals) {
        LocalPolynomials p = new LocalPolynomials(degree, intervals);
        for (int j = 0; j < intervals; j++) {
            p.fill(j, knots, inverse, knots[j + degree + 1] - knots[j + degree]);
        }
        return p;
    }

    /** Piece {@code piece}: the Taylor coefficients at the left end of grid interval {@code piece}, of width h. */
    private void fill(int piece, double[] knots, double[][] inverse, double spacing) {
        int span = piece + degree;
        double[] taylor = new double[width * width];
        BasisRecursion.evaluate(knots, inverse, degree, span, knots[span], degree, taylor, 0);
        for (int r = 0; r <= degree; r++) {
            for (int q = 0; q < width; q++) {
                for (int p = 0; p + r <= degree; p++) {
                    // B^(r)(x) = Σ_p B^(p+r)(g_j) (x - g_j)^p / p!  with (x - g_j) = h u
                    coefficients[piece * stride + (r * width + q) * width + p] =
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

    /**
     * Same contract as {@link KnotVector#evaluate(double, int, double[], int)} for local coordinate u on a piece
     * (0 for a uniform grid's one set).
     */
    void evaluate(double u, int piece, int maxOrder, double[] out, int at) {
        if (degree == 3) {
            evaluateCubic(u, piece * stride, maxOrder, out, at);
            return;
        }
        int highest = Math.min(maxOrder, degree);
        for (int r = 0; r <= highest; r++) {
            int top = degree - r;
            for (int q = 0; q < width; q++) {
                int c = piece * stride + (r * width + q) * width;
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
     * that table holds on entry (it is written last), on point n's piece {@code pieces[piecesAt + n]}, or on the
     * one set of a uniform grid when {@code pieces} is null. The same Horner sums as the point-by-point form; with
     * one set every table is one loop the JIT vectorizes.
     */
    void evaluate(int count, int[] pieces, int piecesAt, int maxOrder, double[][] out, int at) {
        double[] u = out[at];
        int highest = Math.min(maxOrder, degree);
        for (int t = (maxOrder + 1) * width - 1; t >= 0; t--) {
            int r = t / width;
            if (r > highest) {
                Arrays.fill(out[at + t], 0, count, 0.0);
            } else if (pieces == null) {
                polynomial(t * width, degree - r, u, out[at + t], count);
            } else {
                piecewise(t * width, degree - r, u, out[at + t], count, pieces, piecesAt);
            }
        }
    }

    /**
     * {@code table[n] = Σ_p c[pieces[piecesAt + n] * stride + from + p] u[n]^p} (p <= top): as
     * {@link #polynomial}, with each point's coefficients read from its own piece, so not a vectorized loop.
     */
    private void piecewise(int from, int top, double[] u, double[] table, int count, int[] pieces, int piecesAt) {
        double[] c = coefficients;
        switch (top) {
            case 0 -> {
                for (int n = 0; n < count; n++) {
                    table[n] = c[pieces[piecesAt + n] * stride + from];
                }
            }
            case 1 -> {
                for (int n = 0; n < count; n++) {
                    int o = pieces[piecesAt + n] * stride + from;
                    table[n] = c[o + 1] * u[n] + c[o];
                }
            }
            case 2 -> {
                for (int n = 0; n < count; n++) {
                    int o = pieces[piecesAt + n] * stride + from;
                    double v = u[n];
                    table[n] = (c[o + 2] * v + c[o + 1]) * v + c[o];
                }
            }
            case 3 -> {
                for (int n = 0; n < count; n++) {
                    int o = pieces[piecesAt + n] * stride + from;
                    double v = u[n];
                    table[n] = ((c[o + 3] * v + c[o + 2]) * v + c[o + 1]) * v + c[o];
                }
            }
            default -> {
                for (int n = 0; n < count; n++) {
                    int o = pieces[piecesAt + n] * stride + from;
                    double v = c[o + top];
                    for (int p = top - 1; p >= 0; p--) {
                        v = v * u[n] + c[o + p];
                    }
                    table[n] = v;
                }
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
    private void evaluateCubic(double u, int o, int maxOrder, double[] out, int at) {
        double[] c = coefficients;
        out[at] = ((c[o + 3] * u + c[o + 2]) * u + c[o + 1]) * u + c[o];
        out[at + 1] = ((c[o + 7] * u + c[o + 6]) * u + c[o + 5]) * u + c[o + 4];
        out[at + 2] = ((c[o + 11] * u + c[o + 10]) * u + c[o + 9]) * u + c[o + 8];
        out[at + 3] = ((c[o + 15] * u + c[o + 14]) * u + c[o + 13]) * u + c[o + 12];
        if (maxOrder >= 1) {
            out[at + 4] = (c[o + 18] * u + c[o + 17]) * u + c[o + 16];
            out[at + 5] = (c[o + 22] * u + c[o + 21]) * u + c[o + 20];
            out[at + 6] = (c[o + 26] * u + c[o + 25]) * u + c[o + 24];
            out[at + 7] = (c[o + 30] * u + c[o + 29]) * u + c[o + 28];
        }
        if (maxOrder >= 2) {
            out[at + 8] = c[o + 33] * u + c[o + 32];
            out[at + 9] = c[o + 37] * u + c[o + 36];
            out[at + 10] = c[o + 41] * u + c[o + 40];
            out[at + 11] = c[o + 45] * u + c[o + 44];
        }
        if (maxOrder >= 3) {
            out[at + 12] = c[o + 48];
            out[at + 13] = c[o + 52];
            out[at + 14] = c[o + 56];
            out[at + 15] = c[o + 60];
        }
        for (int z = 16; z < 4 * (maxOrder + 1); z++) {
            out[at + z] = 0.0;   // a cubic's fourth and fifth derivatives
        }
    }
}
