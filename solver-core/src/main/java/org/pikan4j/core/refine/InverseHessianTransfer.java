package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.pikan4j.core.optim.BfgsState;

/**
 * Carries a dense inverse Hessian H across a refinement {@code θ' = A θ} ({@link ParameterTransfer#transfer}):
 * <pre>
 *   H' = A H A' + Σ_blocks γ_b P_b
 * </pre>
 * {@code A H A'} makes the first step on the refined network the old quasi-Newton step mapped (for a gradient
 * {@code g'} of the refined loss, {@code A' g'} is the old parameters' gradient, so {@code -H' g'} moves the
 * network function as {@code -H g} would). It is singular on the directions {@code A} does not reach, the new
 * freedom of the finer splines; {@code P_b} is the orthogonal projector onto those directions within one block of
 * {@code A} (one edge's coefficients: the rows and columns {@code A} connects), scaled by {@code γ_b}, the mean
 * diagonal of H over the block's old parameters, i.e. the old parameters' typical inverse curvature. The result
 * is positive definite whenever H is and {@code A} is injective, which refinements are. Cost
 * O(nnz(A)·(n + n')) and one row of n numbers besides H'.
 */
final class InverseHessianTransfer {

    private final int sourceLength;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] weights;
    private final int targetLength;

    InverseHessianTransfer(int sourceLength, int[] rowStart, int[] columns, double[] weights) {
        this.sourceLength = sourceLength;
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
        this.targetLength = rowStart.length - 1;
    }

    BfgsState apply(BfgsState state) {
        if (state.isEmpty()) {
            return state;
        }
        double[] h = state.upperTriangle();
        if (h.length != BfgsState.upperTriangleLength(sourceLength)) {
            throw new IllegalArgumentException("inverse Hessian must hold " + BfgsState.upperTriangleLength(sourceLength)
                    + " numbers (the upper triangle for " + sourceLength + " parameters before refinement), got "
                    + h.length);
        }
        int[] rowOffset = rowOffsets(sourceLength);
        double[] mapped = new double[Math.toIntExact(BfgsState.upperTriangleLength(targetLength))];
        int[] mappedOffset = rowOffsets(targetLength);
        double[] hRow = new double[sourceLength];
        for (int p = 0; p < targetLength; p++) {
            multiplyRow(h, rowOffset, p, hRow);
            for (int q = p; q < targetLength; q++) {
                double sum = 0;
                for (int e = rowStart[q]; e < rowStart[q + 1]; e++) {
                    sum += weights[e] * hRow[columns[e]];
                }
                mapped[mappedOffset[p] + q - p] = sum;
            }
        }
        for (Block block : blocks()) {
            block.addScaledComplement(mapped, mappedOffset, meanDiagonal(h, rowOffset, block.sources));
        }
        return new BfgsState(mapped);
    }

    /** {@code out = H a_p'}, a_p the p-th row of A. */
    private void multiplyRow(double[] h, int[] rowOffset, int p, double[] out) {
        Arrays.fill(out, 0);
        for (int e = rowStart[p]; e < rowStart[p + 1]; e++) {
            int c = columns[e];
            double w = weights[e];
            // column c of the symmetric H: rows x < c lie strided in the rows above, rows x >= c contiguous in row c
            for (int x = 0; x < c; x++) {
                out[x] += w * h[rowOffset[x] + c - x];
            }
            for (int x = c, k = rowOffset[c]; x < sourceLength; x++, k++) {
                out[x] += w * h[k];
            }
        }
    }

    /** Where each row of an n x n upper triangle starts in the packed array. */
    private static int[] rowOffsets(int n) {
        int[] offset = new int[n];
        for (int i = 1; i < n; i++) {
            offset[i] = offset[i - 1] + n - i + 1;
        }
        return offset;
    }

    /** H's mean diagonal over the given parameters, or over all for none (a new row that reads nothing). */
    private static double meanDiagonal(double[] h, int[] rowOffset, int[] cols) {
        if (cols.length == 0) {
            return meanDiagonal(h, rowOffset, range(rowOffset.length));
        }
        double sum = 0;
        for (int c : cols) {
            sum += h[rowOffset[c]];
        }
        return sum / cols.length;
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** The blocks of A that add directions: rows and the columns they read, connected through shared columns. */
    private List<Block> blocks() {
        int[] parent = range(sourceLength);
        for (int p = 0; p < targetLength; p++) {
            for (int e = rowStart[p] + 1; e < rowStart[p + 1]; e++) {
                parent[root(parent, columns[e])] = root(parent, columns[rowStart[p]]);
            }
        }
        List<List<Integer>> rowsOf = new ArrayList<>();
        int[] blockOfRoot = new int[sourceLength];
        Arrays.fill(blockOfRoot, -1);
        for (int p = 0; p < targetLength; p++) {
            int b;
            if (rowStart[p] == rowStart[p + 1]) {
                b = rowsOf.size();   // a row that reads nothing is a new direction on its own
            } else {
                int r = root(parent, columns[rowStart[p]]);
                if (blockOfRoot[r] < 0) {
                    blockOfRoot[r] = rowsOf.size();
                }
                b = blockOfRoot[r];
            }
            if (b == rowsOf.size()) {
                rowsOf.add(new ArrayList<>());
            }
            rowsOf.get(b).add(p);
        }
        List<Block> blocks = new ArrayList<>();
        for (List<Integer> rows : rowsOf) {
            int[] r = rows.stream().mapToInt(Integer::intValue).toArray();
            int[] c = Arrays.stream(r).flatMap(p -> Arrays.stream(columns, rowStart[p], rowStart[p + 1]))
                    .distinct().sorted().toArray();
            if (r.length > c.length) {
                blocks.add(new Block(r, c));
            }
        }
        return blocks;
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Rows of A that read only the given source columns, with more rows than sources. */
    private final class Block {
        private final int[] rows;
        private final int[] sources;

        Block(int[] rows, int[] sources) {
            this.rows = rows;
            this.sources = sources;
        }

        /** Adds γ times the projector onto the block's directions that A does not reach. */
        void addScaledComplement(double[] mapped, int[] mappedOffset, double gamma) {
            double[][] dense = new double[rows.length][sources.length];
            for (int i = 0; i < rows.length; i++) {
                for (int e = rowStart[rows[i]]; e < rowStart[rows[i] + 1]; e++) {
                    dense[i][Arrays.binarySearch(sources, columns[e])] += weights[e];
                }
            }
            // Q's columns beyond the first |sources| are an orthonormal basis of the complement of A's range in
            // this block (A is injective, so its range has full dimension)
            double[][] q = sources.length == 0 ? MatrixUtils.createRealIdentityMatrix(rows.length).getData()
                    : new QRDecomposition(new Array2DRowRealMatrix(dense, false)).getQ().getData();
            int rank = sources.length;
            for (int i = 0; i < rows.length; i++) {
                for (int j = i; j < rows.length; j++) {
                    double sum = 0;
                    for (int k = rank; k < rows.length; k++) {
                        sum += q[i][k] * q[j][k];
                    }
                    mapped[mappedOffset[rows[i]] + rows[j] - rows[i]] += gamma * sum;
                }
            }
        }
    }
}
