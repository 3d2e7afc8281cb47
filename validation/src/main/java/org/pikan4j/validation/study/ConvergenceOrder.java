package org.pikan4j.validation.study;

/**
 * The order p of error ≈ C·G^-p fitted to errors at increasing grid sizes, over the range where the
 * error is approximation-limited. The range starts at the smallest G and grows one grid at a time
 * while each new step lowers the error at a local rate of at least {@code keep} times the order
 * fitted so far; the first step that falls short (the error levels off at an optimization or
 * collocation floor, or grows) ends it. The order is the least-squares slope of log error against
 * log G over the range. Immutable.
 *
 * @param order     the fitted order p (minus the log-log slope)
 * @param constant  C of the fitted line
 * @param grids     the grid sizes, increasing
 * @param errors    the errors, one per grid size
 * @param last      index of the last grid size in the range (at least 1)
 */
public record ConvergenceOrder(double order, double constant, double[] grids, double[] errors, int last) {

    /** The default share of the fitted order a step must keep to stay in the range. */
    public static final double KEEP = 0.5;

    /**
     * Fits with {@link #KEEP}.
     *
     * @throws IllegalArgumentException when fewer than two points are given, the lengths differ,
     *                                  the grids do not increase or a value is not finite and positive
     */
    public static ConvergenceOrder fit(double[] grids, double[] errors) {
        return fit(grids, errors, KEEP);
    }

    /**
     * Fits, a step staying in the range while its local rate is at least {@code keep} times the
     * order fitted on the range before it.
     *
     * @throws IllegalArgumentException as {@link #fit(double[], double[])}, or when keep is not in (0, 1]
     */
    public static ConvergenceOrder fit(double[] grids, double[] errors, double keep) {
        if (grids.length < 2 || grids.length != errors.length) {
            throw new IllegalArgumentException("need at least two grid sizes with one error each, got " + grids.length
                    + " grid sizes and " + errors.length + " errors");
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in (0, 1], got " + keep);
        }
        for (int i = 0; i < grids.length; i++) {
            if (!(grids[i] > 0) || !(errors[i] > 0) || !Double.isFinite(grids[i]) || !Double.isFinite(errors[i])
                    || (i > 0 && !(grids[i] > grids[i - 1]))) {
                throw new IllegalArgumentException("grid sizes must increase and errors be finite and > 0, got G = "
                        + grids[i] + ", error = " + errors[i] + " at index " + i);
            }
        }
        int last = 1;
        double[] line = line(grids, errors, last);
        while (last + 1 < grids.length && localRate(grids, errors, last + 1) >= keep * -line[0]) {
            last++;
            line = line(grids, errors, last);
        }
        return new ConvergenceOrder(-line[0], Math.exp(line[1]), grids.clone(), errors.clone(), last);
    }

    /** -d log e / d log G between points i - 1 and i. */
    private static double localRate(double[] g, double[] e, int i) {
        return -Math.log(e[i] / e[i - 1]) / Math.log(g[i] / g[i - 1]);
    }

    /** Least-squares slope and intercept of log e against log G over points 0..last. */
    private static double[] line(double[] g, double[] e, int last) {
        int n = last + 1;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += Math.log(g[i]);
            sy += Math.log(e[i]);
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(g[i]) - mx;
            sxy += dx * (Math.log(e[i]) - my);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    /** The grid sizes (a copy). */
    @Override
    public double[] grids() {
        return grids.clone();
    }

    /** The errors (a copy). */
    @Override
    public double[] errors() {
        return errors.clone();
    }

    /** Whether the range stops before the largest grid size. */
    public boolean stopped() {
        return last < grids.length - 1;
    }

    /** The grid size where the fitted range ends. */
    public double lastGrid() {
        return grids[last];
    }

    /** The local rate of the first step past the range; NaN when the range reaches the largest G. */
    public double rateAfter() {
        return stopped() ? localRate(grids, errors, last + 1) : Double.NaN;
    }

    /** The local rate -Δlog e / Δlog G of every step between consecutive grid sizes. */
    public double[] localRates() {
        double[] r = new double[grids.length - 1];
        for (int i = 1; i < grids.length; i++) {
            r[i - 1] = localRate(grids, errors, i);
        }
        return r;
    }

    /** The fitted error C·G^-p at G. */
    public double at(double g) {
        return constant * Math.pow(g, -order);
    }

    /**
     * E.g. {@code order 3.87 over G = 3..20; stops at G = 20 (to G = 40 the error fell at rate 0.31);
     * local rates 4.10, 3.92, 3.60, 0.31}.
     */
    public String describe() {
        String range = String.format(java.util.Locale.ROOT, "order %.2f over G = %s..%s", order, g(grids[0]),
                g(grids[last]));
        String rates = "; local rates " + java.util.Arrays.stream(localRates())
                .mapToObj(r -> String.format(java.util.Locale.ROOT, "%.2f", r))
                .collect(java.util.stream.Collectors.joining(", "));
        if (!stopped()) {
            return range + " (all grid sizes)" + rates;
        }
        double r = rateAfter();
        return range + String.format(java.util.Locale.ROOT, "; stops at G = %s (to G = %s the error %s at rate %.2f)",
                g(grids[last]), g(grids[last + 1]), r >= 0 ? "fell" : "grew", Math.abs(r)) + rates;
    }

    private static String g(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvergenceOrder c && order == c.order && constant == c.constant && last == c.last
                && java.util.Arrays.equals(grids, c.grids) && java.util.Arrays.equals(errors, c.errors);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(grids) * 31 + java.util.Arrays.hashCode(errors) + last;
    }

    @Override
    public String toString() {
        return "ConvergenceOrder[" + describe() + "]";
    }
}
