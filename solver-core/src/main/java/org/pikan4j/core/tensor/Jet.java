package org.pikan4j.core.tensor;

import java.util.List;

/**
 * A scalar quantity with its partial derivatives at every point of a block, recorded on a
 * {@link JetTape}: the value type of residual expressions. Arithmetic and elementary functions
 * propagate every derivative component exactly (product rule, Faà di Bruno); {@link #d}
 * takes a derivative. Operands with different derivative sets meet on their common components.
 */
public final class Jet {

    private final JetTape tape;
    private final DerivativeSet set;
    final double[] values;   // [point][component]
    final double[] adjoint;

    Jet(JetTape tape, DerivativeSet set) {
        this.tape = tape;
        this.set = set;
        this.values = tape.zeros(tape.points() * set.size());
        this.adjoint = tape.zeros(values.length);
    }

    /** The derivative components this jet carries. */
    public DerivativeSet set() {
        return set;
    }

    /** Values and derivatives of every point, laid out [point][component] (a copy, for {@link JetTape#fixed}). */
    public double[] copyOfValues() {
        return values.clone();
    }

    /** The value at point n. */
    public double value(int n) {
        return values[n * set.size()];
    }

    /** One derivative at point n. */
    public double component(int n, MultiIndex derivative) {
        return values[n * set.size() + set.indexOf(derivative)];
    }

    /** Adds to the adjoint of the value at point n (to seed the reverse sweep). */
    public void addValueAdjoint(int n, double seed) {
        adjoint[n * set.size()] += seed;
    }

    /** Adjoint of one component at point n, after {@link JetTape#backward}. */
    public double adjoint(int n, int component) {
        return adjoint[n * set.size() + component];
    }

    // ---- derivatives --------------------------------------------------------------------

    /**
     * The derivative along {@code alpha}, itself a jet of the derivatives that remain:
     * {@code u.d(xx)} of a jet carrying up to u_xxxx carries u_xx, u_xxx, u_xxxx.
     *
     * @throws IllegalArgumentException when the derivative is not propagated
     */
    public Jet d(MultiIndex alpha) {
        set.indexOf(alpha);   // refuses, naming what is available, a derivative this jet does not carry
        return gather(set.shift(alpha), set.shiftSources(alpha));
    }

    /** The derivative written with coordinate names, e.g. {@code u.d("xy", names)}. */
    public Jet d(String derivative, List<String> coordinateNames) {
        return d(MultiIndex.parse(derivative, coordinateNames));
    }

    private Jet restrictTo(DerivativeSet target) {
        if (target == set || target.equals(set)) {
            return this;
        }
        int[] source = new int[target.size()];
        for (int k = 0; k < source.length; k++) {
            source[k] = set.indexOf(target.component(k));
        }
        return gather(target, source);
    }

    private Jet gather(DerivativeSet target, int[] source) {
        Jet out = new Jet(tape, target);
        int cIn = set.size();
        int cOut = target.size();
        int points = tape.points();
        for (int n = 0; n < points; n++) {
            for (int k = 0; k < cOut; k++) {
                out.values[n * cOut + k] = values[n * cIn + source[k]];
            }
        }
        tape.record(() -> {
            for (int n = 0; n < points; n++) {
                for (int k = 0; k < cOut; k++) {
                    adjoint[n * cIn + source[k]] += out.adjoint[n * cOut + k];
                }
            }
        });
        return out;
    }

    // ---- arithmetic ---------------------------------------------------------------------

    /** this + other. */
    public Jet plus(Jet other) {
        return linear(other, 1.0, 1.0);
    }

    /** this - other. */
    public Jet minus(Jet other) {
        return linear(other, 1.0, -1.0);
    }

    /** a·this + b·other, componentwise. */
    private Jet linear(Jet other, double a, double b) {
        DerivativeSet common = set.intersect(other.set);
        Jet x = restrictTo(common);
        Jet y = other.restrictTo(common);
        Jet out = new Jet(tape, common);
        for (int p = 0; p < out.values.length; p++) {
            out.values[p] = a * x.values[p] + b * y.values[p];
        }
        tape.record(() -> {
            for (int p = 0; p < out.values.length; p++) {
                x.adjoint[p] += a * out.adjoint[p];
                y.adjoint[p] += b * out.adjoint[p];
            }
        });
        return out;
    }

    /** this · other, by the product rule on every component. */
    public Jet times(Jet other) {
        DerivativeSet common = set.intersect(other.set);
        Jet x = restrictTo(common);
        Jet y = other.restrictTo(common);
        Jet out = new Jet(tape, common);
        LeibnizTable rule = common.productRule();
        int c = common.size();
        int points = tape.points();
        for (int n = 0; n < points; n++) {
            rule.multiply(x.values, n * c, 1, y.values, n * c, 1, out.values, n * c, 1);
        }
        tape.record(() -> {
            for (int n = 0; n < points; n++) {
                rule.multiplyBackward(x.values, n * c, 1, y.values, n * c, 1, out.adjoint, n * c, 1,
                        x.adjoint, y.adjoint);
            }
        });
        return out;
    }

    /** this / other. */
    public Jet div(Jet other) {
        return times(other.apply(Functions.power(-1.0)));
    }

    /** this + s. */
    public Jet plus(double s) {
        return affine(1.0, s);
    }

    /** this - s. */
    public Jet minus(double s) {
        return affine(1.0, -s);
    }

    /** s · this. */
    public Jet times(double s) {
        return affine(s, 0.0);
    }

    /** -this. */
    public Jet negate() {
        return affine(-1.0, 0.0);
    }

    /** a·this + b (b only on the value). */
    private Jet affine(double a, double b) {
        Jet out = new Jet(tape, set);
        int c = set.size();
        for (int p = 0; p < values.length; p++) {
            out.values[p] = a * values[p] + (p % c == 0 ? b : 0.0);
        }
        tape.record(() -> {
            for (int p = 0; p < values.length; p++) {
                adjoint[p] += a * out.adjoint[p];
            }
        });
        return out;
    }

    // ---- elementary functions -----------------------------------------------------------

    /** this^p. */
    public Jet pow(double p) {
        return apply(Functions.power(p));
    }

    /** this². */
    public Jet square() {
        return times(this);
    }

    /** sqrt(this). */
    public Jet sqrt() {
        return apply(Functions.SQRT);
    }

    /** sin(this). */
    public Jet sin() {
        return apply(Functions.SIN);
    }

    /** cos(this). */
    public Jet cos() {
        return apply(Functions.COS);
    }

    /** exp(this). */
    public Jet exp() {
        return apply(Functions.EXP);
    }

    /** log(this). */
    public Jet log() {
        return apply(Functions.LOG);
    }

    /** tanh(this). */
    public Jet tanh() {
        return apply(Functions.TANH);
    }

    /** f(this) for any function with derivatives, by Faà di Bruno's formula. */
    public Jet apply(ScalarFunction f) {
        Jet out = new Jet(tape, set);
        FaaDiBrunoTable chain = set.chainRule();
        int c = set.size();
        int orders = set.maxOrder() + 1;
        int points = tape.points();
        double[] p = tape.zeros(chain.polynomialLength());
        double[] derivatives = tape.zeros(orders + 1);
        for (int n = 0; n < points; n++) {
            chain.polynomials(values, n * c, 1, p);
            f.derivatives(values[n * c], orders - 1, derivatives);
            chain.compose(derivatives, p, out.values, n * c, 1);
        }
        tape.record(() -> {
            double[] pAdjoint = tape.zeros(chain.polynomialLength());
            for (int n = 0; n < points; n++) {
                chain.polynomials(values, n * c, 1, p);
                f.derivatives(values[n * c], orders, derivatives);
                chain.composeBackward(derivatives, p, values, n * c, 1, out.adjoint, n * c, 1,
                        adjoint, n * c, 1, pAdjoint);
            }
        });
        return out;
    }
}
