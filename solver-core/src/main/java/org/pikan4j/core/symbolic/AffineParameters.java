package org.pikan4j.core.symbolic;

/**
 * The four numbers of {@code c·f(a·x + b) + d}: the inner affine map (a, b) and the outer one (c, d).
 *
 * @param a inner scale
 * @param b inner shift
 * @param c outer scale
 * @param d outer shift
 */
public record AffineParameters(double a, double b, double c, double d) {

    /** c·f(a·x + b) + d for one function value provider f. */
    public double apply(SymbolicFunction f, double x) {
        return c * f.applyAsDouble(a * x + b) + d;
    }
}
