package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.pikan4j.problems.geometry.BoundarySelector;
import org.pikan4j.problems.geometry.Domain;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * Collects the parts of a {@link Problem}: domain, fields, PDEs, conditions, output transforms,
 * coefficients, parameters, weights and exact solutions. Names and lambdas are checked by {@link #build()},
 * which dry-runs every expression; each misuse is an {@link IllegalArgumentException} naming the
 * thing and what is valid. Methods without a field name are about the first field.
 */
public final class ProblemBuilder {

    /** A term before its field, name and derivatives are resolved. */
    private record Draft(String kind, String field, TermSpec.Body body, TermSpec.Where where,
                         BoundarySelector selector, TermData data) {
    }

    /** The residual of a data term: the field minus the observed value. */
    static final TermSpec.Body DATA_MISFIT = (s, k) -> s.field(k).minus(s.observed());

    private final String name;
    private Domain domain;
    private List<String> fields = List.of("u");
    private final Map<String, Double> coefficients = new LinkedHashMap<>();
    private final Map<String, Double> parameters = new LinkedHashMap<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Schema.OutputTransform> transforms = new LinkedHashMap<>();
    private final List<Map.Entry<String, Double>> weights = new ArrayList<>();
    private final Map<String, ToDoubleFunction<double[]>> exact = new LinkedHashMap<>();
    private final Set<String> periodic = new LinkedHashSet<>();
    private final Set<String> embedded = new LinkedHashSet<>();
    private final List<ConservationLaw> laws = new ArrayList<>();

    ProblemBuilder(String name) {
        this.name = name;
    }

    /** The domain (space, or space-time for initial conditions). */
    public ProblemBuilder domain(Domain d) {
        this.domain = notNull("domain", d);
        return this;
    }

    /** The field names, e.g. {@code fields("u", "v", "p")}: field k is network output k. Default {@code u}. */
    public ProblemBuilder fields(String... names) {
        notNull("field names", names);
        if (names.length == 0) {
            throw new IllegalArgumentException("fields(...) needs at least one field name, got none");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String f : names) {
            if (f == null || f.isBlank() || !seen.add(f)) {
                throw new IllegalArgumentException("field names must be non-blank and distinct, got "
                        + Arrays.toString(names));
            }
        }
        this.fields = List.copyOf(seen);
        return this;
    }

    /**
     * A trainable PDE coefficient (inverse problems), read with {@code coefficient(name)} in
     * expressions; coefficients follow the network's parameters in declaration order.
     */
    public ProblemBuilder coefficient(String coefficientName, double initialValue) {
        if (coefficientName == null || coefficientName.isBlank() || coefficients.containsKey(coefficientName)) {
            throw new IllegalArgumentException("coefficient names must be non-blank and distinct, got \""
                    + coefficientName + "\" with " + coefficients.keySet() + " declared");
        }
        if (parameters.containsKey(coefficientName)) {
            throw new IllegalArgumentException("coefficient \"" + coefficientName + "\" has the name of a fixed"
                    + " parameter; coefficient names must be distinct from the parameters " + parameters.keySet());
        }
        if (!Double.isFinite(initialValue)) {
            throw new IllegalArgumentException("initial value of coefficient \"" + coefficientName
                    + "\" must be finite, got " + initialValue);
        }
        coefficients.put(coefficientName, initialValue);
        return this;
    }

    /**
     * A fixed named parameter of the equations, read with {@code parameter(name)} in expressions (e.g. a viscosity):
     * unlike a {@link #coefficient} it is not trained, but a solve can change it between stages with
     * {@link Problem#withParameter} (a continuation from an easier problem).
     *
     * @param parameterName non-blank, distinct from the other parameters and the coefficients
     * @param value         finite
     * @throws IllegalArgumentException naming the parameter and the value otherwise
     */
    public ProblemBuilder parameter(String parameterName, double value) {
        if (parameterName == null || parameterName.isBlank() || parameters.containsKey(parameterName)
                || coefficients.containsKey(parameterName)) {
            throw new IllegalArgumentException("parameter names must be non-blank and distinct from the other"
                    + " parameters and the coefficients, got \"" + parameterName + "\" with parameters "
                    + parameters.keySet() + " and coefficients " + coefficients.keySet() + " declared");
        }
        parameters.put(parameterName, Schema.finiteValue(parameterName, value));
        return this;
    }

    /** A PDE residual in terms of the first field; its term is named "pde". */
    public ProblemBuilder pde(FieldEquation equation) {
        return pde(null, equation);
    }

    /** A PDE residual in terms of the named field; its term is named "pde[field]". */
    public ProblemBuilder pde(String field, FieldEquation equation) {
        notNull("equation", equation);
        return add("pde", field, (s, k) -> equation.residual(s.field(k)), TermSpec.Where.INTERIOR, null, null);
    }

    /**
     * Makes every field exactly periodic along a spatial coordinate c of the domain's bounding box
     * {@code [lo, hi]} by construction instead of by loss terms: the network must see c only through
     * the embedding {@code cos(2πc/L), sin(2πc/L)}, L = hi - lo (see {@link Problem#embedding()}), so
     * its output and all its derivatives match on the two faces and the problem has no periodic term.
     * Unlike {@link #periodic(String)} this combines with an output transform {@code g + d·N}; the
     * field is then as periodic as g and d are (value-periodic g and d give a value-periodic field).
     *
     * @throws IllegalArgumentException when the coordinate is null, not spatial (checked by
     *                                  {@link #build()}) or already periodic
     */
    public ProblemBuilder periodicByEmbedding(String coordinate) {
        notNull("periodic coordinate", coordinate);
        if (periodic.contains(coordinate) || !embedded.add(coordinate)) {
            throw new IllegalArgumentException("coordinate \"" + coordinate + "\" was already made periodic; a"
                    + " coordinate is made periodic once, by periodic(...) or by periodicByEmbedding(...)");
        }
        return this;
    }

    /** Dirichlet condition {@code u = g(x)} on a boundary selection. */
    public ProblemBuilder dirichlet(BoundarySelector on, ToDoubleFunction<double[]> g) {
        return dirichlet(null, on, g);
    }

    /** Dirichlet condition on the named field. */
    public ProblemBuilder dirichlet(String field, BoundarySelector on, ToDoubleFunction<double[]> g) {
        notNull("g", g);
        return add("dirichlet", field, (s, k) -> s.field(k).minus(s.source(g)), TermSpec.Where.BOUNDARY, on, null);
    }

    /** Neumann condition {@code ∂u/∂n = g(x)} with the outward normal of the boundary sample. */
    public ProblemBuilder neumann(BoundarySelector on, ToDoubleFunction<double[]> g) {
        return neumann(null, on, g);
    }

    /** Neumann condition on the named field. */
    public ProblemBuilder neumann(String field, BoundarySelector on, ToDoubleFunction<double[]> g) {
        notNull("g", g);
        return add("neumann", field, (s, k) -> s.normalDerivative(s.field(k)).minus(s.source(g)),
                TermSpec.Where.BOUNDARY, on, null);
    }

    /** Robin condition {@code a·u + b·∂u/∂n = g(x)}, a and b not both zero. */
    public ProblemBuilder robin(BoundarySelector on, double a, double b, ToDoubleFunction<double[]> g) {
        return robin(null, on, a, b, g);
    }

    /** Robin condition on the named field. */
    public ProblemBuilder robin(String field, BoundarySelector on, double a, double b, ToDoubleFunction<double[]> g) {
        notNull("g", g);
        if (!Double.isFinite(a) || !Double.isFinite(b) || (a == 0.0 && b == 0.0)) {
            throw new IllegalArgumentException("robin needs finite a and b, not both zero, got a = " + a + ", b = " + b);
        }
        return add("robin", field, (s, k) -> s.field(k).times(a).plus(s.normalDerivative(s.field(k)).times(b))
                .minus(s.source(g)), TermSpec.Where.BOUNDARY, on, null);
    }

    /**
     * Makes every field periodic along a spatial coordinate c of the domain's bounding box
     * {@code [lo, hi]}: boundary points p sampled on the face {@code c = lo} are paired with p moved
     * to {@code c = hi} (suits Interval, Rectangle, Box and SpaceTime of those). Each field gets two
     * terms in group "boundary", after the other terms: the value mismatch {@code u(p) - u(p')},
     * named "periodic[x]", and the first-derivative mismatch {@code u_c(p) - u_c(p')}, named
     * "periodic[x]'" (with the field, "periodic[v, x]", when there are several fields).
     *
     * @param coordinate a spatial coordinate name (not the time), checked by {@link #build()}
     * @throws IllegalArgumentException when the coordinate is null or already periodic
     */
    public ProblemBuilder periodic(String coordinate) {
        notNull("periodic coordinate", coordinate);
        if (embedded.contains(coordinate) || !periodic.add(coordinate)) {
            throw new IllegalArgumentException("periodic(\"" + coordinate + "\") was already given; a coordinate is"
                    + " made periodic once (for every field)");
        }
        return this;
    }

    /** Initial value {@code u(x, t0) = g(x)} on a space-time domain; g receives the point {@code (x, t0)}. */
    public ProblemBuilder initial(ToDoubleFunction<double[]> g) {
        return initial(null, g);
    }

    /** Initial value of the named field. */
    public ProblemBuilder initial(String field, ToDoubleFunction<double[]> g) {
        notNull("g", g);
        return add("initial", field, (s, k) -> s.field(k).minus(s.source(g)), TermSpec.Where.INITIAL, null, null);
    }

    /** Initial rate {@code u_t(x, t0) = g(x)} (second order in time, e.g. the wave equation). */
    public ProblemBuilder initialRate(ToDoubleFunction<double[]> g) {
        return initialRate(null, g);
    }

    /** Initial rate of the named field. */
    public ProblemBuilder initialRate(String field, ToDoubleFunction<double[]> g) {
        notNull("g", g);
        return add("initialRate", field, (s, k) -> s.field(k).d("t").minus(s.source(g)), TermSpec.Where.INITIAL,
                null, null);
    }

    /** Observations {@code u(points[n]) = values[n]} (inverse problems); the arrays are copied. */
    public ProblemBuilder data(double[][] points, double[] values) {
        return data(null, points, values);
    }

    /** Observations of the named field. */
    public ProblemBuilder data(String field, double[][] points, double[] values) {
        notNull("data points", points);
        notNull("data values", values);
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            copy[n] = notNull("data points[" + n + "]", points[n]).clone();
        }
        return add("data", field, DATA_MISFIT, TermSpec.Where.DATA, null,
                new TermData(copy, null, values.clone()));
    }

    /**
     * A conservation law {@code ρ_t + F_x = 0} that the solution obeys, imposed as a balance between time lines
     * ({@value ConservationLaw#DEFAULT_LINES} lines, the midpoint rule on {@value ConservationLaw#DEFAULT_POINTS}
     * + j points at line j) named "conservation": see
     * {@link #conservationLaw(String, FieldEquation, FieldEquation, int, int)}.
     */
    public ProblemBuilder conservationLaw(FieldEquation density, FieldEquation flux) {
        return conservationLaw("conservation", density, flux, ConservationLaw.DEFAULT_LINES,
                ConservationLaw.DEFAULT_POINTS);
    }

    /**
     * A conservation law {@code ρ_t + F_x = 0} of a problem on {@code [a, b] x [t0, t1]} (one space coordinate),
     * e.g. Burgers' {@code ρ = u, F = u²/2 - ν u_x}: at J time lines {@code t_j} the amount
     * {@code ∫ρ(x, t_j) dx} must equal the initial amount minus the flux through {@code x = a, b} since t0. The
     * loss gets {@code w · mean_j S_j²} (S_j the imbalance of line j, w = 1 unless set with {@link #weight}),
     * reported under the law's name beside the terms; gradient optimizers see it, Levenberg-Marquardt cannot. It
     * holds where the pointwise residual cannot: a shock that no collocation point resolves still may not lose
     * or gain mass.
     *
     * @param name    the loss entry's name, distinct from every other
     * @param density ρ in terms of the first field (other fields through {@code u.scope()})
     * @param flux    F likewise, evaluated at x = a and x = b
     * @param lines   J, at least 1
     * @param points  N: line j gets the midpoint rule on N + j points (so that the lines' nodes differ), N at least 2
     * @throws IllegalArgumentException for null or non-positive arguments or a repeated name; a domain that is not
     *                                  SpaceTime on an Interval is refused by {@link #build()}
     */
    public ProblemBuilder conservationLaw(String name, FieldEquation density, FieldEquation flux, int lines,
                                         int points) {
        notNull("conservation law name", name);
        notNull("density", density);
        notNull("flux", flux);
        if (name.isBlank() || laws.stream().anyMatch(l -> l.name().equals(name))) {
            throw new IllegalArgumentException("conservation law names must be non-blank and distinct, got \"" + name
                    + "\" with " + laws.stream().map(ConservationLaw::name).toList() + " declared");
        }
        if (lines < 1 || points < 2) {
            throw new IllegalArgumentException("conservation law \"" + name + "\" needs lines >= 1 and points >= 2,"
                    + " got lines = " + lines + ", points = " + points);
        }
        laws.add(new ConservationLaw(lawSpec(name, (s, k) -> density.residual(s.field(k))),
                lawSpec(name + ":flux", (s, k) -> flux.residual(s.field(k))), lines, points));
        return this;
    }

    private static TermSpec lawSpec(String name, TermSpec.Body body) {
        return new TermSpec(name, "conservation", "conservation", 0, body, TermSpec.Where.INTERIOR, null,
                TermData.NONE, null, 1.0, null);
    }

    /** Hard constraint on the first field: see {@link #outputTransform(String, CoordinateExpression, CoordinateExpression)}. */
    public ProblemBuilder outputTransform(CoordinateExpression g, CoordinateExpression d) {
        return outputTransform(null, g, d);
    }

    /**
     * A hard constraint by an output transform: the field is {@code g + d·N} with N the network's
     * output, applied before every residual. Choose d zero where g carries the boundary values,
     * e.g. {@code g = 0, d = x(1 - x)} for {@code u(0) = u(1) = 0}.
     */
    public ProblemBuilder outputTransform(String field, CoordinateExpression g, CoordinateExpression d) {
        notNull("g", g);
        notNull("d", d);
        String key = field == null ? "" : field;
        if (transforms.containsKey(key)) {
            throw new IllegalArgumentException("field " + (field == null ? "(the first)" : "\"" + field + "\"")
                    + " already has an output transform");
        }
        transforms.put(key, new Schema.OutputTransform(g, d));
        return this;
    }

    /**
     * A loss weight for the terms matching {@code key}: a term name ("dirichlet[left]"), a kind
     * ("pde", "dirichlet", "neumann", "robin", "periodic", "initial", "initialRate", "data") or a group
     * ("boundary", "initial"). Later calls override earlier ones.
     */
    public ProblemBuilder weight(String key, double w) {
        notNull("weight key", key);
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weight of \"" + key + "\" must be finite and >= 0, got " + w);
        }
        weights.add(Map.entry(key, w));
        return this;
    }

    /** The exact solution of the first field, for error measures. */
    public ProblemBuilder exact(ToDoubleFunction<double[]> u) {
        return exact(null, u);
    }

    /** The exact solution of the named field. */
    public ProblemBuilder exact(String field, ToDoubleFunction<double[]> u) {
        exact.put(field == null ? "" : field, notNull("exact solution", u));
        return this;
    }

    /**
     * The problem: checks names, dry-runs every expression to find the derivatives it reads, and
     * resolves term names and weights.
     *
     * @throws IllegalArgumentException on any misuse, naming it and what is valid
     */
    public Problem build() {
        if (domain == null) {
            throw new IllegalArgumentException("problem \"" + name + "\" has no domain; set one with domain(...)");
        }
        if (drafts.stream().noneMatch(d -> d.kind().equals("pde"))) {
            throw new IllegalArgumentException("problem \"" + name + "\" has no PDE term; add one with pde(u -> ...)");
        }
        Schema schema = schema();
        double[] point = dryRunPoint(domain);
        double[] initialCoefficients = coefficients.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<TermSpec> specs = new ArrayList<>();
        for (Draft d : drafts) {
            specs.add(resolve(d, schema, point, initialCoefficients));
        }
        specs.addAll(PeriodicTerms.specs(List.copyOf(periodic), schema, domain));
        for (int k : schema.transforms().keySet()) {
            DryRun.derivatives(schema, Scope::field, k, point, initialCoefficients,
                    "the output transform of field \"" + fields.get(k) + "\"");
        }
        specs = TermNames.deduplicate(specs);
        List<ConservationLaw> resolvedLaws = resolveLaws(schema, point, initialCoefficients);
        specs = applyWeights(specs, resolvedLaws);
        Map<Integer, PointFunction> exactByField = new LinkedHashMap<>();
        for (Map.Entry<String, ToDoubleFunction<double[]>> e : exact.entrySet()) {
            int k = e.getKey().isEmpty() ? 0 : schema.fieldIndex(e.getKey());
            PointFunction f = PointFunction.of(e.getValue(), "the exact solution of field \""
                    + fields.get(k) + "\"", schema);
            f.at(point, false);
            exactByField.put(k, f);
        }
        return new Problem(name, domain, schema, specs, initialCoefficients, exactByField,
                PeriodicTerms.embedding(List.copyOf(embedded), schema, domain), resolvedLaws);
    }

    private Schema schema() {
        Map<Integer, Schema.OutputTransform> byField = new LinkedHashMap<>();
        List<String> spatial = domain instanceof SpaceTime st ? st.space().coordinateNames() : domain.coordinateNames();
        Map<String, Double> values = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Schema names = new Schema(name, fields, domain.coordinateNames(), spatial,
                List.copyOf(coefficients.keySet()), values, Map.of());
        for (Map.Entry<String, Schema.OutputTransform> e : transforms.entrySet()) {
            int k = e.getKey().isEmpty() ? 0 : names.fieldIndex(e.getKey());
            if (byField.put(k, e.getValue()) != null) {
                throw new IllegalArgumentException("field \"" + fields.get(k) + "\" has two output transforms;"
                        + " give it one");
            }
        }
        return new Schema(name, fields, domain.coordinateNames(), spatial, List.copyOf(coefficients.keySet()),
                values, Map.copyOf(byField));
    }

    private TermSpec resolve(Draft d, Schema schema, double[] point, double[] initialCoefficients) {
        int k = d.field() == null ? 0 : schema.fieldIndex(d.field());
        String termName = TermNames.name(d.kind(), d.field(), d.selector());
        if (d.where() == TermSpec.Where.INITIAL && !(domain instanceof SpaceTime)) {
            throw new IllegalArgumentException("term \"" + termName + "\" is an initial condition, but the domain "
                    + domain + " has no time coordinate (coordinates " + domain.coordinateNames()
                    + "); pose the problem on SpaceTime.of(space, t0, t1)");
        }
        if (d.where() == TermSpec.Where.DATA) {
            DataChecks.check(termName, d.data(), domain);
        }
        String group = switch (d.where()) {
            case INTERIOR -> "pde";
            case BOUNDARY, PERIODIC -> "boundary";
            case INITIAL -> "initial";
            case DATA -> "data";
        };
        TermSpec spec = new TermSpec(termName, d.kind(), group, k, d.body(), d.where(), d.selector(),
                d.data() == null ? TermData.NONE : d.data(), null, 1.0, null);
        return spec.withDerivatives(DryRun.derivatives(schema, d.body(), k, point, initialCoefficients,
                "term \"" + termName + "\""));
    }

    /** Checks the domain of the conservation laws and dry-runs their expressions. */
    private List<ConservationLaw> resolveLaws(Schema schema, double[] point, double[] initialCoefficients) {
        if (!laws.isEmpty() && !(domain instanceof SpaceTime st && st.space() instanceof Interval)) {
            throw new IllegalArgumentException("conservation law \"" + laws.get(0).name() + "\" needs a domain"
                    + " SpaceTime.of(Interval.of(a, b), t0, t1) (one space coordinate and time), got " + domain);
        }
        List<ConservationLaw> out = new ArrayList<>();
        for (ConservationLaw law : laws) {
            out.add(new ConservationLaw(dryRun(law.density(), schema, point, initialCoefficients),
                    dryRun(law.flux(), schema, point, initialCoefficients), law.lines(), law.points()));
        }
        return out;
    }

    private static TermSpec dryRun(TermSpec spec, Schema schema, double[] point, double[] initialCoefficients) {
        return spec.withDerivatives(DryRun.derivatives(schema, spec.body(), spec.field(), point, initialCoefficients,
                "conservation law \"" + spec.name() + "\""));
    }

    /** The weights applied to the terms and conservation laws ({@code laws} is updated in place). */
    private List<TermSpec> applyWeights(List<TermSpec> specs, List<ConservationLaw> laws) {
        List<TermSpec> out = new ArrayList<>(specs);
        for (Map.Entry<String, Double> w : weights) {
            boolean matched = false;
            for (int i = 0; i < out.size(); i++) {
                TermSpec s = out.get(i);
                if (s.name().equals(w.getKey()) || s.kind().equals(w.getKey()) || s.group().equals(w.getKey())) {
                    out.set(i, s.withWeight(w.getValue()));
                    matched = true;
                }
            }
            for (int i = 0; i < laws.size(); i++) {
                if (laws.get(i).name().equals(w.getKey()) || "conservation".equals(w.getKey())) {
                    laws.set(i, laws.get(i).withWeight(w.getValue()));
                    matched = true;
                }
            }
            if (!matched) {
                throw new IllegalArgumentException("weight(\"" + w.getKey() + "\", ...) matches no term of problem \""
                        + name + "\"; terms are " + out.stream().map(TermSpec::name).toList()
                        + ", kinds " + out.stream().map(TermSpec::kind).distinct().toList()
                        + ", groups " + out.stream().map(TermSpec::group).distinct().toList()
                        + (laws.isEmpty() ? "" : ", conservation laws " + laws.stream().map(ConservationLaw::name)
                        .toList()));
            }
        }
        return out;
    }

    private ProblemBuilder add(String kind, String field, TermSpec.Body body, TermSpec.Where where,
                               BoundarySelector selector, TermData data) {
        if (where == TermSpec.Where.BOUNDARY) {
            notNull(kind + " boundary selection", selector);
        }
        drafts.add(new Draft(kind, field, body, where, selector, data));
        return this;
    }

    /**
     * A point of the bounding box for dry runs: off-centre (where sources like 1/x may blow up) and
     * only of the right dimension; whether it lies in the domain does not matter.
     */
    private static double[] dryRunPoint(Domain domain) {
        double[] lo = domain.lowerBounds();
        double[] hi = domain.upperBounds();
        double[] fractions = {0.5377, 0.6143, 0.4271, 0.5813};
        double[] c = new double[lo.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = lo[i] + fractions[i % fractions.length] * (hi[i] - lo[i]);
        }
        return c;
    }

    private static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }
}
