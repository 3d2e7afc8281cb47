package org.pikan4j.core.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Grid search for the inner map (a, b) of {@code c·f(a·x + b) + d}: a coarse 21×21 grid over
 * [-10, 10]², then, from each of the few best coarse points, local 11×11 grids whose spacing shrinks
 * four-fold per level down to about 1e-6. (c, d) come from linear least squares at every (a, b);
 * (a, b) where f is not finite on some sample are skipped.
 */
final class AffineSearch {

    static final double RANGE = 10.0;
    private static final int COARSE = 21;
    private static final int LOCAL_HALF = 5;
    private static final int STARTS = 3;
    private static final double FINEST = 1e-6;

    private AffineSearch() {
    }

    /** The best (a, b, c, d, r2) found; r2 is NaN when f was never finite on the samples. */
    static double[] search(SymbolicFunction f, double[] x, double[] y) {
        double[] z = new double[x.length];
        List<double[]> coarse = new ArrayList<>();
        double h = 2.0 * RANGE / (COARSE - 1);
        for (int ia = 0; ia < COARSE; ia++) {
            for (int ib = 0; ib < COARSE; ib++) {
                double[] r = evaluate(f, -RANGE + ia * h, -RANGE + ib * h, x, y, z);
                if (!Double.isNaN(r[4])) {
                    coarse.add(r);
                }
            }
        }
        coarse.sort(Comparator.comparingDouble((double[] r) -> r[4]).reversed());
        double[] best = {0.0, 0.0, 0.0, 0.0, Double.NaN};
        for (int s = 0; s < Math.min(STARTS, coarse.size()); s++) {
            double[] refined = refine(f, coarse.get(s), h, x, y, z);
            if (Double.isNaN(best[4]) || refined[4] > best[4]) {
                best = refined;
            }
        }
        return best;
    }

    private static double[] refine(SymbolicFunction f, double[] start, double coarseStep, double[] x,
                                   double[] y, double[] z) {
        double[] best = start;
        for (double h = coarseStep / 4.0; h >= FINEST; h /= 4.0) {
            double a0 = best[0];
            double b0 = best[1];
            for (int ia = -LOCAL_HALF; ia <= LOCAL_HALF; ia++) {
                for (int ib = -LOCAL_HALF; ib <= LOCAL_HALF; ib++) {
                    double[] r = evaluate(f, a0 + ia * h, b0 + ib * h, x, y, z);
                    if (r[4] > best[4]) {
                        best = r;
                    }
                }
            }
        }
        return best;
    }

    private static double[] evaluate(SymbolicFunction f, double a, double b, double[] x, double[] y,
                                     double[] z) {
        for (int p = 0; p < x.length; p++) {
            z[p] = f.applyAsDouble(a * x[p] + b);
        }
        double[] cd = LinearFit.fit(z, y);
        return new double[] {a, b, cd[0], cd[1], cd[2]};
    }
}
