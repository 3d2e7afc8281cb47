package org.pikan4j.core.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.pikan4j.core.nn.Activation;

/**
 * An activation and its derivatives on whole arrays: {@code f^(n)(x)} for n = 0..maxOrder.
 * tanh and the sigmoid inside SiLU use their derivatives as polynomials in the function itself
 * (t' = 1 - t², s' = s - s²), so one transcendental call serves every order.
 */
abstract class DeviceFunction {

    /** f(x), f'(x), ..., f^(maxOrder)(x), each of x's shape. */
    abstract INDArray[] derivatives(DeviceOps ops, INDArray x, int maxOrder);

    /** The device form of a dense layer's activation (not the identity: linear layers skip it). */
    static DeviceFunction of(Activation activation) {
        switch (activation) {
            case TANH:
                return TANH;
            case SIN:
                return SIN;
            case SILU:
                return SILU;
            default:
                throw new IllegalArgumentException("the nd4j backend has no device form of " + activation);
        }
    }

    /** tanh: derivatives are polynomials in t = tanh(x). */
    static final DeviceFunction TANH = new DeviceFunction() {
        @Override
        INDArray[] derivatives(DeviceOps ops, INDArray x, int maxOrder) {
            return inSelf(ops, ops.tanh(x), new double[] {1.0, 0.0, -1.0}, maxOrder);
        }
    };

    /** sin: derivatives cycle through cos, -sin, -cos. */
    static final DeviceFunction SIN = new DeviceFunction() {
        @Override
        INDArray[] derivatives(DeviceOps ops, INDArray x, int maxOrder) {
            INDArray sin = ops.sin(x);
            INDArray cos = ops.cos(x);
            INDArray[] cycle = {sin, cos, ops.mul(sin, -1.0), ops.mul(cos, -1.0)};
            INDArray[] out = new INDArray[maxOrder + 1];
            for (int n = 0; n <= maxOrder; n++) {
                out[n] = cycle[n % 4];
            }
            return out;
        }
    };

    /** SiLU(x) = x·σ(x): SiLU^(n) = x σ^(n) + n σ^(n-1), σ's derivatives polynomials in σ. */
    static final DeviceFunction SILU = new DeviceFunction() {
        @Override
        INDArray[] derivatives(DeviceOps ops, INDArray x, int maxOrder) {
            INDArray[] sigma = inSelf(ops, ops.sigmoid(x), new double[] {0.0, 1.0, -1.0}, maxOrder);
            INDArray[] out = new INDArray[maxOrder + 1];
            out[0] = ops.mul(x, sigma[0]);
            for (int n = 1; n <= maxOrder; n++) {
                out[n] = ops.addi(ops.mul(x, sigma[n]), ops.mul(sigma[n - 1], n));
            }
            return out;
        }
    };

    /**
     * Derivatives of a function s with {@code s' = g(s)} for a polynomial g: s^(n) = p_n(s) with
     * p_0(s) = s and p_{n+1} = p_n'·g (degree n + 1 for the quadratic g used here), evaluated
     * from the powers of s.
     */
    private static INDArray[] inSelf(DeviceOps ops, INDArray s, double[] g, int maxOrder) {
        INDArray[] powers = new INDArray[maxOrder + 2];
        powers[1] = s;
        for (int k = 2; k < powers.length; k++) {
            powers[k] = ops.mul(powers[k - 1], s);
        }
        INDArray[] out = new INDArray[maxOrder + 1];
        double[] p = {0.0, 1.0};
        for (int n = 0; n <= maxOrder; n++) {
            out[n] = evaluate(ops, p, powers);
            p = multiply(derivative(p), g);
        }
        return out;
    }

    /** Σ_k p_k s^k; the result never aliases s. */
    private static INDArray evaluate(DeviceOps ops, double[] p, INDArray[] powers) {
        INDArray sum = null;
        for (int k = 1; k < p.length; k++) {
            if (p[k] != 0.0) {
                INDArray term = ops.mul(powers[k], p[k]);
                sum = sum == null ? term : ops.addi(sum, term);
            }
        }
        return p[0] == 0.0 ? sum : ops.addi(sum, p[0]);
    }

    private static double[] derivative(double[] p) {
        double[] d = new double[Math.max(1, p.length - 1)];
        for (int k = 1; k < p.length; k++) {
            d[k - 1] = k * p[k];
        }
        return d;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }
}
