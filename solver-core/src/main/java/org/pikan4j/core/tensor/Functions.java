package org.pikan4j.core.tensor;

import java.util.Arrays;
import org.hipparchus.special.Erf;

/**
 * The elementary functions with exact derivatives up to {@link ScalarFunction#MAX_DERIVATIVE}:
 * activations (tanh, SiLU, sin) and the functions residual expressions use.
 */
public final class Functions {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    /** Where ierfc and its derivatives are taken as zero. */
    private static final double IERFC_NEGLIGIBLE = 8.0;

    private static final int MAX_DERIVATIVE_PLUS_ONE = ScalarFunction.MAX_DERIVATIVE + 1;

    private Functions() {
    }

    /**
     * tanh; derivatives as polynomials in t = tanh(x) from t' = 1 - t², in closed form up to the
     * fourth (t'' = -2t t', t''' = -2t'(t' - 2t²), t'''' = 8t t'(2t' - t²)): the MLP's activation
     * runs at every unit and point, and the closed forms cut its cost (measured).
     */
    public static final ScalarFunction TANH = new PolynomialInSelf("tanh",
            derivativePolynomials(new double[] {1.0, 0.0, -1.0})) {
        @Override
        double base(double x) {
            return tanh(x);
        }

        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            if (maxOrder > 4) {
                super.derivatives(x, maxOrder, out);
                return;
            }
            double t = tanh(x);
            double t1 = 1.0 - t * t;
            out[0] = t;
            if (maxOrder >= 1) {
                out[1] = t1;
            }
            if (maxOrder >= 2) {
                out[2] = -2.0 * t * t1;
            }
            if (maxOrder >= 3) {
                out[3] = -2.0 * t1 * (t1 - 2.0 * t * t);
            }
            if (maxOrder >= 4) {
                out[4] = 8.0 * t * t1 * (2.0 * t1 - t * t);
            }
        }

        @Override
        public void derivatives(double[] x, int count, int maxOrder, double[][] out) {
            if (maxOrder > 4) {
                super.derivatives(x, count, maxOrder, out);
                return;
            }
            // tanh point by point (its exp does not vectorize), the closed forms as loops over the slabs that do
            // (measured: a virtual call per point was a sixth of an MLP evaluation)
            double[] t = out[0];
            for (int n = 0; n < count; n++) {
                t[n] = tanh(x[n]);
            }
            if (maxOrder >= 1) {
                double[] t1 = out[1];
                for (int n = 0; n < count; n++) {
                    t1[n] = 1.0 - t[n] * t[n];
                }
            }
            if (maxOrder >= 2) {
                double[] t1 = out[1];
                double[] t2 = out[2];
                for (int n = 0; n < count; n++) {
                    t2[n] = -2.0 * t[n] * t1[n];
                }
            }
            if (maxOrder >= 3) {
                double[] t1 = out[1];
                double[] t3 = out[3];
                for (int n = 0; n < count; n++) {
                    t3[n] = -2.0 * t1[n] * (t1[n] - 2.0 * t[n] * t[n]);
                }
            }
            if (maxOrder >= 4) {
                double[] t1 = out[1];
                double[] t4 = out[4];
                for (int n = 0; n < count; n++) {
                    t4[n] = 8.0 * t[n] * t1[n] * (2.0 * t1[n] - t[n] * t[n]);
                }
            }
        }
    };

    /** The logistic sigmoid; derivatives as polynomials in s from s' = s - s². */
    public static final ScalarFunction SIGMOID = new PolynomialInSelf("sigmoid",
            derivativePolynomials(new double[] {0.0, 1.0, -1.0})) {
        @Override
        double base(double x) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
    };

    /** SiLU(x) = x·sigmoid(x), the KAN base function; SiLU^(n) = x σ^(n) + n σ^(n-1). */
    public static final ScalarFunction SILU = new ScalarFunction() {
        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            if (maxOrder <= 4) {
                siluUpToFourth(x, maxOrder, out, 0);
                return;
            }
            SIGMOID.derivatives(x, maxOrder, out);
            // in place, highest order first: out[n - 1] still holds sigma^(n-1)
            for (int n = maxOrder; n >= 1; n--) {
                out[n] = x * out[n] + n * out[n - 1];
            }
            out[0] = x * out[0];
        }

        @Override
        public String name() {
            return "silu";
        }
    };

    /**
     * SiLU and up to four derivatives in closed form, from s1 = σ - σ², s2 = s1 (1 - 2σ),
     * s3 = s1 (1 - 6 s1), s4 = s2 (1 - 12 s1) (σ's derivatives): every KAN edge of a
     * second-order PDE needs these once per input and point (measured about twice as fast as the
     * general polynomials). Written from {@code out[at]} on, so a kernel fills one table for many points
     * without a copy per point.
     *
     * @param maxOrder the highest derivative, in [0, 4]
     * @throws IllegalArgumentException if maxOrder is outside [0, 4]
     */
    public static void siluUpToFourth(double x, int maxOrder, double[] out, int at) {
        if (maxOrder < 0 || maxOrder > 4) {
            throw new IllegalArgumentException("maxOrder must be in [0, 4], got " + maxOrder);
        }
        double s = 1.0 / (1.0 + Math.exp(-x));
        out[at] = x * s;
        if (maxOrder == 0) {
            return;
        }
        double d1 = s - s * s;
        out[at + 1] = x * d1 + s;
        if (maxOrder == 1) {
            return;
        }
        double d2 = d1 * (1.0 - 2.0 * s);
        out[at + 2] = x * d2 + 2.0 * d1;
        if (maxOrder == 2) {
            return;
        }
        double d3 = d1 * (1.0 - 6.0 * d1);
        out[at + 3] = x * d3 + 3.0 * d2;
        if (maxOrder == 3) {
            return;
        }
        out[at + 4] = x * d2 * (1.0 - 12.0 * d1) + 4.0 * d3;
    }

    /**
     * {@link #siluUpToFourth(double, int, double[], int)} for the points {@code x[0..count)}, one table per order:
     * {@code out[outAt + r][n] = SiLU^(r)(x[n])}. The exponentials are taken point by point, each derivative
     * order in its own loop over the points, which the JIT vectorizes; the same bits as the point-by-point form.
     *
     * @param x        the points, at least count of them
     * @param count    the number of points, at least 0
     * @param maxOrder the highest derivative, in [0, 4]
     * @param out      the tables: maxOrder + 1 distinct arrays from outAt, each holding count values
     * @param outAt    the first table's index in out
     * @throws IllegalArgumentException if an argument is outside those ranges
     */
    public static void siluUpToFourth(double[] x, int count, int maxOrder, double[][] out, int outAt) {
        if (maxOrder < 0 || maxOrder > 4) {
            throw new IllegalArgumentException("maxOrder must be in [0, 4], got " + maxOrder);
        }
        if (x == null || count < 0 || count > x.length) {
            throw new IllegalArgumentException("count must be in [0, x.length = "
                    + (x == null ? "null" : String.valueOf(x.length)) + "], got " + count);
        }
        for (int r = 0; r <= maxOrder; r++) {
            if (out == null || outAt < 0 || outAt + r >= out.length || out[outAt + r] == null
                    || out[outAt + r].length < count) {
                throw new IllegalArgumentException("out must hold maxOrder + 1 = " + (maxOrder + 1)
                        + " tables of count = " + count + " values from outAt = " + outAt);
            }
        }
        double[] sigma = out[outAt];   // σ until SiLU itself is written, last
        for (int n = 0; n < count; n++) {
            sigma[n] = 1.0 / (1.0 + Math.exp(-x[n]));
        }
        for (int r = maxOrder; r >= 1; r--) {
            siluDerivative(r, x, sigma, out[outAt + r], count);
        }
        for (int n = 0; n < count; n++) {
            sigma[n] = x[n] * sigma[n];
        }
    }

    /**
     * SiLU^(r)(x[n]) for r in [1, 4] from σ(x[n]), as {@link #siluUpToFourth(double, int, double[], int)}: one
     * branch-free loop per order, so that each vectorizes.
     */
    private static void siluDerivative(int r, double[] x, double[] sigma, double[] table, int count) {
        switch (r) {
            case 1:
                for (int n = 0; n < count; n++) {
                    double s = sigma[n];
                    table[n] = x[n] * (s - s * s) + s;
                }
                break;
            case 2:
                for (int n = 0; n < count; n++) {
                    double s = sigma[n];
                    double d1 = s - s * s;
                    table[n] = x[n] * (d1 * (1.0 - 2.0 * s)) + 2.0 * d1;
                }
                break;
            case 3:
                for (int n = 0; n < count; n++) {
                    double s = sigma[n];
                    double d1 = s - s * s;
                    table[n] = x[n] * (d1 * (1.0 - 6.0 * d1)) + 3.0 * (d1 * (1.0 - 2.0 * s));
                }
                break;
            default:
                for (int n = 0; n < count; n++) {
                    double s = sigma[n];
                    double d1 = s - s * s;
                    table[n] = x[n] * (d1 * (1.0 - 2.0 * s)) * (1.0 - 12.0 * d1) + 4.0 * (d1 * (1.0 - 6.0 * d1));
                }
        }
    }

    /** sin, with derivatives cycling through cos, -sin, -cos. */
    public static final ScalarFunction SIN = cyclic("sin", 0);

    /** cos, with derivatives cycling through -sin, -cos, sin. */
    public static final ScalarFunction COS = cyclic("cos", 1);

    /** exp, its own derivative. */
    public static final ScalarFunction EXP = new ScalarFunction() {
        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            double e = Math.exp(x);
            for (int n = 0; n <= maxOrder; n++) {
                out[n] = e;
            }
        }

        @Override
        public String name() {
            return "exp";
        }
    };

    /** Natural logarithm: log^(n)(x) = (-1)^(n-1) (n-1)! / x^n. */
    public static final ScalarFunction LOG = new ScalarFunction() {
        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            out[0] = Math.log(x);
            double term = 1.0 / x;
            for (int n = 1; n <= maxOrder; n++) {
                out[n] = term;
                term *= -n / x;
            }
        }

        @Override
        public String name() {
            return "log";
        }
    };

    /**
     * The integrated complementary error function ierfc(x) = ∫_x^∞ erfc(s) ds = e^(-x²)/√π - x erfc(x): the heat
     * equation u_t = D u_xx started from a kink a|x| gives a|x| + 2a√(Dt) ierfc(|x| / (2√(Dt))), so a trial
     * solution can carry a kink already diffused. Derivatives: -erfc(x), then (2/√π)(-1)^n H_(n-2)(x) e^(-x²) for
     * n >= 2 (physicists' Hermite polynomials). Zero from x = 8 on, where every one of them is below 1e-22.
     */
    public static final ScalarFunction IERFC = new ScalarFunction() {
        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            if (x > IERFC_NEGLIGIBLE) {
                // e^(-64) times Hermite factors: every derivative is below 1e-22, and erfc is the costly part
                Arrays.fill(out, 0, maxOrder + 1, 0.0);
                return;
            }
            double gauss = Math.exp(-x * x);
            double erfc = Erf.erfc(x);
            out[0] = gauss / SQRT_PI - x * erfc;
            if (maxOrder >= 1) {
                out[1] = -erfc;
            }
            double previous = 0.0;
            double hermite = 1.0;
            for (int n = 2; n <= maxOrder; n++) {
                out[n] = (n % 2 == 0 ? 2.0 : -2.0) / SQRT_PI * hermite * gauss;
                double next = 2.0 * x * hermite - 2.0 * (n - 2) * previous;
                previous = hermite;
                hermite = next;
            }
        }

        @Override
        public String name() {
            return "ierfc";
        }
    };

    /** The identity, for linear output layers. */
    public static final ScalarFunction IDENTITY = new ScalarFunction() {
        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            out[0] = x;
            for (int n = 1; n <= maxOrder; n++) {
                out[n] = n == 1 ? 1.0 : 0.0;
            }
        }

        @Override
        public String name() {
            return "identity";
        }
    };

    /** The square root, x^(1/2). */
    public static final ScalarFunction SQRT = power(0.5);

    /** x^p for real p: derivatives p (p-1) ... (p-n+1) x^(p-n). */
    public static ScalarFunction power(double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("exponent p must be finite, got " + p);
        }
        return new ScalarFunction() {
            @Override
            public void derivatives(double x, int maxOrder, double[] out) {
                double factor = 1.0;
                for (int n = 0; n <= maxOrder; n++) {
                    out[n] = factor == 0.0 ? 0.0 : factor * Math.pow(x, p - n);
                    factor *= p - n;
                }
            }

            @Override
            public String name() {
                return "pow(" + p + ")";
            }
        };
    }

    /**
     * tanh by one exponential, accurate to a few ulps; Math.tanh is several times slower. Below
     * 0.05 the exponential form would lose digits to cancellation in 1 - e^(-2|x|), so the
     * Taylor series takes over (its first omitted term is below 1e-18 relative there).
     */
    static double tanh(double x) {
        double a = Math.abs(x);
        if (a < 0.05) {
            double s = x * x;
            return x * (1.0 + s * (-1.0 / 3 + s * (2.0 / 15 + s * (-17.0 / 315 + s * (62.0 / 2835
                    + s * (-1382.0 / 155925))))));
        }
        double e = Math.exp(-2.0 * a);
        double t = (1.0 - e) / (1.0 + e);
        return x < 0 ? -t : t;
    }

    private static ScalarFunction cyclic(String name, int phase) {
        return new ScalarFunction() {
            @Override
            public void derivatives(double x, int maxOrder, double[] out) {
                double s = Math.sin(x);
                double c = Math.cos(x);
                double[] cycle = {s, c, -s, -c};
                for (int n = 0; n <= maxOrder; n++) {
                    out[n] = cycle[(n + phase) % 4];
                }
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /**
     * Coefficients (in powers of f) of f, f', f'', ... for a function whose derivative is the
     * polynomial {@code slope} in f itself.
     */
    private static double[][] derivativePolynomials(double[] slope) {
        int orders = MAX_DERIVATIVE_PLUS_ONE;
        double[][] poly = new double[orders][];
        poly[0] = new double[] {0.0, 1.0};
        for (int n = 1; n < orders; n++) {
            double[] prev = poly[n - 1];
            double[] next = new double[prev.length + slope.length - 2];
            // d/dx f^k = k f^(k-1) f' = k f^(k-1) * slope(f)
            for (int k = 1; k < prev.length; k++) {
                for (int s = 0; s < slope.length; s++) {
                    next[k - 1 + s] += prev[k] * k * slope[s];
                }
            }
            poly[n] = next;
        }
        return poly;
    }

    /** A function whose derivatives are polynomials of its own value. */
    private abstract static class PolynomialInSelf implements ScalarFunction {
        private final String name;
        private final double[][] polynomials;

        PolynomialInSelf(String name, double[][] polynomials) {
            this.name = name;
            this.polynomials = polynomials;
        }

        abstract double base(double x);

        @Override
        public void derivatives(double x, int maxOrder, double[] out) {
            double f = base(x);
            out[0] = f;
            for (int n = 1; n <= maxOrder; n++) {
                double[] poly = polynomials[n];
                double sum = 0.0;
                for (int k = poly.length - 1; k >= 0; k--) {
                    sum = sum * f + poly[k];
                }
                out[n] = sum;
            }
        }

        @Override
        public String name() {
            return name;
        }
    }
}
