package org.pikan4j.core.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The product rule for every component of a {@link DerivativeSet}, precomputed once:
 * {@code (a·b)_α = Σ_{β ≤ α} C(α, β) a_β b_{α-β}} with C the product of binomial coefficients.
 */
public final class LeibnizTable {

    private final int components;
    private final int[] termStart;
    private final int[] left;
    private final int[] right;
    private final double[] coefficient;

    LeibnizTable(DerivativeSet set) {
        components = set.size();
        List<double[]> terms = new ArrayList<>();
        termStart = new int[components + 1];
        for (int c = 0; c < components; c++) {
            MultiIndex alpha = set.component(c);
            for (int b = 0; b < components; b++) {
                MultiIndex beta = set.component(b);
                if (!beta.isBelowOrEqual(alpha)) {
                    continue;
                }
                int[] rest = alpha.counts();
                double binomial = 1.0;
                for (int i = 0; i < rest.length; i++) {
                    binomial *= binomial(alpha.count(i), beta.count(i));
                    rest[i] -= beta.count(i);
                }
                terms.add(new double[] {b, set.indexOf(MultiIndex.of(rest)), binomial});
            }
            termStart[c + 1] = terms.size();
        }
        left = new int[terms.size()];
        right = new int[terms.size()];
        coefficient = new double[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            left[t] = (int) terms.get(t)[0];
            right[t] = (int) terms.get(t)[1];
            coefficient[t] = terms.get(t)[2];
        }
    }

    private static double binomial(int n, int k) {
        double r = 1.0;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** Writes the jet of a·b; each jet's component k sits at {@code offset + k * stride}. */
    public void multiply(double[] a, int aOffset, int aStride, double[] b, int bOffset, int bStride,
                         double[] out, int offset, int stride) {
        for (int c = 0; c < components; c++) {
            double sum = 0.0;
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                sum += coefficient[t] * a[aOffset + left[t] * aStride] * b[bOffset + right[t] * bStride];
            }
            out[offset + c * stride] = sum;
        }
    }

    /** Adds the adjoints of a and b given the adjoint of a·b (all with the same layout as multiply). */
    public void multiplyBackward(double[] a, int aOffset, int aStride, double[] b, int bOffset,
                                 int bStride, double[] outBar, int offset, int stride,
                                 double[] aBar, double[] bBar) {
        for (int c = 0; c < components; c++) {
            double seed = outBar[offset + c * stride];
            if (seed == 0.0) {
                continue;
            }
            for (int t = termStart[c]; t < termStart[c + 1]; t++) {
                double s = seed * coefficient[t];
                aBar[aOffset + left[t] * aStride] += s * b[bOffset + right[t] * bStride];
                bBar[bOffset + right[t] * bStride] += s * a[aOffset + left[t] * aStride];
            }
        }
    }
}
