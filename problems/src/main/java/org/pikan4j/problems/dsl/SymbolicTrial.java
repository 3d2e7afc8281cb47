package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.pikan4j.core.optim.LeastSquaresObjective;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.symbolic.SymbolicAlgebra;
import org.pikan4j.core.symbolic.SymbolicFunction;
import org.pikan4j.core.symbolic.SymbolicLibrary;
import org.pikan4j.core.symbolic.SymbolicModel;
import org.pikan4j.core.tensor.DerivativeSet;

/**
 * A symbolic model read out of a trained KAN, put back into its problem: its outputs become the fields
 * (through the problem's output transforms, as the network's outputs would), so the problem's own terms
 * judge the formula with exact derivatives, and its free parameters can be fine-tuned against the PDE and
 * conditions themselves, not only against the spline network it imitated. Fine-tuning is
 * Levenberg-Marquardt on the terms' residuals {@code sqrt(w_t / N_t)·r_t} (whose sum of squares is the PINN
 * loss) with a central-difference Jacobian in the few free parameters; the residuals themselves are exact,
 * so the optimum is the formula's true least-squares fit.
 */
public final class SymbolicTrial {

    /** Relative step of the central differences in the free parameters. */
    static final double STEP = 1e-6;

    /** Jet forms of the standard library's smooth functions, by name. */
    private static final Map<String, UnaryOperator<Expr>> FORMS = forms();

    private SymbolicTrial() {
    }

    private static Map<String, UnaryOperator<Expr>> forms() {
        Map<String, UnaryOperator<Expr>> f = new LinkedHashMap<>();
        f.put("0", a -> a.times(0.0));
        f.put("x", a -> a);
        f.put("x^2", Expr::square);
        f.put("x^3", a -> a.pow(3));
        f.put("x^4", a -> a.pow(4));
        f.put("1/x", a -> a.pow(-1));
        f.put("sqrt", Expr::sqrt);
        f.put("exp", Expr::exp);
        f.put("log", Expr::log);
        f.put("sin", Expr::sin);
        f.put("cos", Expr::cos);
        f.put("tan", a -> a.sin().div(a.cos()));
        f.put("tanh", Expr::tanh);
        f.put("gaussian", a -> a.square().negate().exp());
        return f;
    }

    /**
     * The model's outputs as the problem's fields: output k is field k, passed through the field's output
     * transform if it has one.
     *
     * @throws IllegalArgumentException when the model's widths do not fit the problem
     */
    public static Map<String, CoordinateExpression> fields(Problem problem, SymbolicModel model) {
        Schema schema = problem.schema();
        if (model.inputDimension() != schema.coordinates().size()
                || model.outputDimension() != schema.fields().size()) {
            throw new IllegalArgumentException("a model with " + model.inputDimension() + " inputs and "
                    + model.outputDimension() + " outputs does not fit problem \"" + problem.name() + "\" (coordinates "
                    + schema.coordinates() + ", fields " + schema.fields() + ")");
        }
        Map<String, CoordinateExpression> fields = new LinkedHashMap<>();
        for (int k = 0; k < schema.fields().size(); k++) {
            int output = k;
            Schema.OutputTransform t = schema.transforms().get(k);
            CoordinateExpression raw = s -> evaluate(model, s).get(output);
            fields.put(schema.fields().get(k), t == null ? raw
                    : s -> t.offset().of(s).plus(t.scale().of(s).times(raw.of(s))));
        }
        return fields;
    }

    private static List<Expr> evaluate(SymbolicModel model, Scope s) {
        List<Expr> inputs = new ArrayList<>();
        for (int i = 0; i < model.inputDimension(); i++) {
            inputs.add(s.x(i));
        }
        return model.compose(inputs, new SymbolicAlgebra<>() {
            @Override
            public Expr constant(double c) {
                return s.constant(c);
            }

            @Override
            public Expr plus(Expr a, Expr b) {
                return a.plus(b);
            }

            @Override
            public Expr times(Expr a, double k) {
                return a.times(k);
            }

            @Override
            public Expr apply(SymbolicFunction f, Expr a) {
                return form(f).apply(a);
            }
        });
    }

    /** The jet form of a standard function; user functions and abs (not smooth at 0) have none. */
    private static UnaryOperator<Expr> form(SymbolicFunction f) {
        UnaryOperator<Expr> form = FORMS.get(f.name());
        boolean standard = SymbolicLibrary.standard().functions().contains(f);
        if (form == null || !standard) {
            throw new IllegalArgumentException("function " + f.name() + " has no exact derivatives here; a formula"
                    + " put back into a PDE may use the standard library's " + FORMS.keySet());
        }
        return form;
    }

    /**
     * The fields of the model at points, output transforms applied: {@code values[field][point]}, to compare
     * with exact solutions as a trained network's fields are.
     *
     * @throws IllegalArgumentException when the model does not fit the problem, uses a function without exact
     *                                  derivatives, or there are no points
     */
    public static double[][] fieldValues(Problem problem, SymbolicModel model, double[][] points) {
        if (points.length == 0) {
            throw new IllegalArgumentException("fieldValues needs at least one point, got none");
        }
        Schema schema = problem.schema();
        CoordinateExpression[] trial = fields(problem, model).values().toArray(new CoordinateExpression[0]);
        DerivativeSet valueOnly = DerivativeSet.valueOnly(schema.coordinates().size());
        double[][] values = new double[schema.fields().size()][points.length];
        for (int k = 0; k < values.length; k++) {
            Points at = Points.onTape(points, valueOnly, 0.0, problem.coefficientInitialValues());
            Expr u = Scope.of(schema, at, TermData.NONE, false, trial, "the symbolic model").field(k);
            for (int n = 0; n < points.length; n++) {
                values[k][n] = u.jet().value(n);
            }
        }
        return values;
    }

    /**
     * The PINN loss {@code Σ_t w_t mean r_t²} of the model on the discretization's points.
     *
     * @throws IllegalArgumentException when the model does not fit the problem or uses a function without
     *                                  exact derivatives
     */
    public static double loss(Discretization discretization, SymbolicModel model) {
        double[] r = residuals(discretization, model);
        double sum = 0.0;
        for (double v : r) {
            sum += v * v;
        }
        return sum;
    }

    /**
     * Fine-tunes the model's free parameters against the problem's terms.
     *
     * @param discretization the problem on its collocation points; coefficients take their initial values
     * @param model          the model, e.g. read out of the trained KAN and fine-tuned to its values first
     * @param optimizer      the Levenberg-Marquardt configuration
     * @return the fitted model
     * @throws IllegalArgumentException when the model does not fit the problem, uses a function without exact
     *                                  derivatives, or the problem has trainable coefficients
     */
    public static SymbolicModel fineTune(Discretization discretization, SymbolicModel model,
                                         LevenbergMarquardt optimizer) {
        Problem problem = discretization.problem();
        if (!problem.coefficientNames().isEmpty()) {
            throw new IllegalArgumentException("problem \"" + problem.name() + "\" has trainable coefficients "
                    + problem.coefficientNames() + "; fine-tuning a formula against it would hold them at their"
                    + " initial values");
        }
        int count = residuals(discretization, model).length;
        double[] p = model.parameters();
        optimizer.minimize(new LeastSquaresObjective() {
            @Override
            public int residualCount() {
                return count;
            }

            @Override
            public int parameterCount() {
                return p.length;
            }

            @Override
            public void evaluate(double[] theta, double[] residuals, double[][] jacobian) {
                System.arraycopy(residuals(discretization, model.withParameters(theta)), 0, residuals, 0, count);
                for (int q = 0; q < theta.length; q++) {
                    double h = STEP * Math.max(1.0, Math.abs(theta[q]));
                    double[] plus = theta.clone();
                    double[] minus = theta.clone();
                    plus[q] += h;
                    minus[q] -= h;
                    double[] up = residuals(discretization, model.withParameters(plus));
                    double[] down = residuals(discretization, model.withParameters(minus));
                    for (int i = 0; i < count; i++) {
                        jacobian[i][q] = (up[i] - down[i]) / (2.0 * h);
                    }
                }
            }
        }, p);
        return model.withParameters(p);
    }

    /** All terms' residuals, each scaled by sqrt(w / N), stacked in term order. */
    private static double[] residuals(Discretization discretization, SymbolicModel model) {
        Problem problem = discretization.problem();
        Map<String, double[]> byTerm = discretization.residualsOf(fields(problem, model));
        int size = byTerm.values().stream().mapToInt(r -> r.length).sum();
        double[] out = new double[size];
        int row = 0;
        for (Map.Entry<String, double[]> e : byTerm.entrySet()) {
            double scale = Math.sqrt(problem.weight(e.getKey()) / e.getValue().length);
            for (double v : e.getValue()) {
                out[row++] = scale * v;
            }
        }
        return out;
    }
}
