package org.pikan4j.core.backend.jvm;

/**
 * {@code C += A·B} for strided matrices in plain arrays, with 4 x 4 register tiles over packed
 * panels: each loaded element of A and B feeds four multiply-adds instead of one (measured about
 * twice as fast as axpy or dot loops on the dense layers' shapes), and packing gives the kernel unit
 * strides whatever the layouts (measured steady where strided tiles ran at two speeds depending on
 * the JIT's inlining). Not thread-safe: one instance per kernel. Element (i, j) of a matrix M sits at
 * {@code m[offset + i * rowStride + j * colStride]}, so transposes are just swapped strides.
 */
final class Gemm {

    /** A strided view of a matrix in an array. */
    record View(double[] data, int offset, int rowStride, int colStride) {
        int at(int i, int j) {
            return offset + i * rowStride + j * colStride;
        }
    }

    // packing buffers, grown on demand and reused: one Gemm per kernel and thread
    private double[] packedA = new double[0];
    private double[] packedB = new double[0];

    /** C (m x n) += A (m x k) · B (k x n). */
    void multiplyAdd(int m, int n, int k, View a, View b, View c) {
        int m4 = m - m % 4;
        int n4 = n - n % 4;
        if (m4 > 0 && n4 > 0) {
            // pack B's column panels and each row panel of A contiguously: the kernel then walks
            // unit strides, whatever the views' layouts (measured: steadier and faster than strided loads)
            if (packedB.length < n4 * k) {
                packedB = new double[n4 * k];
            }
            if (packedA.length < 4 * k) {
                packedA = new double[4 * k];
            }
            packColumns(b, k, n4, packedB);
            for (int i = 0; i < m4; i += 4) {
                packRows(a, i, k, packedA);
                for (int j = 0; j < n4; j += 4) {
                    tile(packedA, packedB, j * k, k, c, i, j);
                }
                edge(i, i + 4, n4, n, k, a, b, c);
            }
        } else {
            edge(0, m4, 0, n, k, a, b, c);
        }
        edge(m4, m, 0, n, k, a, b, c);
    }

    /**
     * C = A·B (m x n, n >= 2) for A and C held one array per column ({@code a[p][0..m)}, {@code c[j][0..m)}), B a
     * view: two columns of C at a time, four columns of A per pass over the rows. Loops whose arrays are all
     * indexed by the loop variable alone are the ones the JIT vectorizes (an array offset in the index stops it),
     * measured about 3.5x the register tiles on 640 x 20 x 20. Each entry adds its k products in order from zero,
     * the same sum, bit for bit, as {@link #multiplyAdd}'s tiles.
     */
    void multiply(int m, int n, int k, double[][] a, View b, double[][] c) {
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

    /** Columns [0, n4) of B, panel by panel of 4: panel j holds B[p][j..j+3] at {@code j*k + 4p}. */
    private static void packColumns(View b, int k, int n4, double[] packed) {
        for (int j = 0; j < n4; j += 4) {
            for (int p = 0; p < k; p++) {
                int at = j * k + 4 * p;
                packed[at] = b.data()[b.at(p, j)];
                packed[at + 1] = b.data()[b.at(p, j + 1)];
                packed[at + 2] = b.data()[b.at(p, j + 2)];
                packed[at + 3] = b.data()[b.at(p, j + 3)];
            }
        }
    }

    /** Rows i..i+3 of A, interleaved: A[i+r][p] at {@code 4p + r}. */
    private static void packRows(View a, int i, int k, double[] packed) {
        for (int p = 0; p < k; p++) {
            packed[4 * p] = a.data()[a.at(i, p)];
            packed[4 * p + 1] = a.data()[a.at(i + 1, p)];
            packed[4 * p + 2] = a.data()[a.at(i + 2, p)];
            packed[4 * p + 3] = a.data()[a.at(i + 3, p)];
        }
    }

    private static void tile(double[] pa, double[] pb, int bAt, int k, View c, int i, int j) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < k; p++) {
            int ap = 4 * p;
            int bp = bAt + 4 * p;
            double a0 = pa[ap];
            double a1 = pa[ap + 1];
            double a2 = pa[ap + 2];
            double a3 = pa[ap + 3];
            double b0 = pb[bp];
            double b1 = pb[bp + 1];
            double b2 = pb[bp + 2];
            double b3 = pb[bp + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
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
     * Rows [i0, i1) x columns [j0, j1) one entry at a time: the ragged border of the tiles, and
     * whole products with fewer than 4 rows or columns (a network's one-unit output layer). Four
     * partial sums break the dependency chain of each dot product (measured 3x on k = 640).
     */
    private static void edge(int i0, int i1, int j0, int j1, int k, View a, View b, View c) {
        double[] ad = a.data();
        double[] bd = b.data();
        int as = a.colStride();
        int bs = b.rowStride();
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                double s3 = 0.0;
                int pa = a.at(i, 0);
                int pb = b.at(0, j);
                int p = 0;
                for (; p + 3 < k; p += 4, pa += 4 * as, pb += 4 * bs) {
                    s0 += ad[pa] * bd[pb];
                    s1 += ad[pa + as] * bd[pb + bs];
                    s2 += ad[pa + 2 * as] * bd[pb + 2 * bs];
                    s3 += ad[pa + 3 * as] * bd[pb + 3 * bs];
                }
                for (; p < k; p++, pa += as, pb += bs) {
                    s0 += ad[pa] * bd[pb];
                }
                c.data()[c.at(i, j)] += (s0 + s1) + (s2 + s3);
            }
        }
    }
}
