package org.pikan4j.core.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The column product against the plain triple loop; the slab product against the sums it documents. */
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
        Gemm.multiply(m, n, k, a, b, c);
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

    @ParameterizedTest(name = "{0} x {1}, {2} of 6 points, {3} components")
    @CsvSource({"20, 20, 6, 5", "2, 20, 5, 5", "20, 1, 6, 3", "6, 7, 4, 13", "4, 4, 1, 1"})
    void slabProductAddsTileEntriesInOrderAndBorderEntriesInFourPartialSums(int m, int n, int count, int components) {
        Random random = new Random(m * 31 + n * 7 + count + components);
        double[][][] a = randomSlabs(random, m, components, 6);
        double[][][] b = randomSlabs(random, n, components, 6);
        double[] c = new double[m * n + 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextGaussian();
        }
        double[] before = c.clone();
        Gemm.multiplyAddSlabs(m, n, count, a, b, new Gemm.View(c, 1, n, 1));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // the products in the block layout's row order: point-major, then component
                double[] products = new double[count * components];
                for (int p = 0; p < products.length; p++) {
                    products[p] = a[i][p % components][p / components] * b[j][p % components][p / components];
                }
                boolean tile = i < m - m % 4 && j < n - n % 4;
                double expected = before[1 + i * n + j] + (tile ? inOrder(products) : inFourPartialSums(products));
                assertEquals(expected, c[1 + i * n + j], 0.0, "C[" + i + "][" + j + "]");
            }
        }
        assertEquals(before[0], c[0], 0.0, "the entry before the view was written");
    }

    private static double[][][] randomSlabs(Random random, int units, int components, int points) {
        double[][][] slabs = new double[units][components][points];
        for (double[][] unit : slabs) {
            for (double[] slab : unit) {
                for (int n = 0; n < points; n++) {
                    slab[n] = random.nextGaussian();
                }
            }
        }
        return slabs;
    }

    private static double inOrder(double[] products) {
        double sum = 0.0;
        for (double x : products) {
            sum += x;
        }
        return sum;
    }

    private static double inFourPartialSums(double[] products) {
        double[] s = new double[4];
        int p = 0;
        for (; p + 3 < products.length; p += 4) {
            for (int q = 0; q < 4; q++) {
                s[q] += products[p + q];
            }
        }
        for (; p < products.length; p++) {
            s[0] += products[p];
        }
        return (s[0] + s[1]) + (s[2] + s[3]);
    }
}
