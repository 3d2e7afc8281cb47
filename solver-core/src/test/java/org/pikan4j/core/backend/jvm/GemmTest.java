package org.pikan4j.core.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The column product against the plain triple loop, and against the register tiles it replaces. */
class GemmTest {

    @ParameterizedTest(name = "{0} x {1} x {2}")
    @CsvSource({"640, 20, 20", "37, 5, 7", "9, 2, 1", "12, 3, 4", "1, 6, 3"})
    void columnProductAddsEachEntrysProductsInOrderBitForBit(int m, int n, int k) {
        Random random = new Random(m * 31 + n * 7 + k);
        double[][] a = new double[k][m + 2];   // longer than m: rows past m must stay untouched
        for (double[] column : a) {
            for (int r = 0; r < column.length; r++) {
                column[r] = random.nextGaussian();
            }
        }
        double[] bData = new double[3 + k * n * 2];
        for (int i = 0; i < bData.length; i++) {
            bData[i] = random.nextGaussian();
        }
        Gemm.View b = new Gemm.View(bData, 3, 1, 2 * k);   // column-major with a gap: B[p][j] at 3 + p + 2kj
        double[][] c = new double[n][m + 2];
        for (double[] column : c) {
            column[m] = 42.0;
            column[m + 1] = -1.0;
        }
        new Gemm().multiply(m, n, k, a, b, c);
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < m; r++) {
                double sum = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a[p][r] * bData[b.at(p, j)];
                }
                assertEquals(sum, c[j][r], 0.0, "C[" + r + "][" + j + "]");
            }
            assertEquals(42.0, c[j][m], 0.0, "row m of column " + j + " was written");
            assertEquals(-1.0, c[j][m + 1], 0.0, "row m + 1 of column " + j + " was written");
        }
    }

    @ParameterizedTest(name = "{0} x {1} x {2}")
    @CsvSource({"640, 20, 20", "8, 4, 9"})
    void columnProductEqualsTheTilesOnTheirShapes(int m, int n, int k) {
        Random random = new Random(5);
        double[] aData = new double[m * k];
        double[][] a = new double[k][m];
        for (int p = 0; p < k; p++) {
            for (int r = 0; r < m; r++) {
                a[p][r] = random.nextGaussian();
                aData[p * m + r] = a[p][r];
            }
        }
        double[] bData = new double[k * n];
        for (int i = 0; i < bData.length; i++) {
            bData[i] = random.nextGaussian();
        }
        Gemm.View b = new Gemm.View(bData, 0, n, 1);
        double[] tiles = new double[m * n];
        new Gemm().multiplyAdd(m, n, k, new Gemm.View(aData, 0, 1, m), b, new Gemm.View(tiles, 0, 1, m));
        double[][] columns = new double[n][m];
        new Gemm().multiply(m, n, k, a, b, columns);
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < m; r++) {
                assertEquals(tiles[j * m + r], columns[j][r], 0.0, "C[" + r + "][" + j + "]");
            }
        }
    }
}
