package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.problems.geometry.BoundarySample;
import org.pikan4j.problems.geometry.Domain;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * A PDE problem: domain, fields, PDE residuals, conditions, output transforms, trainable
 * coefficients, fixed parameters, weights and optional exact solutions. Immutable; made by
 * {@link #named(String)} ... {@link ProblemBuilder#build()}, turned into loss terms on sampled
 * points by {@link #discretize(Collocation)}.
 *
 * <pre>{@code
 * Problem poisson = Problem.named("poisson2d")
 *     .domain(Rectangle.of(-1, 1, -1, 1))
 *     .pde(u -> u.laplacian().negate().minus(u.source(x -> 2 * PI * PI * sin(PI * x[0]) * sin(PI * x[1]))))
 *     .dirichlet(BoundarySelector.ALL, x -> 0.0)
 *     .exact(x -> sin(PI * x[0]) * sin(PI * x[1]))
 *     .build();
 * PinnLoss loss = poisson.discretize(Collocation.of(2500, 400)).loss(network, backend);
 * }</pre>
 */
public final class Problem {

    private final String name;
    private final Domain domain;
    private final Schema schema;
    private final List<TermSpec> terms;
    private final double[] coefficientValues;
    private final Map<Integer, PointFunction> exact;
    private final PeriodicEmbedding embedding;
    private final List<ConservationLaw> laws;

    Problem(String name, Domain domain, Schema schema, List<TermSpec> terms, double[] coefficientValues,
            Map<Integer, PointFunction> exact, PeriodicEmbedding embedding, List<ConservationLaw> laws) {
        this.laws = List.copyOf(laws);
        this.embedding = embedding;
        this.name = name;
        this.domain = domain;
        this.schema = schema;
        this.terms = List.copyOf(terms);
        this.coefficientValues = coefficientValues.clone();
        this.exact = Map.copyOf(exact);
    }

    /** Starts a problem with the given (non-blank) name. */
    public static ProblemBuilder named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("problem name must be non-blank, got \"" + name + "\"");
        }
        return new ProblemBuilder(name);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The domain. */
    public Domain domain() {
        return domain;
    }

    /** The coordinate names, e.g. [x, y] or [x, t]: the network's inputs in order. */
    public List<String> coordinateNames() {
        return schema.coordinates();
    }

    /** The field names: field k is network output k. */
    public List<String> fieldNames() {
        return schema.fields();
    }

    /** The trainable coefficients, in the order they follow the network's parameters. */
    public List<String> coefficientNames() {
        return schema.coefficients();
    }

    /** The coefficients' initial values, in declaration order. */
    public double[] coefficientInitialValues() {
        return coefficientValues.clone();
    }

    /** The fixed parameters' names ({@link ProblemBuilder#parameter}), in declaration order. */
    public List<String> parameterNames() {
        return List.copyOf(schema.parameters().keySet());
    }

    /**
     * A fixed parameter's value.
     *
     * @throws IllegalArgumentException naming the parameter and the declared ones when unknown
     */
    public double parameter(String parameterName) {
        return schema.parameter(parameterName);
    }

    /**
     * The same problem with a fixed parameter set to another value: every expression that reads it, in the terms
     * and the conservation laws, sees the new value (exact solutions are kept: they belong to the declared value).
     *
     * @param parameterName a declared parameter
     * @param value         finite
     * @throws IllegalArgumentException naming the parameter (and the declared ones) or the value otherwise
     */
    public Problem withParameter(String parameterName, double value) {
        return new Problem(name, domain, schema.withParameter(parameterName, value), terms, coefficientValues, exact,
                embedding, laws);
    }

    /** The loss terms' names, in loss order. */
    public List<String> termNames() {
        return terms.stream().map(TermSpec::name).toList();
    }

    /**
     * The names of the terms on interior points (the PDEs): the terms collocation refinement moves.
     *
     * @return the names, in term order
     */
    public List<String> interiorTermNames() {
        return terms.stream().filter(t -> t.where() == TermSpec.Where.INTERIOR).map(TermSpec::name).toList();
    }

    /** The derivatives a term reads (and so propagates), closed under lower derivatives. */
    public DerivativeSet derivatives(String term) {
        return spec(term).derivatives();
    }

    /** A term's loss weight. */
    public double weight(String term) {
        return spec(term).weight();
    }

    /**
     * True when the field is not the network's output itself but passes through an output transform
     * {@code u = g + d·N} (e.g. a Dirichlet condition imposed exactly).
     *
     * @throws IllegalArgumentException when the field is unknown
     */
    public boolean hasOutputTransform(String field) {
        return schema.transforms().containsKey(schema.fieldIndex(field));
    }

    /**
     * The input embedding every network for this problem must start with (coordinates made periodic by
     * {@link ProblemBuilder#periodicByEmbedding(String)}); empty when there is none.
     */
    public Optional<PeriodicEmbedding> embedding() {
        return Optional.ofNullable(embedding);
    }

    /** True when an exact solution was given for the field. */
    public boolean hasExact(String field) {
        return exact.containsKey(schema.fieldIndex(field));
    }

    /**
     * The same problem with an exact (or reference) solution attached to a field, replacing any it
     * had: for solutions that only another module can compute, e.g. a catalog entry whose
     * reference solution is tabulated numerically.
     *
     * @throws IllegalArgumentException when the field is unknown or u is null
     */
    public Problem withExact(String field, ToDoubleFunction<double[]> u) {
        int k = schema.fieldIndex(field);
        if (u == null) {
            throw new IllegalArgumentException("exact solution of field \"" + field + "\" must not be null");
        }
        Map<Integer, PointFunction> all = new LinkedHashMap<>(exact);
        all.put(k, PointFunction.of(u, "the exact solution of field \"" + field + "\"", schema));
        return new Problem(name, domain, schema, terms, coefficientValues, all, embedding, laws);
    }

    /**
     * The problem of fitting the exact solutions: the same domain, fields, embedding and output transforms (so the
     * same trial functions), with the equations, conditions and conservation laws replaced by one data term per
     * field that compares the field with its exact solution at {@code points}. A model trained on it shows what the
     * model and the optimizers reach when given the answer: a floor for the physics-informed solve, which tells a
     * training-limited error from one the model's size sets.
     *
     * @param points points of the domain, at least one; copied
     * @return the problem named {@code <name>-fit}, its terms "data" (or "data[field]" with several fields)
     * @throws IllegalArgumentException when a field has no exact solution, or the points are empty, of another
     *                                  dimension, not finite or outside the domain (naming the point)
     */
    public Problem fitToExact(double[][] points) {
        if (points == null) {
            throw new IllegalArgumentException("the points to fit the exact solution at must not be null");
        }
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            if (points[n] == null) {
                throw new IllegalArgumentException("point " + n + " to fit the exact solution at must not be null");
            }
            copy[n] = points[n].clone();
        }
        List<String> fields = schema.fields();
        List<TermSpec> fits = new ArrayList<>();
        for (int k = 0; k < fields.size(); k++) {
            String term = TermNames.name("data", fields.size() == 1 ? null : fields.get(k), null);
            DataChecks.checkPoints(term, copy, domain); // before the exact solution is evaluated there
            TermData data = new TermData(copy, null, exact(fields.get(k), copy));
            DataChecks.check(term, data, domain);
            TermSpec fit = new TermSpec(term, "data", "data", k, ProblemBuilder.DATA_MISFIT, TermSpec.Where.DATA,
                    null, data, null, 1.0, null);
            fits.add(fit.withDerivatives(DryRun.derivatives(schema, fit.body(), k, copy[0], coefficientValues,
                    "term \"" + term + "\"")));
        }
        return new Problem(name + "-fit", domain, schema, fits, coefficientValues, exact, embedding, List.of());
    }

    /**
     * The exact solution of a field at points.
     *
     * @throws IllegalArgumentException when the field is unknown or has no exact solution
     */
    public double[] exact(String field, double[][] points) {
        PointFunction f = exact.get(schema.fieldIndex(field));
        if (f == null) {
            throw new IllegalArgumentException("problem \"" + name + "\" has no exact solution for field \"" + field
                    + "\"; fields with one: " + exact.keySet().stream().sorted().map(schema.fields()::get).toList());
        }
        double[] values = new double[points.length];
        for (int n = 0; n < points.length; n++) {
            values[n] = f.at(points[n]);
        }
        return values;
    }

    /** Samples collocation points as configured and builds the loss terms on them. */
    public Discretization discretize(Collocation c) {
        if (c == null) {
            throw new IllegalArgumentException("collocation must not be null");
        }
        double[][] interior = c.interior() > 0 ? domain.sampleInterior(c.interior(), c.sampler()) : new double[0][];
        BoundarySample boundary = c.boundary() > 0 ? domain.sampleBoundary(c.boundary(), c.sampler()) : null;
        double[][] initial = c.initial() > 0 && domain instanceof SpaceTime st
                ? st.sampleInitial(c.initial(), c.sampler()) : new double[0][];
        return discretize(interior, boundary, initial);
    }

    /**
     * Builds the loss terms on given points: interior points for PDE terms, a boundary sample
     * (with normals and pieces) for boundary conditions, initial-slice points for initial conditions.
     *
     * @param boundary may be null when the problem has no boundary condition
     * @throws IllegalArgumentException when a term gets no points, naming the term
     */
    public Discretization discretize(double[][] interior, BoundarySample boundary, double[][] initial) {
        return Discretization.of(this, interior, boundary, initial);
    }

    /**
     * The fields of a network at points, output transforms applied: what the problem's terms see
     * as the fields, e.g. to compare a trained network with the exact solution.
     *
     * @param theta the network's parameters followed by the coefficients (as trained)
     * @return values[field][point], fields in {@link #fieldNames()} order
     */
    public double[][] fieldValues(Network network, Backend backend, double[] theta, double[][] points) {
        return FieldValues.of(this, network, backend, theta, points);
    }

    /** The names of the conservation laws (see {@link ProblemBuilder#conservationLaw}), in declaration order. */
    public List<String> conservationLawNames() {
        return laws.stream().map(ConservationLaw::name).toList();
    }

    Schema schema() {
        return schema;
    }

    List<ConservationLaw> conservationLaws() {
        return laws;
    }

    List<TermSpec> specs() {
        return terms;
    }

    private TermSpec spec(String term) {
        return terms.stream().filter(t -> t.name().equals(term)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("problem \"" + name + "\" has no term \"" + term + "\"; terms are "
                        + termNames()));
    }

    @Override
    public String toString() {
        return "Problem[" + name + " on " + domain + ", fields " + schema.fields() + ", terms " + termNames() + "]";
    }
}
