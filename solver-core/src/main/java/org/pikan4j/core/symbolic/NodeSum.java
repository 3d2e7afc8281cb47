package org.pikan4j.core.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * One output node of a symbolic layer, simplified: a constant (all the d's and the constant parts of
 * affine edges combined) plus one term {@code k·f(a·u_i + b)} or {@code k·u_i} per remaining edge.
 * Terms with |c| below {@link #DROP}, and a combined constant below it, are left out. Its free
 * parameters, in order, are the constant, then per term k and, for a function term, a and b: the
 * non-redundant set that fine-tuning adjusts. Package-private: {@link SymbolicModel} composes these and
 * {@link FormulaWriter} writes them, so text, numbers and gradients agree.
 */
final class NodeSum {

    /** Edges whose outer scale is smaller than this contribute only their d. */
    static final double DROP = 1e-6;

    /** One term; {@code function == null} means the linear term {@code coef·u_input}. */
    record Term(double coef, SymbolicFunction function, double a, double b, int input) {

        int parameterCount() {
            return function == null ? 1 : 3;
        }
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

    /** Number of free parameters. */
    int parameterCount() {
        int count = 1;
        for (Term t : terms) {
            count += t.parameterCount();
        }
        return count;
    }

    /** Writes the free parameters from {@code offset}; returns the offset after them. */
    int parameters(double[] p, int offset) {
        p[offset++] = constant;
        for (Term t : terms) {
            p[offset++] = t.coef();
            if (t.function() != null) {
                p[offset++] = t.a();
                p[offset++] = t.b();
            }
        }
        return offset;
    }

    /** The same node with its free parameters read from {@code p} at {@code offset}; no term is dropped. */
    NodeSum withParameters(double[] p, int offset) {
        int q = offset + 1;
        List<Term> next = new ArrayList<>();
        for (Term t : terms) {
            if (t.function() == null) {
                next.add(new Term(p[q++], null, 1.0, 0.0, t.input()));
            } else {
                next.add(new Term(p[q], t.function(), p[q + 1], p[q + 2], t.input()));
                q += 3;
            }
        }
        return new NodeSum(p[offset], next);
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
     * Reverse sweep for an adjoint of the node's value: adds {@code adjoint·d(value)/du} into
     * {@code inputAdjoint} and {@code adjoint·d(value)/dp} into {@code parameterGradient} from {@code offset}.
     */
    void backward(double[] u, double adjoint, double[] inputAdjoint, double[] parameterGradient, int offset) {
        parameterGradient[offset] += adjoint;
        int q = offset + 1;
        for (Term t : terms) {
            double x = u[t.input()];
            if (t.function() == null) {
                parameterGradient[q++] += adjoint * x;
                inputAdjoint[t.input()] += adjoint * t.coef();
            } else {
                double z = t.a() * x + t.b();
                double slope = t.coef() * t.function().slope(z);
                parameterGradient[q] += adjoint * t.function().applyAsDouble(z);
                parameterGradient[q + 1] += adjoint * slope * x;
                parameterGradient[q + 2] += adjoint * slope;
                inputAdjoint[t.input()] += adjoint * slope * t.a();
                q += 3;
            }
        }
    }

    /** The constant. */
    double constant() {
        return constant;
    }

    /** The terms. */
    List<Term> terms() {
        return terms;
    }
}
