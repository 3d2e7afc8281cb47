package org.pikan4j.problems.dsl;

/**
 * One PDE as a residual that vanishes at the solution, written in terms of a field, e.g.
 * {@code u -> u.laplacian().negate().minus(u.source(f))} for {@code -Δu = f}. Other fields,
 * coordinates, sources and coefficients are reachable from {@code u} (or {@code u.scope()}).
 */
@FunctionalInterface
public interface FieldEquation {

    /** The residual expression. */
    Expr residual(Expr u);
}
