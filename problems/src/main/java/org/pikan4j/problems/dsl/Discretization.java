package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.IntegralConstraint;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.Residual;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.problems.geometry.BoundarySample;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * A problem on concrete points: one {@link ResidualTerm} per PDE and condition, each propagating
 * only the derivatives its expression reads, ready to become a {@link PinnLoss} for a network.
 * Immutable.
 */
public final class Discretization {

    private final Problem problem;
    private final List<ResidualTerm> terms;
    private final List<TermData> data;
    /** The conservation laws on their quadrature points, built once: every network's loss shares them. */
    private final List<IntegralConstraint> balances;

    private Discretization(Problem problem, List<ResidualTerm> terms, List<TermData> data) {
        this.problem = problem;
        this.terms = List.copyOf(terms);
        this.data = List.copyOf(data);
        this.balances = problem.conservationLaws().stream()
                .map(law -> law.constraint((SpaceTime) problem.domain(), problem.schema())).toList();
    }

    static Discretization of(Problem problem, double[][] interior, BoundarySample boundary, double[][] initial) {
        List<ResidualTerm> terms = new ArrayList<>();
        List<TermData> data = new ArrayList<>();
        for (TermSpec spec : problem.specs()) {
            TermData d = switch (spec.where()) {
                case INTERIOR -> new TermData(nonEmpty(spec, interior, "interior"), null, null);
                case INITIAL -> new TermData(nonEmpty(spec, initial, "initial"), null, null);
                case BOUNDARY -> boundaryData(problem, spec, boundary);
                case PERIODIC -> PeriodicTerms.data(problem, spec, boundary);
                case DATA -> spec.data();
            };
            data.add(d);
            terms.add(term(problem, spec, d));
        }
        return new Discretization(problem, terms, data);
    }

    private static ResidualTerm term(Problem problem, TermSpec spec, TermData d) {
        return spec.where() == TermSpec.Where.PERIODIC ? PeriodicTerms.term(spec, d)
                : ResidualTerm.of(spec.name(), d.points(), spec.derivatives().components(),
                        residual(problem.schema(), spec, d)).withWeight(spec.weight());
    }

    /**
     * The same points with a fixed parameter of the problem set to another value ({@link Problem#withParameter}):
     * the terms and conservation laws are built again and read the new value.
     *
     * @throws IllegalArgumentException naming the parameter or the value when the problem has no such parameter or
     *                                  the value is not finite
     */
    public Discretization withParameter(String parameterName, double value) {
        Problem changed = problem.withParameter(parameterName, value);
        List<ResidualTerm> rebuilt = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            rebuilt.add(term(changed, changed.specs().get(i), data.get(i)));
        }
        return new Discretization(changed, rebuilt, data);
    }

    /** A term's expression as a residual on the points of {@code data}. */
    static Residual residual(Schema schema, TermSpec spec, TermData data) {
        String owner = "term \"" + spec.name() + "\"";
        // g and d may read a trainable coefficient, which is not fixed: such problems compute them every time
        FixedJets fixedJets = schema.coefficients().isEmpty() ? new FixedJets() : null;
        return block -> spec.body().of(Scope.keeping(fixedJets, schema, Points.of(block), data, owner), spec.field())
                .jet();
    }

    private static double[][] nonEmpty(TermSpec spec, double[][] points, String where) {
        if (points == null || points.length == 0) {
            throw new IllegalArgumentException("term \"" + spec.name() + "\" needs " + where
                    + " points, got none; ask for some in the collocation");
        }
        return points;
    }

    private static TermData boundaryData(Problem problem, TermSpec spec, BoundarySample boundary) {
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("term \"" + spec.name() + "\" needs boundary points, got none; ask for"
                    + " some in the collocation");
        }
        BoundarySample selected;
        try {
            selected = boundary.select(spec.selector());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("term \"" + spec.name() + "\": " + e.getMessage(), e);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("term \"" + spec.name() + "\": the boundary selection "
                    + TermNames.describe(spec.selector()) + " matches none of the " + boundary.size() + " boundary points sampled on "
                    + problem.domain() + " (pieces and their points: " + boundary.countsByPiece()
                    + "); check the selection or sample more boundary points");
        }
        return new TermData(selected.points(), selected.normals(), null);
    }

    /** The problem. */
    public Problem problem() {
        return problem;
    }

    /** The loss terms, in the problem's term order. */
    public List<ResidualTerm> terms() {
        return terms;
    }

    /**
     * The points the terms are evaluated at, each term's sample once (the interior sample that several
     * terms share counts once): where the network is trained, e.g. for the sparsity regularization's activations.
     */
    public double[][] trainingPoints() {
        List<double[]> all = new ArrayList<>();
        Set<double[][]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TermData d : data) {
            if (seen.add(d.points())) {
                for (double[] p : d.points()) {
                    all.add(p.clone());
                }
            }
        }
        return all.toArray(new double[0][]);
    }

    /** One term by name. */
    public ResidualTerm term(String name) {
        return terms.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no term \"" + name + "\"; terms are " + problem.termNames()));
    }

    /** The loss on the default backend. */
    public PinnLoss loss(Network network) {
        return loss(network, Backends.defaultBackend());
    }

    /**
     * The physics-informed loss for a network: its parameters followed by the problem's
     * coefficients (see {@link #initialParameters}).
     *
     * @throws IllegalArgumentException when the network's input width is not the domain's dimension,
     *                                  its output width not the number of fields, or it lacks the
     *                                  problem's {@link Problem#embedding() embedding}
     */
    public PinnLoss loss(Network network, Backend backend) {
        return loss(network, backend, 1);
    }

    /**
     * {@link #loss(Network, Backend)} evaluated by {@code threads} threads (1 to 64), which pays
     * off from a few thousand points per step.
     */
    public PinnLoss loss(Network network, Backend backend, int threads) {
        if (network == null || backend == null) {
            throw new IllegalArgumentException("network and backend must not be null");
        }
        List<String> coordinates = problem.coordinateNames();
        if (network.inputDimension() != coordinates.size()) {
            throw new IllegalArgumentException("the network takes " + network.inputDimension() + " inputs, but problem \""
                    + problem.name() + "\" has " + coordinates.size() + " coordinates " + coordinates);
        }
        problem.embedding().ifPresent(e -> {
            if (!e.equals(network.layers().get(0))) {
                throw new IllegalArgumentException("problem \"" + problem.name() + "\" is periodic by construction: its"
                        + " network must start with the embedding " + e.describe() + ", got "
                        + network.layers().get(0).describe() + " (build it with network.withEmbedding(problem"
                        + ".embedding().get()) on a network of " + e.outputWidth() + " inputs)");
            }
        });
        if (network.outputDimension() != problem.fieldNames().size()) {
            throw new IllegalArgumentException("the network gives " + network.outputDimension() + " outputs, but problem \""
                    + problem.name() + "\" has " + problem.fieldNames().size() + " fields " + problem.fieldNames());
        }
        int coefficients = problem.coefficientNames().size();
        PinnLoss loss = new PinnLoss(network, backend, terms, coordinates, coefficients, threads);
        for (IntegralConstraint balance : balances) {
            loss = loss.withPenalty(balance.penaltyFor(network, backend, coordinates, coefficients, threads));
        }
        return loss;
    }

    /** Seeded network parameters followed by the coefficients' initial values: a start for the loss. */
    public double[] initialParameters(Network network, long seed) {
        double[] coefficients = problem.coefficientInitialValues();
        double[] theta = Arrays.copyOf(network.initialParameters(seed), network.parameterCount() + coefficients.length);
        System.arraycopy(coefficients, 0, theta, network.parameterCount(), coefficients.length);
        return theta;
    }

    /** {@link #residualsOf(Map)} for a problem whose first field is given. */
    public Map<String, double[]> residualsOf(CoordinateExpression u) {
        return residualsOf(Map.of(problem.fieldNames().get(0), u));
    }

    /**
     * Every term's residual at its points when the fields are the given closed-form expressions
     * (they replace the fields themselves, output transforms included; coefficients take their
     * initial values): round-off level for an exact solution. Periodic terms give the mismatch
     * between each point and its partner on the opposite face. No network is involved.
     *
     * @param fields expressions by field name; fields no term reads may be left out
     * @return residuals by term name, in term order
     */
    public Map<String, double[]> residualsOf(Map<String, CoordinateExpression> fields) {
        return residualsOf(fields, problem.coefficientInitialValues());
    }

    /**
     * {@link #residualsOf(Map)} with the coefficients at given values (e.g. the true ones of an
     * inverse problem) instead of their initial values.
     *
     * @param coefficients one value per coefficient, in declaration order
     * @throws IllegalArgumentException when the number of values is not the number of coefficients
     */
    public Map<String, double[]> residualsOf(Map<String, CoordinateExpression> fields, double[] coefficients) {
        if (coefficients.length != problem.coefficientNames().size()) {
            throw new IllegalArgumentException("problem \"" + problem.name() + "\" has coefficients "
                    + problem.coefficientNames() + ", got " + coefficients.length + " values");
        }
        Schema schema = problem.schema();
        CoordinateExpression[] trial = new CoordinateExpression[schema.fields().size()];
        for (Map.Entry<String, CoordinateExpression> e : fields.entrySet()) {
            trial[schema.fieldIndex(e.getKey())] = e.getValue();
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int t = 0; t < terms.size(); t++) {
            TermSpec spec = problem.specs().get(t);
            TermData d = data.get(t);
            if (spec.where() == TermSpec.Where.PERIODIC) {
                out.put(spec.name(), PeriodicTerms.mismatch(schema, spec, d, trial, coefficients));
                continue;
            }
            Points points = Points.onTape(d.points(), spec.derivatives(), 0.0, coefficients);
            Expr r = spec.body().of(Scope.of(schema, points, d, false, trial, "term \"" + spec.name() + "\""),
                    spec.field());
            double[] values = new double[points.size()];
            for (int n = 0; n < values.length; n++) {
                values[n] = r.jet().value(n);
            }
            out.put(spec.name(), values);
        }
        return out;
    }
}
