package org.pikan4j.core.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fit of one candidate to samples: {@code y ≈ c·f(a·x + b) + d} with its R² and the candidate's
 * complexity. The parameters are the candidate's canonical equivalent set (e.g. a ≥ 0 and
 * |b| ≤ π/2 for sin), so equal curves report equal numbers.
 *
 * @param function   the candidate f
 * @param parameters a, b, c, d
 * @param r2         coefficient of determination on the samples; NaN when f was nowhere usable
 */
public record SymbolicFit(SymbolicFunction function, AffineParameters parameters, double r2) {

    /**
     * How far below the best R² a simpler candidate may be and still rank first; like pykan's
     * complexity weight, this keeps x² ahead of a gaussian that imitates it to 1e-5.
     */
    public static final double DEFAULT_R2_TOLERANCE = 1e-3;

    /** The inner scale a. */
    public double a() {
        return parameters.a();
    }

    /** The inner shift b. */
    public double b() {
        return parameters.b();
    }

    /** The outer scale c. */
    public double c() {
        return parameters.c();
    }

    /** The outer shift d. */
    public double d() {
        return parameters.d();
    }

    /** The complexity score of the function. */
    public int complexity() {
        return function.complexity();
    }

    /** The fitted curve at x. */
    public double value(double x) {
        return parameters.apply(function, x);
    }

    /**
     * Fits one candidate: grid search over a, b ∈ [-10, 10] (coarse, then refined to about 1e-6),
     * c and d by linear least squares at every (a, b). Affine candidates (0, x) take a = 1, b = 0.
     *
     * @throws IllegalArgumentException for empty, mismatched or non-finite data
     */
    public static SymbolicFit fit(double[] x, double[] y, SymbolicFunction function) {
        FitChecks.data(x, y);
        double[] r;
        if (function.affine()) {
            double[] z = new double[x.length];
            for (int p = 0; p < x.length; p++) {
                z[p] = function.applyAsDouble(x[p]);
            }
            double[] cd = LinearFit.fit(z, y);
            r = new double[] {1.0, 0.0, cd[0], cd[1], cd[2]};
        } else {
            r = AffineSearch.search(function, x, y);
        }
        AffineParameters p = function.normalizer().apply(new AffineParameters(r[0], r[1], r[2], r[3]));
        return new SymbolicFit(function, p, r[4]);
    }

    /**
     * Fits every candidate and ranks them: those within {@link #DEFAULT_R2_TOLERANCE} of the best R²
     * first, simplest first (library order breaks ties), then the rest by R².
     *
     * @param topK how many to return, at least 1
     * @return at most topK fits, best first; candidates never finite on the data are left out
     * @throws IllegalArgumentException for bad data or topK &lt; 1
     */
    public static List<SymbolicFit> suggest(double[] x, double[] y, SymbolicLibrary library, int topK) {
        return suggest(x, y, library, topK, DEFAULT_R2_TOLERANCE);
    }

    /**
     * As {@link #suggest(double[], double[], SymbolicLibrary, int)} with a chosen R² tolerance.
     *
     * @param r2Tolerance finite, at least 0; 0 ranks by R² alone (complexity only breaks exact ties)
     */
    public static List<SymbolicFit> suggest(double[] x, double[] y, SymbolicLibrary library, int topK,
                                            double r2Tolerance) {
        FitChecks.data(x, y);
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        if (!(r2Tolerance >= 0.0) || Double.isInfinite(r2Tolerance)) {
            throw new IllegalArgumentException("r2Tolerance must be finite and >= 0, got " + r2Tolerance);
        }
        List<SymbolicFit> fits = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (SymbolicFunction f : library.functions()) {
            SymbolicFit fit = fit(x, y, f);
            if (!Double.isNaN(fit.r2())) {
                fits.add(fit);
                best = Math.max(best, fit.r2());
            }
        }
        double cut = best - r2Tolerance;
        Comparator<SymbolicFit> order = Comparator
                .comparing((SymbolicFit s) -> s.r2() < cut)
                .thenComparingInt(s -> s.r2() >= cut ? s.complexity() : 0)
                .thenComparingDouble(s -> s.r2() >= cut ? 0.0 : -s.r2());
        fits.sort(order);   // stable: library order breaks the remaining ties
        return List.copyOf(fits.subList(0, Math.min(topK, fits.size())));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: a=%.6g b=%.6g c=%.6g d=%.6g R²=%.8f",
                function.name(), a(), b(), c(), d(), r2);
    }
}
