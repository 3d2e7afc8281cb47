package org.pikan4j.core.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.pikan4j.core.tensor.FaaDiBrunoTable;

/**
 * Faà di Bruno's formula on whole slabs: the jet of f(g) for every point and unit at once,
 * {@code out_c = Σ_r f^(r)(g_0) ∘ P[c][r]}, with the polynomials P of the table evaluated by
 * elementwise products of g's component slabs, and the exact reverse of both steps.
 *
 * <p>Polynomial arrays are indexed {@code p[c][r]} for components c ≥ 1 and orders r ≥ 1;
 * entries no term reaches stay null.
 */
final class DeviceChainRule {

    private final FaaDiBrunoTable table;
    private final DeviceOps ops;
    private final int components;
    private final int orders;

    DeviceChainRule(FaaDiBrunoTable table, DeviceOps ops) {
        this.table = table;
        this.ops = ops;
        this.components = table.components();
        this.orders = table.maxOrder() + 1;
    }

    /** P[c][r] of the jets g, each of g's slab shape. */
    INDArray[][] polynomials(DeviceJets g) {
        INDArray[][] p = new INDArray[components][orders];
        for (int c = 1; c < components; c++) {
            for (int t = table.firstTerm(c); t < table.firstTerm(c + 1); t++) {
                int r = table.termOrder(t);
                INDArray product = g.slab(table.termFactor(t, 0));
                for (int k = 1; k < r; k++) {
                    product = ops.mul(product, g.slab(table.termFactor(t, k)));
                }
                if (table.termCoefficient(t) != 1.0) {
                    product = ops.mul(product, table.termCoefficient(t));
                }
                // never add in place: product may be a view of g
                p[c][r] = p[c][r] == null ? product : ops.add(p[c][r], product);
            }
        }
        return p;
    }

    /**
     * Writes the jet of f(g) into the component slabs {@code out}, given f^(r)(g_0) for
     * r = 0..R and g's polynomials. P may have size-1 dimensions that broadcast against f.
     */
    void compose(INDArray[] f, INDArray[][] p, INDArray[] out) {
        ops.assign(out[0], f[0]);
        for (int c = 1; c < components; c++) {
            INDArray sum = null;
            for (int r = 1; r < orders; r++) {
                if (p[c][r] != null) {
                    INDArray term = ops.mul(f[r], p[c][r]);
                    sum = sum == null ? term : ops.addi(sum, term);
                }
            }
            ops.assign(out[c], sum);
        }
    }

    /**
     * The reverse of {@link #compose}: fills {@code pBar[c][r]} (dL/dP) and returns dL/dg_0
     * through the f^(r)(g_0) factors (both of f's shape).
     *
     * @param f f^(r)(g_0) for r = 0..R+1, one order more than compose needs
     */
    INDArray composeBackward(INDArray[] f, INDArray[][] p, INDArray[] outBar, INDArray[][] pBar) {
        INDArray valueBar = ops.mul(outBar[0], f[1]);
        for (int c = 1; c < components; c++) {
            INDArray seed = outBar[c];
            for (int r = 1; r < orders; r++) {
                if (p[c][r] != null) {
                    pBar[c][r] = ops.mul(seed, f[r]);
                    ops.addi(valueBar, ops.mul(ops.mul(seed, p[c][r]), f[r + 1]));
                }
            }
        }
        return valueBar;
    }

    /** Adds dL/dg for an adjoint pBar of the polynomials into gBar's slabs c ≥ 1. */
    void polynomialsBackward(DeviceJets g, INDArray[][] pBar, DeviceJets gBar) {
        for (int c = 1; c < components; c++) {
            for (int t = table.firstTerm(c); t < table.firstTerm(c + 1); t++) {
                int r = table.termOrder(t);
                INDArray seed = pBar[c][r];
                if (table.termCoefficient(t) != 1.0) {
                    seed = ops.mul(seed, table.termCoefficient(t));
                }
                for (int k = 0; k < r; k++) {
                    INDArray others = seed;
                    for (int q = 0; q < r; q++) {
                        if (q != k) {
                            others = ops.mul(others, g.slab(table.termFactor(t, q)));
                        }
                    }
                    ops.addi(gBar.slab(table.termFactor(t, k)), others);
                }
            }
        }
    }
}
