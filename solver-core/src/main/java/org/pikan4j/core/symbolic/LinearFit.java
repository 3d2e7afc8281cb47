package org.pikan4j.core.symbolic;

/**
 * Least squares of y ≈ c·z + d for fixed z, with the R² of the result: the inner step of the affine search.
 * R² is NaN when some z is not finite, so the caller skips that (a, b).
 */
final class LinearFit {

    private LinearFit() {
    }

    /** {c, d, r2}; a constant z gives c = 0, d = mean(y). */
    static double[] fit(double[] z, double[] y) {
        int n = y.length;
        double zMean = 0.0;
        double yMean = 0.0;
        for (int p = 0; p < n; p++) {
            if (!Double.isFinite(z[p])) {
                return new double[] {0.0, 0.0, Double.NaN};
            }
            zMean += z[p];
            yMean += y[p];
        }
        zMean /= n;
        yMean /= n;
        double szz = 0.0;
        double szy = 0.0;
        double syy = 0.0;
        for (int p = 0; p < n; p++) {
            double dz = z[p] - zMean;
            double dy = y[p] - yMean;
            szz += dz * dz;
            szy += dz * dy;
            syy += dy * dy;
        }
        double c = szz > 1e-300 && Double.isFinite(szz) ? szy / szz : 0.0;
        double d = yMean - c * zMean;
        double residual = 0.0;
        for (int p = 0; p < n; p++) {
            double r = y[p] - c * z[p] - d;
            residual += r * r;
        }
        double r2 = syy > 0.0 ? 1.0 - residual / syy : (residual == 0.0 ? 1.0 : 0.0);
        return new double[] {c, d, Double.isFinite(r2) ? r2 : Double.NaN};
    }
}
