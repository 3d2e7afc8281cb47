package org.pikan4j.core.spline;

/**
 * Textbook reference: the recursive Cox-de Boor definition of B-splines and of their derivatives, written
 * independently of the production code, straight from the definitions. Exponential cost; for tests only.
 *
 * <pre>
 *   B_{i,0}(x) = 1 if t_i &lt;= x &lt; t_{i+1}, else 0
 *   B_{i,p}(x) = (x - t_i)/(t_{i+p} - t_i) B_{i,p-1}(x) + (t_{i+p+1} - x)/(t_{i+p+1} - t_{i+1}) B_{i+1,p-1}(x)
 *   d/dx B_{i,p} = p/(t_{i+p} - t_i) B_{i,p-1} - p/(t_{i+p+1} - t_{i+1}) B_{i+1,p-1}
 * </pre>
 * The indicator functions make this zero outside {@code [t_0, t_last)}, so it is only a reference on the grid.
 */
final class CoxDeBoor {

    private CoxDeBoor() {
    }

    /** B_{i,p}(x). */
    static double value(double[] t, int i, int p, double x) {
        if (p == 0) {
            return t[i] <= x && x < t[i + 1] ? 1.0 : 0.0;
        }
        double left = (x - t[i]) / (t[i + p] - t[i]) * value(t, i, p - 1, x);
        double right = (t[i + p + 1] - x) / (t[i + p + 1] - t[i + 1]) * value(t, i + 1, p - 1, x);
        return left + right;
    }

    /** d^r/dx^r B_{i,p}(x), by applying the derivative recursion r times. */
    static double derivative(double[] t, int i, int p, int r, double x) {
        if (r == 0) {
            return value(t, i, p, x);
        }
        if (p == 0) {
            return 0.0;
        }
        double left = p / (t[i + p] - t[i]) * derivative(t, i, p - 1, r - 1, x);
        double right = p / (t[i + p + 1] - t[i + 1]) * derivative(t, i + 1, p - 1, r - 1, x);
        return left - right;
    }
}
