package org.pikan4j.core.optim;

/** Small dense-vector helpers. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double norm2(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double normInf(double[] a) {
        double max = 0;
        for (double x : a) {
            // NaN propagates so that a broken gradient never looks converged
            if (!(Math.abs(x) <= max)) {
                max = Math.abs(x);
            }
        }
        return max;
    }
}
