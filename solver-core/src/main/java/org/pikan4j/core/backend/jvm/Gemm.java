package org.pikan4j.core.backend.jvm;

/**
 * {@code C += A·B} for strided matrices in plain arrays, with 4 x 4 register tiles: each loaded
 * element of A and B feeds four multiply-adds instead of one, which measured about twice as fast
 * as axpy or dot loops on the dense layers' shapes. Element (i, j) of a matrix M sits at
 * {@code m[offset + i * rowStride + j * colStride]}, so transposes are just swapped strides.
 */
final class Gemm {

    /** A strided view of a matrix in an array. */
    record View(double[] data, int offset, int rowStride, int colStride) {
        int at(int i, int j) {
            return offset + i * rowStride + j * colStride;
        }
    }

    private Gemm() {
    }

    /** C (m x n) += A (m x k) · B (k x n). */
    static void multiplyAdd(int m, int n, int k, View a, View b, View c) {
        int m4 = m - m % 4;
        int n4 = n - n % 4;
        for (int i = 0; i < m4; i += 4) {
            for (int j = 0; j < n4; j += 4) {
                tile(i, j, k, a, b, c);
            }
            edge(i, i + 4, n4, n, k, a, b, c);
        }
        edge(m4, m, 0, n, k, a, b, c);
    }

    private static void tile(int i, int j, int k, View a, View b, View c) {
        double[] ad = a.data();
        double[] bd = b.data();
        int ar = a.rowStride();
        int ac = a.colStride();
        int br = b.rowStride();
        int bc = b.colStride();
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int pa = a.at(i, 0);
        int pb = b.at(0, j);
        for (int p = 0; p < k; p++) {
            double a0 = ad[pa];
            double a1 = ad[pa + ar];
            double a2 = ad[pa + 2 * ar];
            double a3 = ad[pa + 3 * ar];
            double b0 = bd[pb];
            double b1 = bd[pb + bc];
            double b2 = bd[pb + 2 * bc];
            double b3 = bd[pb + 3 * bc];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            pa += ac;
            pb += br;
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

    /** Rows [i0, i1) x columns [j0, j1) one entry at a time: the ragged border of the tiles. */
    private static void edge(int i0, int i1, int j0, int j1, int k, View a, View b, View c) {
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                double s = 0.0;
                int pa = a.at(i, 0);
                int pb = b.at(0, j);
                for (int p = 0; p < k; p++) {
                    s += a.data()[pa] * b.data()[pb];
                    pa += a.colStride();
                    pb += b.rowStride();
                }
                c.data()[c.at(i, j)] += s;
            }
        }
    }
}
