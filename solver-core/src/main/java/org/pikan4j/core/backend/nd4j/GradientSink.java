package org.pikan4j.core.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where one reverse sweep's parameter gradients go: reduced over the block's points into one
 * gradient ({@code rowStride = 0}), or per point into rows of a Jacobian. The reductions happen
 * on the device (a GEMM over all rows, a column sum); per-point contributions come from batched
 * products without the reduction. Either way the host receives {@link #rows()} rows.
 */
final class GradientSink {

    private final DeviceOps ops;
    private final double[] grad;
    private final int rowOffset;
    private final int rowStride;
    private final int points;

    GradientSink(DeviceOps ops, double[] grad, int rowOffset, int rowStride, int points) {
        this.ops = ops;
        this.grad = grad;
        this.rowOffset = rowOffset;
        this.rowStride = rowStride;
        this.points = points;
    }

    /** Rows the host arrays below hold: 1 when reducing, else one per point. */
    int rows() {
        return rowStride == 0 ? 1 : points;
    }

    /**
     * Σ over components (and over points when reducing) of x_cᵀ z_c, for jets x of width p and
     * z of width q: {@link #rows()} rows of p·q entries, each a [p, q] matrix in row-major order.
     */
    double[] products(DeviceJets x, DeviceJets z) {
        if (rowStride == 0) {
            return ops.download(ops.mmulTransposeA(x.data(), z.data()));
        }
        return ops.download(ops.batchedTransposeA(x.byPoint(), z.byPoint()));
    }

    /** The rows of an [N, w] array, summed over points when reducing. */
    double[] rowsOf(INDArray perPoint) {
        return ops.download(rowStride == 0 ? ops.sum(perPoint, 0) : perPoint);
    }

    /** Adds {@link #rows()} rows of {@code length} entries to the parameters from {@code offset}. */
    void add(double[] rows, int length, int offset) {
        for (int n = 0; n < rows(); n++) {
            int at = (rowOffset + n) * rowStride + offset;
            for (int p = 0; p < length; p++) {
                grad[at + p] += rows[n * length + p];
            }
        }
    }

    /** Adds one entry: row n (a point, or 0 when reducing), parameter index p. */
    void add(int n, int p, double value) {
        grad[(rowOffset + n) * rowStride + p] += value;
    }
}
