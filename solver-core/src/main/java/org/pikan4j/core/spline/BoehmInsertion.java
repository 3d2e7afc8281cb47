package org.pikan4j.core.spline;

/**
 * Boehm's knot insertion: the B-spline coefficients of an unchanged spline function after one new knot.
 *
 * <p>Inserting x into the span {@code [t_mu, t_{mu+1})} of a degree-k spline with coefficients c gives
 * <pre>
 *   c'_i = c_i                                   for i &lt;= mu - k
 *   c'_i = a_i c_i + (1 - a_i) c_{i-1},  a_i = (x - t_i) / (t_{i+k} - t_i)   for mu - k &lt; i &lt;= mu
 *   c'_i = c_{i-1}                               for i &gt; mu
 * </pre>
 */
final class BoehmInsertion {

    private BoehmInsertion() {
    }

    /**
     * @param t  the knots before insertion
     * @param k  the degree
     * @param c  the coefficients before insertion
     * @param x  the inserted knot, {@code t_mu <= x < t_{mu+1}}
     * @param mu the span of x
     * @return the coefficients on the refined knot vector, one more than {@code c}
     */
    static double[] insert(double[] t, int k, double[] c, double x, int mu) {
        double[] refined = new double[c.length + 1];
        for (int i = 0; i <= mu - k; i++) {
            refined[i] = c[i];
        }
        for (int i = mu - k + 1; i <= mu; i++) {
            double a = (x - t[i]) / (t[i + k] - t[i]);
            refined[i] = a * c[i] + (1.0 - a) * c[i - 1];
        }
        for (int i = mu + 1; i < refined.length; i++) {
            refined[i] = c[i - 1];
        }
        return refined;
    }
}
