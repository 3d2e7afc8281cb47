package org.pikan4j.core.symbolic;

/**
 * The operations a {@link SymbolicModel} is built from, so that it can be composed over other number
 * types than double: e.g. the PDE DSL's expressions, whose derivatives are exact, to fine-tune a formula
 * against the PDE itself.
 *
 * @param <T> the value type
 */
public interface SymbolicAlgebra<T> {

    /** A constant. */
    T constant(double c);

    /** a + b. */
    T plus(T a, T b);

    /** k·a. */
    T times(T a, double k);

    /**
     * f(a) for a candidate function of the library.
     *
     * @throws IllegalArgumentException if this algebra has no form of f
     */
    T apply(SymbolicFunction f, T a);
}
