package org.pikan4j.core.backend.jvm;

/**
 * The dense layers' matrix products on plain arrays: C = A·B on column arrays (loops the JIT vectorizes), and
 * C += A·Bᵀ on component slabs with 4 x 4 register tiles (each loaded element feeds four multiply-adds; measured
 * about twice as fast as axpy or dot loops on the dense layers' shapes). Element (i, j) of a {@link View} M sits
 * at {@code m[offset + i * rowStride + j * colStride]}, so transposes are just swapped strides.
 */
final class Gemm {

    private Gemm() {
    }

    /** A strided view of a matrix in an array. */
    record View(double[] data, int offset, int rowStride, int colStride) {
        int at(int i, int j) {
            return offset + i * rowStride + j * colStride;
        }
    }

    /**
     * C (m x n) += A·Bᵀ for A and B held as component slabs ({@code a[i][comp][point]}, {@code b[j][comp][point]}):
     * the inner dimension runs over the first {@code count} points and every component, in the block layout's
     * row order (point-major): inside the 4 x 4 tiles each entry adds its products in order from zero, the
     * border ({@link #slabDot}) with four partial sums, the sums the register tiles on the block layout made
     * before the slabs (so the bits did not change). Reads the slabs in place, no packing.
     */
    static void multiplyAddSlabs(int m, int n, int count, double[][][] a, double[][][] b, View c) {
        int m4 = m - m % 4;
        int n4 = n - n % 4;
        double[] cd = c.data();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (i < m4 && j < n4) {
                    if (i % 4 == 0 && j % 4 == 0) {
                        slabTile(a, b, count, i, j, c);
                    }
                    continue;
                }
                cd[c.at(i, j)] += slabDot(a[i], b[j], 0, count);
            }
        }
    }

    private static void slabTile(double[][][] a, double[][][] b, int count, int i, int j, View c) {
        double[][] a0 = a[i];
        double[][] a1 = a[i + 1];
        double[][] a2 = a[i + 2];
        double[][] a3 = a[i + 3];
        double[][] b0 = b[j];
        double[][] b1 = b[j + 1];
        double[][] b2 = b[j + 2];
        double[][] b3 = b[j + 3];
        int components = a0.length;
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int n = 0; n < count; n++) {
            for (int q = 0; q < components; q++) {
                double x0 = a0[q][n];
                double x1 = a1[q][n];
                double x2 = a2[q][n];
                double x3 = a3[q][n];
                double y0 = b0[q][n];
                double y1 = b1[q][n];
                double y2 = b2[q][n];
                double y3 = b3[q][n];
                c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
                c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
                c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
                c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
            }
        }
        double[] cd = c.data();
        int cr = c.rowStride();
        int cc = c.colStride();
        int pc = c.at(i, j);
        cd[pc] += c00; cd[pc + cc] += c01; cd[pc + 2 * cc] += c02; cd[pc + 3 * cc] += c03;
        pc += cr;
        cd[pc] += c10; cd[pc + cc] += c11; cd[pc + 2 * cc] += c12; cd[pc + 3 * cc] += c13;
        pc += cr;
        cd[pc] += c20; cd[pc + cc] += c21; cd[pc + 2 * cc] += c22; cd[pc + 3 * cc] += c23;
        pc += cr;
        cd[pc] += c30; cd[pc + cc] += c31; cd[pc + 2 * cc] += c32; cd[pc + 3 * cc] += c33;
    }

    /**
     * Σ x[comp][point]·y[comp][point] over points {@code first .. first+count-1} and every component, in the
     * block layout's order (point-major) with four partial sums, so the loop is not one long dependency chain.
     */
    static double slabDot(double[][] x, double[][] y, int first, int count) {
        int components = x.length;
        int k = count * components;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int n = first;
        int q = 0;
        int p = 0;
        for (; p + 3 < k; p += 4) {
            s0 += x[q][n] * y[q][n];
            if (++q == components) {
                q = 0;
                n++;
            }
            s1 += x[q][n] * y[q][n];
            if (++q == components) {
                q = 0;
                n++;
            }
            s2 += x[q][n] * y[q][n];
            if (++q == components) {
                q = 0;
                n++;
            }
            s3 += x[q][n] * y[q][n];
            if (++q == components) {
                q = 0;
                n++;
            }
        }
        for (; p < k; p++) {
            s0 += x[q][n] * y[q][n];
            if (++q == components) {
                q = 0;
                n++;
            }
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * C = A·B (m x n, n >= 2) for A and C held one array per column ({@code a[p][0..m)}, {@code c[j][0..m)}), B a
     * view: two columns of C at a time, four columns of A per pass over the rows. Loops whose arrays are all
     * indexed by the loop variable alone are the ones the JIT vectorizes (an array offset in the index stops it),
     * measured about 3.5x the register tiles on 640 x 20 x 20. Each entry adds its k products in order from zero.
     */
    static void multiply(int m, int n, int k, double[][] a, View b, double[][] c) {
        double[] bd = b.data();
        for (int j = 0; j < n; j += 2) {
            int j1 = Math.min(j + 1, n - 1);   // an odd last column is done twice, into the same array
            double[] c0 = c[j];
            double[] c1 = c[j1];
            java.util.Arrays.fill(c0, 0, m, 0.0);
            java.util.Arrays.fill(c1, 0, m, 0.0);
            int p = 0;
            for (; p + 3 < k; p += 4) {
                pass4(m, a[p], a[p + 1], a[p + 2], a[p + 3], c0, c1, bd[b.at(p, j)], bd[b.at(p + 1, j)],
                        bd[b.at(p + 2, j)], bd[b.at(p + 3, j)], bd[b.at(p, j1)], bd[b.at(p + 1, j1)],
                        bd[b.at(p + 2, j1)], bd[b.at(p + 3, j1)]);
            }
            for (; p < k; p++) {
                pass1(m, a[p], c0, c1, bd[b.at(p, j)], bd[b.at(p, j1)]);
            }
        }
    }

    private static void pass4(int m, double[] a0, double[] a1, double[] a2, double[] a3, double[] c0, double[] c1,
                              double b00, double b10, double b20, double b30,
                              double b01, double b11, double b21, double b31) {
        if (c0 == c1) {   // one column: the second sum would read the first's stores
            for (int r = 0; r < m; r++) {
                double s = c0[r];
                s += a0[r] * b00;
                s += a1[r] * b10;
                s += a2[r] * b20;
                s += a3[r] * b30;
                c0[r] = s;
            }
            return;
        }
        for (int r = 0; r < m; r++) {
            double x0 = a0[r];
            double x1 = a1[r];
            double x2 = a2[r];
            double x3 = a3[r];
            double s = c0[r];
            s += x0 * b00;
            s += x1 * b10;
            s += x2 * b20;
            s += x3 * b30;
            c0[r] = s;
            double t = c1[r];
            t += x0 * b01;
            t += x1 * b11;
            t += x2 * b21;
            t += x3 * b31;
            c1[r] = t;
        }
    }

    private static void pass1(int m, double[] a0, double[] c0, double[] c1, double b0, double b1) {
        if (c0 == c1) {
            for (int r = 0; r < m; r++) {
                c0[r] += a0[r] * b0;
            }
            return;
        }
        for (int r = 0; r < m; r++) {
            double x0 = a0[r];
            c0[r] += x0 * b0;
            c1[r] += x0 * b1;
        }
    }
}
