package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.BfgsState;
import org.pikan4j.core.optim.LbfgsState;

/**
 * A dense inverse Hessian carried across a refinement θ' = A θ becomes H' = A H A' + γ P on the new directions:
 * checked on full matrices against the two properties that define it, for a grid extension and a knot insertion.
 */
class CurvatureTransferTest {

    static Stream<Arguments> refinements() {
        Network coarse = RefineFixtures.kan(2, 3, 1);
        double[] theta = coarse.initialParameters(7);
        return Stream.of(
                Arguments.of("extension G 5 -> 10", GridExtension.extend(coarse, theta, 10).transfer()),
                Arguments.of("extension G 5 -> 7", GridExtension.extend(coarse, theta, 7).transfer()),
                Arguments.of("knot insertion", KnotInsertion.bisect(coarse, theta, 0, 1, new int[] {1, 3})
                        .transfer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refinements")
    void onTheMappedDirectionsTheRefinedStepIsTheOldStep(String name, ParameterTransfer transfer) {
        RealMatrix a = dense(transfer);
        RealMatrix h = randomPositiveDefinite(transfer.sourceLength(), 3);
        RealMatrix mapped = unpack(transfer.transferCurvature(new BfgsState(pack(h))), transfer.targetLength());
        // P A = 0, so A' H' A = (A'A) H (A'A): for g' = A x the refined step -H' g' is A's image of the old one
        RealMatrix gram = a.transpose().multiply(a);
        RealMatrix expected = gram.multiply(h).multiply(gram);
        RealMatrix actual = a.transpose().multiply(mapped).multiply(a);
        assertTrue(actual.subtract(expected).getNorm1() <= 1e-12 * expected.getNorm1(),
                "A'H'A - (A'A)H(A'A), norm " + actual.subtract(expected).getNorm1());
        // positive definite: Cholesky succeeds (it throws on a non-positive pivot)
        new CholeskyDecomposition(mapped, 1e-14, 1e-14);
        assertTrue(transfer.targetLength() > transfer.sourceLength(), "a refinement adds parameters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refinements")
    void theNewDirectionsGetTheOldMeanInverseCurvature(String name, ParameterTransfer transfer) {
        RealMatrix a = dense(transfer);
        double gamma = 0.37;
        RealMatrix h = MatrixUtils.createRealIdentityMatrix(transfer.sourceLength()).scalarMultiply(gamma);
        RealMatrix mapped = unpack(transfer.transferCurvature(new BfgsState(pack(h))), transfer.targetLength());
        // every direction z that A does not reach (A'z = 0) is an eigenvector with H's diagonal as eigenvalue
        RealMatrix projector = MatrixUtils.createRealIdentityMatrix(transfer.targetLength()).subtract(
                a.multiply(MatrixUtils.inverse(a.transpose().multiply(a))).multiply(a.transpose()));
        double[] z = projector.operate(randomVector(transfer.targetLength(), 5));
        assertTrue(norm(z) > 1e-3, "the test direction must not vanish");
        double[] hz = mapped.operate(z);
        for (int i = 0; i < z.length; i++) {
            assertEquals(gamma * z[i], hz[i], 1e-12, "(H'z)[" + i + "]");
        }
    }

    @Test
    void theIdentityMapKeepsTheMatrixBitForBit() {
        double[] packed = pack(randomPositiveDefinite(9, 1));
        BfgsState same = (BfgsState) ParameterTransfer.identity(9).transferCurvature(new BfgsState(packed));
        assertArrayEquals(packed, same.upperTriangle());
    }

    @Test
    void emptyCurvatureStaysEmptyAndPairsAreDropped() {
        ParameterTransfer transfer = GridExtension.extend(RefineFixtures.kan(2, 3, 1),
                RefineFixtures.kan(2, 3, 1).initialParameters(7), 10).transfer();
        assertTrue(((BfgsState) transfer.transferCurvature(BfgsState.empty())).isEmpty());
        LbfgsState pairs = new LbfgsState(new double[][] {new double[transfer.sourceLength()]},
                new double[][] {new double[transfer.sourceLength()]});
        assertEquals(0, ((LbfgsState) transfer.transferCurvature(pairs)).pairs());
    }

    @Test
    void otherStatesAndSizesAreRefusedByName() {
        ParameterTransfer transfer = ParameterTransfer.identity(4);
        IllegalArgumentException adam = assertThrows(IllegalArgumentException.class,
                () -> transfer.transferCurvature(new AdamState(1, 1e-3, new double[4], new double[4])));
        assertTrue(adam.getMessage().contains("got AdamState"), adam.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> transfer.transferCurvature(new BfgsState(new double[6])));
        assertEquals("inverse Hessian must hold 10 numbers (the upper triangle for 4 parameters before refinement),"
                + " got 6", size.getMessage());
    }

    private static RealMatrix dense(ParameterTransfer transfer) {
        double[][] rows = new double[transfer.targetLength()][];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = transfer.row(p);
        }
        return new Array2DRowRealMatrix(rows, false);
    }

    private static RealMatrix randomPositiveDefinite(int n, long seed) {
        RealMatrix b = new Array2DRowRealMatrix(n, n);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.setEntry(i, j, random.nextDouble() - 0.5);
            }
        }
        return b.multiply(b.transpose()).add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(0.1));
    }

    private static double[] randomVector(int n, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return v;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static double[] pack(RealMatrix m) {
        int n = m.getRowDimension();
        double[] packed = new double[n * (n + 1) / 2];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = i; j < n; j++, k++) {
                packed[k] = m.getEntry(i, j);
            }
        }
        return packed;
    }

    private static RealMatrix unpack(Object state, int n) {
        double[] packed = ((BfgsState) state).upperTriangle();
        assertEquals(n * (n + 1) / 2, packed.length);
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = i; j < n; j++, k++) {
                m.setEntry(i, j, packed[k]);
                m.setEntry(j, i, packed[k]);
            }
        }
        return m;
    }
}
