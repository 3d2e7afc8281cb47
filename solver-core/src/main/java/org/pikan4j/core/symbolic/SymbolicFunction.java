package org.pikan4j.core.symbolic;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * One candidate function f for the edge form {@code c·f(a·x + b) + d}: a name, a complexity score
 * (simpler formulas win near-ties), the function itself and text templates in which {@code {x}}
 * stands for the argument. Immutable.
 *
 * @param name          the name, unique within a library, e.g. {@code "sin"}
 * @param complexity    the complexity score, at least 0 (pykan's ballpark: x 1, sin 2, tan 3)
 * @param function      the function; may return NaN or infinity outside its domain
 * @param textTemplate  plain-text form, e.g. {@code "sin({x})"}
 * @param javaTemplate  Java-expression form, e.g. {@code "Math.sin({x})"}
 * @param affine        whether f is affine (0 or x), so the inner map folds into c and d and is not searched
 * @param normalizer    rewrites (a, b, c, d) into a canonical equivalent set; identity when none is known
 */
public record SymbolicFunction(String name, int complexity, DoubleUnaryOperator function,
                               String textTemplate, String javaTemplate, boolean affine,
                               UnaryOperator<AffineParameters> normalizer) implements DoubleUnaryOperator {

    /** The placeholder for the argument in the templates. */
    public static final String ARGUMENT = "{x}";

    /** Validates the fields. */
    public SymbolicFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(textTemplate, "textTemplate");
        Objects.requireNonNull(javaTemplate, "javaTemplate");
        Objects.requireNonNull(normalizer, "normalizer");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (complexity < 0) {
            throw new IllegalArgumentException("complexity of " + name + " must be >= 0, got " + complexity);
        }
    }

    /**
     * A user function with no known normalization, e.g.
     * {@code SymbolicFunction.of("sinh", 3, Math::sinh, "sinh({x})", "Math.sinh({x})")}.
     */
    public static SymbolicFunction of(String name, int complexity, DoubleUnaryOperator function,
                                      String textTemplate, String javaTemplate) {
        return new SymbolicFunction(name, complexity, function, textTemplate, javaTemplate, false,
                UnaryOperator.identity());
    }

    @Override
    public double applyAsDouble(double x) {
        return function.applyAsDouble(x);
    }

    /** The plain-text form with the given argument text. */
    public String text(String argument) {
        return textTemplate.replace(ARGUMENT, argument);
    }

    /** The Java-expression form with the given argument text. */
    public String java(String argument) {
        return javaTemplate.replace(ARGUMENT, argument);
    }

    @Override
    public String toString() {
        return name + " (complexity " + complexity + ")";
    }
}
