package org.pikan4j.core.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a composed symbolic model as one expression per output, simplified on the way: a hidden node
 * that enters a function's argument (or a linear term) is expanded in place with the outer scale and shift
 * distributed over its terms, equal terms of one input are merged, and each function's canonical
 * equivalent is taken (e.g. {@code exp(u + b) = e^b exp(u)}, a sine's shift within ±π/2), so a
 * KAN [2, 1, 1] reads {@code exp(sin(πx) + y²)} rather than a nest of affine maps. The expression is
 * equal to the model up to the seven digits printed.
 */
final class FormulaWriter {

    /** Shifts below this are printed as none: rounding noise of fitted parameters. */
    static final double NEGLIGIBLE_SHIFT = 1e-9;

    /** One summand {@code coef·body}, body atomic (an input name or a function application). */
    private record Part(double coef, String body) {
    }

    /** {@code constant + Σ parts}. */
    private record Expansion(double constant, List<Part> parts) {
    }

    private final int inputs;
    private final List<NodeSum[]> layers;
    private final Notation notation;

    FormulaWriter(int inputs, List<NodeSum[]> layers, Notation notation) {
        this.inputs = inputs;
        this.layers = layers;
        this.notation = notation;
    }

    /** One line per output. */
    String write() {
        int depth = layers.size();
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < layers.get(depth - 1).length; k++) {
            lines.add(render(expand(depth, k, 1.0, 0.0)));
        }
        return String.join("\n", lines);
    }

    /** {@code scale·u + shift} for unit u of a level (0: the inputs). */
    private Expansion expand(int level, int unit, double scale, double shift) {
        List<Part> parts = new ArrayList<>();
        if (level == 0) {
            add(parts, new Part(scale, notation.variable(unit, inputs)));
            return new Expansion(shift, parts);
        }
        NodeSum node = layers.get(level - 1)[unit];
        double constant = scale * node.constant() + shift;
        for (NodeSum.Term t : node.terms()) {
            if (t.function() == null) {
                Expansion inner = expand(level - 1, t.input(), scale * t.coef(), 0.0);
                constant += inner.constant();
                inner.parts().forEach(p -> add(parts, p));
            } else {
                Expansion inner = expand(level - 1, t.input(), t.a(), t.b());
                // the argument is A·body + B with a single part, else 1·(sum) + B
                boolean single = inner.parts().size() == 1;
                double a = single ? inner.parts().get(0).coef() : 1.0;
                AffineParameters p = t.function().normalizer()
                        .apply(new AffineParameters(a, inner.constant(), scale * t.coef(), 0.0));
                constant += p.d();
                String argument;
                if (single) {
                    argument = render(new Expansion(p.b(), List.of(new Part(p.a(), inner.parts().get(0).body()))));
                } else if (p.a() == 1.0) {
                    argument = render(new Expansion(p.b(), inner.parts()));
                } else {
                    // a normalizer that rescales a sum: keep the argument as it was
                    argument = render(inner);
                    p = new AffineParameters(1.0, inner.constant(), scale * t.coef(), 0.0);
                }
                add(parts, new Part(p.c(), notation.apply(t.function(), argument)));
            }
        }
        return new Expansion(constant, parts);
    }

    /** Adds a part, merging it into an equal body already there. */
    private static void add(List<Part> parts, Part part) {
        for (int q = 0; q < parts.size(); q++) {
            if (parts.get(q).body().equals(part.body())) {
                parts.set(q, new Part(parts.get(q).coef() + part.coef(), part.body()));
                return;
            }
        }
        parts.add(part);
    }

    private String render(Expansion e) {
        StringBuilder s = new StringBuilder();
        for (Part p : e.parts()) {
            if (Math.abs(p.coef()) >= NodeSum.DROP) {
                appendSigned(s, p.coef(), p.body());
            }
        }
        double c = e.constant();
        if (Math.abs(c) >= NEGLIGIBLE_SHIFT && (Math.abs(c) >= NodeSum.DROP || s.length() > 0) || s.length() == 0) {
            appendSigned(s, Math.abs(c) < NEGLIGIBLE_SHIFT ? 0.0 : c, null);
        }
        return s.toString();
    }

    /** Appends {@code ± |k|*body} (or {@code ± |k|} alone when body is null). */
    private void appendSigned(StringBuilder s, double k, String body) {
        boolean negative = k < 0;
        if (s.length() > 0) {
            s.append(negative ? " - " : " + ");
        } else if (negative) {
            s.append("-");
        }
        String number = notation.number(Math.abs(k));
        if (body == null) {
            s.append(number);
        } else if (number.equals("1.0")) {
            s.append(body);
        } else {
            s.append(notation.times(number, body));
        }
    }
}
