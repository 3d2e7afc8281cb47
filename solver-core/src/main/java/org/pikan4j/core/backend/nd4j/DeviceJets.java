package org.pikan4j.core.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Jets of a width-w quantity at N points on the device, component-major: one [C·N, w] matrix
 * whose rows run over (component, point). Component c is the contiguous slab of rows
 * {@code c·N .. (c+1)·N - 1}, so elementwise chain-rule work runs on dense [N, w] blocks and a
 * linear map still multiplies all components in one GEMM. (The host {@code JetBlock} is
 * point-major; the evaluator reorders at upload and download.)
 */
final class DeviceJets {

    private final INDArray data;
    private final int components;
    private final int points;

    DeviceJets(INDArray data, int components, int points) {
        this.data = data;
        this.components = components;
        this.points = points;
    }

    /** Jets whose every entry the caller overwrites. */
    static DeviceJets uninitialized(DeviceOps ops, int components, int points, int width) {
        return new DeviceJets(ops.uninitialized((long) components * points, width), components, points);
    }

    /** Zero jets. */
    static DeviceJets zeros(DeviceOps ops, int components, int points, int width) {
        return new DeviceJets(ops.zeros((long) components * points, width), components, points);
    }

    /** The whole [C·N, w] matrix. */
    INDArray data() {
        return data;
    }

    /** Component c as an [N, w] view. */
    INDArray slab(int c) {
        return data.get(NDArrayIndex.interval((long) c * points, (long) (c + 1) * points), NDArrayIndex.all());
    }

    /** Every component slab, each viewed with the given shape (of N·w entries), e.g. [N, in, M]. */
    INDArray[] slabs(long... shape) {
        INDArray[] slabs = new INDArray[components];
        for (int c = 0; c < components; c++) {
            slabs[c] = slab(c).reshape(shape);
        }
        return slabs;
    }

    /** Every component slab as [N, w]. */
    INDArray[] slabs() {
        return slabs(points, width());
    }

    /** The jets as [N, C, w], a view: per point, its components as rows. */
    INDArray byPoint() {
        return data.reshape(components, points, width()).permute(1, 0, 2);
    }

    int components() {
        return components;
    }

    int points() {
        return points;
    }

    int width() {
        return (int) data.columns();
    }
}
