package org.pikan4j.core.optim;

/**
 * Line search for the strong Wolfe conditions
 * <pre>
 *   f(x + a d) &lt;= f(x) + c1 a g'd           (sufficient decrease)
 *   |g(x + a d)'d| &lt;= c2 |g'd|               (curvature)
 * </pre>
 * by bracketing and zoom with safeguarded cubic interpolation (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithms 3.5 and 3.6, interpolation formula 3.59).
 *
 * <p>A search either accepts a point satisfying both conditions (then {@link #alpha()},
 * {@link #value()} and the output buffers describe it) or fails after {@code maxEvaluations}
 * function evaluations or when the bracket collapses; it never accepts any other point.
 * {@link #backtrack} is the caller's last resort after failed searches: sufficient decrease alone.
 */
final class StrongWolfeLineSearch {

    /** Fraction of the bracket width kept away from its ends by the cubic-interpolation safeguard. */
    private static final double SAFEGUARD = 0.1;

    /** Factor of the trial step per evaluation in {@link #backtrack}. */
    private static final double BACKTRACK = 0.1;

    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    private Objective objective;
    private double[] x;
    private double[] d;
    private double[] xOut;
    private double[] gOut;
    private double f0;
    private double slope0;

    private double alpha;
    private double value;
    private int evaluations;

    StrongWolfeLineSearch(double c1, double c2, int maxEvaluations) {
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * Searches along {@code direction} from {@code start}.
     *
     * @param f         the objective
     * @param start     the current point (not modified)
     * @param value0    f(start)
     * @param gradient0 the gradient at start (not modified)
     * @param direction a descent direction (gradient0 &middot; direction &lt; 0)
     * @param alpha0    the first trial step, &gt; 0
     * @param pointOut  receives the trial points; holds the accepted point on success
     * @param gradOut   receives the trial gradients; holds the accepted gradient on success
     * @return true if a strong Wolfe point was found
     */
    boolean search(Objective f, double[] start, double value0, double[] gradient0, double[] direction,
                   double alpha0, double[] pointOut, double[] gradOut) {
        if (!begin(f, start, value0, gradient0, direction, alpha0, pointOut, gradOut)) {
            return false;
        }
        double aPrev = 0;
        double fPrev = f0;
        double dPrev = slope0;
        double a = alpha0;
        while (evaluations < maxEvaluations) {
            double fa = evaluate(a);
            double da = Vectors.dot(gOut, d);
            if (!Double.isFinite(fa) || !Double.isFinite(da)
                    || fa > f0 + c1 * a * slope0 || (evaluations > 1 && fa >= fPrev)) {
                return zoom(aPrev, fPrev, dPrev, a, fa, da);
            }
            if (Math.abs(da) <= -c2 * slope0) {
                return accept(a, fa);
            }
            if (da >= 0) {
                return zoom(a, fa, da, aPrev, fPrev, dPrev);
            }
            double width = a - aPrev;
            double next = clamp(cubicMinimizer(aPrev, fPrev, dPrev, a, fa, da), a + width, a + 4 * width);
            aPrev = a;
            fPrev = fa;
            dPrev = da;
            a = next;
        }
        return false;
    }

    /** Algorithm 3.6: lo satisfies sufficient decrease and has the lowest value seen so far. */
    private boolean zoom(double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
        while (evaluations < maxEvaluations) {
            double left = Math.min(lo, hi);
            double right = Math.max(lo, hi);
            double width = right - left;
            if (width <= Math.ulp(right) * 4) {
                return false;
            }
            double a = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi);
            if (!(a >= left + SAFEGUARD * width && a <= right - SAFEGUARD * width)) {
                a = 0.5 * (lo + hi);
            }
            double fa = evaluate(a);
            double da = Vectors.dot(gOut, d);
            if (!Double.isFinite(fa) || !Double.isFinite(da) || fa > f0 + c1 * a * slope0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dHi = da;
            } else {
                if (Math.abs(da) <= -c2 * slope0) {
                    return accept(a, fa);
                }
                if (da * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = fa;
                dLo = da;
            }
        }
        return false;
    }

    /**
     * The last resort when no strong Wolfe point was found: trial steps alpha0, alpha0 / 10, alpha0 / 100 ... until
     * one satisfies sufficient decrease alone, within {@code maxEvaluations}. The Wolfe search halves its bracket
     * where the loss is stiff along d (a fine spline grid's new coefficients), which can leave it 1e-9 of its first
     * trial short of any decrease when its evaluations run out; a tenfold cut gets there in nine.
     *
     * @return true if a point of sufficient (and strict) decrease was found (the buffers, {@link #alpha()} and
     *         {@link #value()} describe it; its curvature is unchecked)
     */
    boolean backtrack(Objective f, double[] start, double value0, double[] gradient0, double[] direction,
                      double alpha0, double[] pointOut, double[] gradOut) {
        if (!begin(f, start, value0, gradient0, direction, alpha0, pointOut, gradOut)) {
            return false;
        }
        for (double a = alpha0; evaluations < maxEvaluations; a *= BACKTRACK) {
            double fa = evaluate(a);
            // strictly lower too: once a d is below round-off, f0 + c1 a g'd rounds to f0 and x to itself
            if (fa < f0 && fa <= f0 + c1 * a * slope0) {
                return accept(a, fa);
            }
        }
        return false;
    }

    /**
     * Minimizer of the cubic interpolating values and slopes at a and b (N&amp;W eq. 3.59);
     * NaN when the cubic has no minimizer.
     */
    static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
        double d1 = da + db - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - da * db;
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2);
    }

    private static double clamp(double value, double low, double high) {
        if (Double.isNaN(value)) {
            return high;
        }
        return Math.max(low, Math.min(high, value));
    }

    /** Starts a search from {@code start}; false when d is no descent direction or alpha0 is not positive. */
    private boolean begin(Objective f, double[] start, double value0, double[] gradient0, double[] direction,
                          double alpha0, double[] pointOut, double[] gradOut) {
        this.objective = f;
        this.x = start;
        this.d = direction;
        this.xOut = pointOut;
        this.gOut = gradOut;
        this.f0 = value0;
        this.slope0 = Vectors.dot(gradient0, direction);
        this.evaluations = 0;
        return slope0 < 0 && alpha0 > 0;
    }

    private double evaluate(double a) {
        for (int i = 0; i < x.length; i++) {
            xOut[i] = x[i] + a * d[i];
        }
        evaluations++;
        return objective.evaluate(xOut, gOut);
    }

    private boolean accept(double a, double fa) {
        alpha = a;
        value = fa;
        return true;
    }

    /** @return the accepted step length of the last successful search */
    double alpha() {
        return alpha;
    }

    /** @return the objective value at the accepted point of the last successful search */
    double value() {
        return value;
    }

    /** @return the number of evaluations of the last search */
    int evaluations() {
        return evaluations;
    }
}
