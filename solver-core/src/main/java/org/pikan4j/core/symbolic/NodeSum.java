package org.pikan4j.core.symbolic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One output node of a symbolic layer, simplified: a constant (all the d's and the constant parts of
 * affine edges combined) plus one term {@code k·f(a·u_i + b)} or {@code k·u_i} per remaining edge.
 * Terms with |c| below {@link #DROP}, and a combined constant below it, are left out. Package-private: both {@link SymbolicEdges#formula()}
 * and {@link SymbolicEdges#evaluate(double[])} read it, so text and numbers agree.
 */
final class NodeSum {

    /** Edges whose outer scale is smaller than this contribute only their d. */
    static final double DROP = 1e-6;

    /** One term; {@code function == null} means the linear term {@code coef·u_input}. */
    record Term(double coef, SymbolicFunction function, double a, double b, int input) {
    }

    private final double constant;
    private final List<Term> terms;

    private NodeSum(double constant, List<Term> terms) {
        this.constant = constant;
        this.terms = List.copyOf(terms);
    }

    /** The node fed by the given fits, {@code fits[k]} on the edge from input {@code inputs[k]}. */
    static NodeSum of(SymbolicFit[] fits, int[] inputs) {
        double constant = 0.0;
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < fits.length; i++) {
            SymbolicFit fit = fits[i];
            SymbolicFunction f = fit.function();
            constant += fit.d();
            if (f.affine()) {
                double f0 = f.applyAsDouble(0.0);
                double slope = f.applyAsDouble(1.0) - f0;
                constant += fit.c() * (f0 + slope * fit.b());
                double k = fit.c() * slope * fit.a();
                if (Math.abs(k) >= DROP) {
                    terms.add(new Term(k, null, 1.0, 0.0, inputs[i]));
                }
            } else if (Math.abs(fit.c()) >= DROP) {
                terms.add(new Term(fit.c(), f, fit.a(), fit.b(), inputs[i]));
            }
        }
        return new NodeSum(Math.abs(constant) < DROP ? 0.0 : constant, terms);
    }

    /** The node's value for the given inputs. */
    double evaluate(double[] u) {
        double sum = constant;
        for (Term t : terms) {
            double x = u[t.input()];
            sum += t.coef() * (t.function() == null ? x : t.function().applyAsDouble(t.a() * x + t.b()));
        }
        return sum;
    }

    /**
     * The node as text.
     *
     * @param inputs    the input expressions
     * @param atomic    whether each input expression needs no parentheses
     * @param apply     renders a function around an argument (text or Java template)
     */
    String render(String[] inputs, boolean[] atomic, BiFunction<SymbolicFunction, String, String> apply) {
        StringBuilder s = new StringBuilder();
        for (Term t : terms) {
            String u = inputs[t.input()];
            String wrapped = atomic[t.input()] ? u : "(" + u + ")";
            String body = t.function() == null ? wrapped
                    : apply.apply(t.function(), argument(t.a(), t.b(), u, wrapped));
            appendSigned(s, t.coef(), body);
        }
        if (constant != 0.0 || s.length() == 0) {
            appendSigned(s, constant, null);
        }
        return s.toString();
    }

    private static String argument(double a, double b, String u, String wrapped) {
        String scaled = a == 1.0 ? u : a == -1.0 ? "-" + wrapped : number(a) + "*" + wrapped;
        if (b == 0.0) {
            return scaled;
        }
        return scaled + (b < 0 ? " - " : " + ") + number(Math.abs(b));
    }

    /** Appends {@code ± |k|*body} (or {@code ± |k|} alone when body is null). */
    private static void appendSigned(StringBuilder s, double k, String body) {
        boolean negative = k < 0;
        double m = Math.abs(k);
        if (s.length() > 0) {
            s.append(negative ? " - " : " + ");
        } else if (negative) {
            s.append("-");
        }
        if (body == null) {
            s.append(number(m));
        } else if (number(m).equals("1.0")) {
            s.append(body);
        } else {
            s.append(number(m)).append("*").append(body);
        }
    }

    /** Seven significant digits, plain notation where reasonable, valid as text and as a Java literal. */
    static String number(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros();
        double m = Math.abs(v);
        String s = m >= 1e-4 && m < 1e7 ? d.toPlainString() : d.toString();
        return s.contains(".") || s.contains("E") ? s : s + ".0";
    }
}
