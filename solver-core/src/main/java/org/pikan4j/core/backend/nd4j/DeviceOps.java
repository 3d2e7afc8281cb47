package org.pikan4j.core.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Every ND4J operation the backend issues, in one place so that each is counted: one count per
 * native call (a kernel, a GEMM, a transfer between host and device). Views (slabs, reshapes
 * of contiguous arrays, transposes) cost no call and are not counted. Every array is created
 * here with one data type (DOUBLE or FLOAT), and every op keeps its operands' type.
 */
final class DeviceOps {

    private final DataType dataType;
    private long calls;

    DeviceOps(DataType dataType) {
        this.dataType = dataType;
    }

    /** Number of ND4J calls issued so far. */
    long calls() {
        return calls;
    }

    /** A device copy of host data, c-order, converted to the ops' data type. */
    INDArray upload(double[] data, long... shape) {
        calls++;
        if (dataType == DataType.DOUBLE) {
            return Nd4j.create(data, shape, 'c');
        }
        float[] single = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            single[i] = (float) data[i];
        }
        return Nd4j.create(single, shape, 'c');
    }

    /** A host copy of an array's entries in c-order, widened to double (a view or f-order array is copied first). */
    double[] download(INDArray a) {
        calls++;
        INDArray dense = a.isView() || a.ordering() != 'c' ? a.dup('c') : a;
        return dense.data().asDouble();
    }

    /** A zero array. */
    INDArray zeros(long... shape) {
        calls++;
        return Nd4j.zeros(dataType, shape);
    }

    /** An array with unspecified entries, for results written in full. */
    INDArray uninitialized(long... shape) {
        calls++;
        return Nd4j.createUninitialized(dataType, shape);
    }

    /** a·b. */
    INDArray mmul(INDArray a, INDArray b) {
        calls++;
        return a.mmul(b);
    }

    /** aᵀ·b. */
    INDArray mmulTransposeA(INDArray a, INDArray b) {
        calls++;
        return a.transpose().mmul(b);
    }

    /** a·bᵀ. */
    INDArray mmulTransposeB(INDArray a, INDArray b) {
        calls++;
        return a.mmul(b.transpose());
    }

    /** Batched aᵀ_n·b_n for a of shape [N, K, p] and b of shape [N, K, q]: result [N, p, q]. */
    INDArray batchedTransposeA(INDArray a, INDArray b) {
        calls++;
        return Nd4j.matmul(a, b, null, true, false, false);
    }

    /** Elementwise a∘b, a new array. */
    INDArray mul(INDArray a, INDArray b) {
        calls++;
        return a.mul(b);
    }

    /** s·a, a new array. */
    INDArray mul(INDArray a, double s) {
        calls++;
        return a.mul(s);
    }

    /** a + b, a new array. */
    INDArray add(INDArray a, INDArray b) {
        calls++;
        return a.add(b);
    }

    /** a += b, in place; returns a. */
    INDArray addi(INDArray a, INDArray b) {
        calls++;
        return a.addi(b);
    }

    /** a += s, in place; returns a. */
    INDArray addi(INDArray a, double s) {
        calls++;
        return a.addi(s);
    }

    /** Adds the row vector v to every row of a, in place. */
    void addiRowVector(INDArray a, INDArray v) {
        calls++;
        a.addiRowVector(v);
    }

    /** Copies src into the view dst. */
    void assign(INDArray dst, INDArray src) {
        calls++;
        dst.assign(src);
    }

    /** Sum over one dimension. */
    INDArray sum(INDArray a, int dimension) {
        calls++;
        return a.sum(dimension);
    }

    /** Elementwise tanh, a new array. */
    INDArray tanh(INDArray a) {
        calls++;
        return Transforms.tanh(a, true);
    }

    /** Elementwise logistic sigmoid, a new array. */
    INDArray sigmoid(INDArray a) {
        calls++;
        return Transforms.sigmoid(a, true);
    }

    /** Elementwise sin, a new array. */
    INDArray sin(INDArray a) {
        calls++;
        return Transforms.sin(a, true);
    }

    /** Elementwise cos, a new array. */
    INDArray cos(INDArray a) {
        calls++;
        return Transforms.cos(a, true);
    }
}
