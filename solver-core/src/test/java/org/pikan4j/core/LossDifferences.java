package org.pikan4j.core;

import java.util.function.ToDoubleFunction;

/** Central differences of a scalar function of the parameters: the reference of the exact-gradient tests. */
public final class LossDifferences {

    private LossDifferences() {
    }

    /** (f(θ + h e_p) - f(θ - h e_p)) / 2h; θ is restored afterwards. */
    public static double centralDifference(ToDoubleFunction<double[]> f, double[] theta, int p, double h) {
        double saved = theta[p];
        theta[p] = saved + h;
        double up = f.applyAsDouble(theta);
        theta[p] = saved - h;
        double down = f.applyAsDouble(theta);
        theta[p] = saved;
        return (up - down) / (2 * h);
    }

    /** The largest absolute entry: the scale the gradient tolerances are relative to. */
    public static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
