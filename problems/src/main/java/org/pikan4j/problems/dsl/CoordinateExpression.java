package org.pikan4j.problems.dsl;

/**
 * An expression of the coordinates alone, e.g. {@code s -> s.x(0).times(Math.PI).sin()}: the
 * pieces g and d of an output transform, or a closed-form trial solution. Reading a field in it
 * is an error.
 */
@FunctionalInterface
public interface CoordinateExpression {

    /** The expression, built from what {@code s} offers (coordinates, sources, constants). */
    Expr of(Scope s);
}
