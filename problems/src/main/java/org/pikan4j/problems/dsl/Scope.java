package org.pikan4j.problems.dsl;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * What an expression can read at a block of points: the fields by name, the coordinates, source
 * terms (Java functions of the point), constants and trainable coefficients. One scope serves one
 * evaluation; expressions from different scopes cannot be combined.
 */
public final class Scope {

    private final Schema schema;
    private final Points points;
    private final TermData data;
    private final boolean tracking;
    private final boolean fieldsAllowed;
    private final CoordinateExpression[] trial;
    private final String owner;
    private final Expr[] fields;
    private final FixedJets fixedJets;
    private Scope coordinateView;

    private Scope(Schema schema, Points points, TermData data, boolean tracking, boolean fieldsAllowed,
                  CoordinateExpression[] trial, String owner, FixedJets fixedJets) {
        this.schema = schema;
        this.fixedJets = fixedJets;
        this.points = points;
        this.data = data;
        this.tracking = tracking;
        this.fieldsAllowed = fieldsAllowed;
        this.trial = trial;
        this.owner = owner;
        this.fields = new Expr[schema.fields().size()];
    }

    /**
     * A scope on a block.
     *
     * @param tracking record which derivatives expressions read (the build-time dry run)
     * @param trial    closed-form fields replacing the network outputs and their transforms, or null
     * @param owner    what is being evaluated, for messages, e.g. {@code term "pde"}
     */
    static Scope of(Schema schema, Points points, TermData data, boolean tracking, CoordinateExpression[] trial,
                    String owner) {
        return new Scope(schema, points, data, tracking, true, trial, owner, null);
    }

    /**
     * A scope on a block of a term's points during training, keeping the output transforms' g and d in
     * {@code fixedJets} (they depend on the coordinates only) instead of computing them at every evaluation; with
     * null it computes them every time.
     */
    static Scope keeping(FixedJets fixedJets, Schema schema, Points points, TermData data, String owner) {
        return new Scope(schema, points, data, false, true, null, owner, fixedJets);
    }

    /** The first field (the only one of a scalar problem). */
    public Expr u() {
        return field(0);
    }

    /**
     * A field by name.
     *
     * @throws IllegalArgumentException naming the field and the problem's fields when unknown
     */
    public Expr field(String name) {
        return field(schema.fieldIndex(name));
    }

    Expr field(int k) {
        if (!fieldsAllowed) {
            throw new IllegalArgumentException(owner + " is an expression of the coordinates only and cannot read "
                    + "field \"" + schema.fields().get(k) + "\"");
        }
        if (fields[k] == null) {
            if (trial != null && trial[k] == null) {
                throw new IllegalArgumentException(owner + " reads field \"" + schema.fields().get(k)
                        + "\", but no trial solution was given for it");
            }
            fields[k] = trial != null ? evaluate(trial[k], "the trial solution of field \"" + schema.fields().get(k) + "\"")
                    : transformed(k, leaf(points.output(k)));
        }
        return fields[k];
    }

    private Expr transformed(int k, Expr raw) {
        Schema.OutputTransform t = schema.transforms().get(k);
        if (t == null) {
            return raw;
        }
        String what = "the output transform of field \"" + schema.fields().get(k) + "\"";
        return coordinatesOnly(2 * k, t.offset(), what + " (g in u = g + d*N)")
                .plus(coordinatesOnly(2 * k + 1, t.scale(), what + " (d in u = g + d*N)").times(raw));
    }

    /** An expression of the coordinates only, as part {@code part} of the kept jets where this scope keeps them. */
    private Expr coordinatesOnly(int part, CoordinateExpression e, String what) {
        if (fixedJets == null) {
            return evaluate(e, what);
        }
        return new Expr(this, fixedJets.jet(points, part, () -> evaluate(e, what).jet()), null);
    }

    /** Evaluates a coordinate expression on this block, checking what it returns. */
    Expr evaluate(CoordinateExpression e, String what) {
        if (coordinateView == null) {
            coordinateView = new Scope(schema, points, data, tracking, false, null, what, null);
        }
        Expr out = e.of(coordinateView);
        if (out == null) {
            throw new IllegalArgumentException(what + " returned null; it must return an expression");
        }
        checkSameBlock(out);
        return new Expr(this, out.jet(), out.reads());  // so that field(...) etc. on it reach this scope
    }

    /**
     * A coordinate by name, e.g. {@code coord("x")} or {@code coord("t")}.
     *
     * @throws IllegalArgumentException naming the coordinate and the valid names when unknown
     */
    public Expr coord(String name) {
        return x(schema.coordinateIndex(name));
    }

    /** Coordinate i (0 for x), as an expression with derivative 1 along itself. */
    public Expr x(int i) {
        if (i < 0 || i >= schema.coordinates().size()) {
            throw new IllegalArgumentException("coordinate index " + i + " is out of range in problem \""
                    + schema.problem() + "\"; valid are 0 to " + (schema.coordinates().size() - 1) + " for "
                    + schema.coordinates());
        }
        return leaf(points.coordinate(i));
    }

    /**
     * A source term: a Java function of the point's coordinates ({@code x[0]} is x), constant for
     * the derivatives (differentiating it gives zero, not its derivative).
     */
    public Expr source(ToDoubleFunction<double[]> f) {
        PointFunction checked = PointFunction.of(f, "a source term of " + owner, schema);
        double[] values = new double[points.size()];
        for (int n = 0; n < values.length; n++) {
            values[n] = checked.at(points.point(n), !tracking);
        }
        return leaf(points.constant(values));
    }

    /** A constant. */
    public Expr constant(double c) {
        double[] values = new double[points.size()];
        Arrays.fill(values, c);
        return leaf(points.constant(values));
    }

    /**
     * A trainable coefficient declared with {@code coefficient(name, initialValue)}.
     *
     * @throws IllegalArgumentException naming the coefficient and the declared ones when unknown
     */
    public Expr coefficient(String name) {
        return leaf(points.coefficient(schema.coefficientIndex(name)));
    }

    /**
     * The value of a fixed parameter declared with {@code parameter(name, value)}: a number, not trained, that a
     * solve may change between stages ({@link Problem#withParameter}), e.g. a viscosity eased towards its value.
     *
     * @throws IllegalArgumentException naming the parameter and the declared ones when unknown
     */
    public double parameter(String name) {
        return schema.parameter(name);
    }

    /**
     * The divergence {@code Σ_i ∂F_i/∂x_i} of a vector of expressions, one per spatial coordinate.
     *
     * @throws IllegalArgumentException when the number of components is not the spatial dimension
     */
    public Expr divergence(Expr... components) {
        List<String> spatial = schema.spatial();
        if (components.length != spatial.size()) {
            throw new IllegalArgumentException("divergence needs one component per spatial coordinate "
                    + spatial + ", got " + components.length);
        }
        Expr sum = null;
        for (int i = 0; i < components.length; i++) {
            Expr term = components[i].d(spatial.get(i));
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }

    /** All coordinate names, e.g. [x, y] or [x, t]. */
    public List<String> coordinateNames() {
        return schema.coordinates();
    }

    /** The spatial coordinate names (without t). */
    public List<String> spatialNames() {
        return schema.spatial();
    }

    /** The field names. */
    public List<String> fieldNames() {
        return schema.fields();
    }

    /** The outward normal derivative {@code Σ_i n_i ∂u/∂x_i} at boundary points. */
    Expr normalDerivative(Expr u) {
        Expr sum = null;
        for (String name : schema.spatial()) {
            int i = schema.coordinates().indexOf(name);
            Expr n = leaf(points.constant(data.slice(points, "outward normals", p -> data.normals()[p][i])));
            Expr term = n.times(u.d(name));
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }

    /** The observed values attached to data points. */
    Expr observed() {
        return leaf(points.constant(data.slice(points, "observed values", p -> data.values()[p])));
    }

    Expr leaf(Jet jet) {
        return new Expr(this, jet, tracking ? Set.of(MultiIndex.value(schema.coordinates().size())) : null);
    }

    void checkSameBlock(Expr e) {
        if (e.scope().points != points) {
            throw new IllegalArgumentException("an expression from another evaluation was used in " + owner
                    + "; build every expression inside its lambda from the scope it receives");
        }
    }

    Schema schema() {
        return schema;
    }
}
