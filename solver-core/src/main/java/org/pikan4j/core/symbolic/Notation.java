package org.pikan4j.core.symbolic;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a composed formula is written: plain text, a Java expression or LaTeX. Numbers keep seven
 * significant digits in every notation, so the three forms of one model agree.
 */
enum Notation {

    /** {@code 2.5*sin(3.141593*x + 0.5) - 1.0}. */
    TEXT,
    /** {@code 2.5*Math.sin(3.141593*x + 0.5) - 1.0}. */
    JAVA,
    /** {@code 2.5 \sin\left(3.141593 x + 0.5\right) - 1.0}. */
    LATEX;

    /** f around an argument. */
    String apply(SymbolicFunction f, String argument) {
        return switch (this) {
            case TEXT -> f.text(argument);
            case JAVA -> f.java(argument);
            case LATEX -> f.latex(argument);
        };
    }

    /** The product of a number (already written) and a factor. */
    String times(String number, String factor) {
        return this == LATEX ? number + " " + factor : number + "*" + factor;
    }

    /** An expression in parentheses. */
    String group(String expression) {
        return this == LATEX ? "\\left(" + expression + "\\right)" : "(" + expression + ")";
    }

    /** Input i of n: x, y, z, or x1 .. xn beyond three (x_{1} in LaTeX). */
    String variable(int i, int n) {
        if (n <= 3) {
            return String.valueOf("xyz".charAt(i));
        }
        return this == LATEX ? "x_{" + (i + 1) + "}" : "x" + (i + 1);
    }

    /** A non-negative number with seven significant digits: a valid Java literal, or LaTeX with ×10^e. */
    String number(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros();
        double m = Math.abs(v);
        String s = m >= 1e-4 && m < 1e7 ? d.toPlainString() : d.toString();
        s = s.contains(".") || s.contains("E") ? s : s + ".0";
        if (this == LATEX && s.contains("E")) {
            String[] parts = s.split("E");
            return parts[0] + " \\cdot 10^{" + Integer.parseInt(parts[1]) + "}";
        }
        return s;
    }
}
