package org.pikan4j.core.symbolic;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * One candidate function f for the edge form {@code c·f(a·x + b) + d}: a name, a complexity score
 * (simpler formulas win near-ties), the function and its derivative, and text templates in which
 * {@code {x}} stands for the argument. Immutable.
 *
 * @param name          the name, unique within a library, e.g. {@code "sin"}
 * @param complexity    the complexity score, at least 0 (pykan's ballpark: x 1, sin 2, tan 3)
 * @param function      the function; may return NaN or infinity outside its domain
 * @param derivative    f', which fine-tuning of the fitted parameters needs
 * @param textTemplate  plain-text form, e.g. {@code "sin({x})"}
 * @param javaTemplate  Java-expression form, e.g. {@code "Math.sin({x})"}
 * @param latexTemplate LaTeX form, e.g. {@code "\sin\left({x}\right)"}
 * @param affine        whether f is affine (0 or x), so the inner map folds into c and d and is not searched
 * @param normalizer    rewrites (a, b, c, d) into a canonical equivalent set; identity when none is known
 */
public record SymbolicFunction(String name, int complexity, DoubleUnaryOperator function,
                               DoubleUnaryOperator derivative, String textTemplate, String javaTemplate,
                               String latexTemplate, boolean affine,
                               UnaryOperator<AffineParameters> normalizer) implements DoubleUnaryOperator {

    /** The placeholder for the argument in the templates. */
    public static final String ARGUMENT = "{x}";

    /** Relative step of the central difference that stands in for a user function's derivative. */
    static final double DIFFERENCE_STEP = 1e-6;

    /** Validates the fields. */
    public SymbolicFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(derivative, "derivative");
        Objects.requireNonNull(textTemplate, "textTemplate");
        Objects.requireNonNull(javaTemplate, "javaTemplate");
        Objects.requireNonNull(latexTemplate, "latexTemplate");
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
     * {@code SymbolicFunction.of("sinh", 3, Math::sinh, "sinh({x})", "Math.sinh({x})")}. Its derivative is
     * a central difference until {@link #withDerivative} gives the exact one; its LaTeX form is
     * {@code \operatorname{name}\left(...\right)} until {@link #withLatex} gives another.
     */
    public static SymbolicFunction of(String name, int complexity, DoubleUnaryOperator function,
                                      String textTemplate, String javaTemplate) {
        Objects.requireNonNull(function, "function");
        DoubleUnaryOperator difference = x -> {
            double h = DIFFERENCE_STEP * Math.max(1.0, Math.abs(x));
            return (function.applyAsDouble(x + h) - function.applyAsDouble(x - h)) / (2.0 * h);
        };
        return new SymbolicFunction(name, complexity, function, difference, textTemplate, javaTemplate,
                "\\operatorname{" + name + "}\\left(" + ARGUMENT + "\\right)", false, UnaryOperator.identity());
    }

    /** The same function with its exact derivative. */
    public SymbolicFunction withDerivative(DoubleUnaryOperator exact) {
        return new SymbolicFunction(name, complexity, function, exact, textTemplate, javaTemplate, latexTemplate,
                affine, normalizer);
    }

    /** The same function with another LaTeX template (containing {@code {x}}). */
    public SymbolicFunction withLatex(String template) {
        return new SymbolicFunction(name, complexity, function, derivative, textTemplate, javaTemplate, template,
                affine, normalizer);
    }

    @Override
    public double applyAsDouble(double x) {
        return function.applyAsDouble(x);
    }

    /** f'(x). */
    public double slope(double x) {
        return derivative.applyAsDouble(x);
    }

    /** The plain-text form with the given argument text. */
    public String text(String argument) {
        return textTemplate.replace(ARGUMENT, argument);
    }

    /** The Java-expression form with the given argument text. */
    public String java(String argument) {
        return javaTemplate.replace(ARGUMENT, argument);
    }

    /** The LaTeX form with the given argument (LaTeX) text. */
    public String latex(String argument) {
        return latexTemplate.replace(ARGUMENT, argument);
    }

    @Override
    public String toString() {
        return name + " (complexity " + complexity + ")";
    }
}
