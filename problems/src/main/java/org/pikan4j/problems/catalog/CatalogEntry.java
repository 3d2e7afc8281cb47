package org.pikan4j.problems.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pikan4j.problems.dsl.CoordinateExpression;
import org.pikan4j.problems.dsl.Problem;

/**
 * A named, ready problem: a one-line description, where its reference solution comes from, the
 * {@link Problem} (exact solutions attached), the exact solutions again as expressions (so that
 * they can be plugged into the residuals) or the name of a numerical reference solution, the true values of trainable coefficients for inverse
 * problems, and a recommended model and budget. Immutable.
 */
public final class CatalogEntry {

    private final String name;
    private final String description;
    private final SolutionSource source;
    private final Problem problem;
    private final Map<String, CoordinateExpression> exactExpressions;
    private final Map<String, Double> trueCoefficients;
    private final Recommendation recommendation;
    private final String reference;
    private final String oddIn;

    private CatalogEntry(String name, String description, SolutionSource source, Problem problem,
                         Map<String, CoordinateExpression> exactExpressions, Map<String, Double> trueCoefficients,
                         Recommendation recommendation, String reference, String oddIn) {
        this.name = name;
        this.description = description;
        this.source = source;
        this.problem = problem;
        this.exactExpressions = Map.copyOf(exactExpressions);
        this.trueCoefficients = Map.copyOf(trueCoefficients);
        this.recommendation = recommendation;
        this.reference = reference;
        this.oddIn = oddIn;
    }

    /**
     * An entry named after its problem, with every field's exact solution given as an expression.
     *
     * @param exact exact solutions by field name; every field of the problem must have one, and
     *              the problem itself must carry the same exact solutions for error measures
     * @throws IllegalArgumentException when a part is missing or a field lacks an exact solution
     */
    public static CatalogEntry of(Problem problem, String description, SolutionSource source,
                                  Map<String, CoordinateExpression> exact, Recommendation recommendation) {
        if (source == SolutionSource.REFERENCE) {
            throw new IllegalArgumentException("catalog entry \"" + (problem == null ? null : problem.name())
                    + "\" has a numerical reference solution: make it with ofReference(...)");
        }
        if (problem == null || description == null || source == null || exact == null || recommendation == null) {
            throw new IllegalArgumentException("problem, description, source, exact and recommendation must not be"
                    + " null");
        }
        for (String field : problem.fieldNames()) {
            if (!exact.containsKey(field) || !problem.hasExact(field)) {
                throw new IllegalArgumentException("catalog entry \"" + problem.name() + "\" needs an exact solution"
                        + " of field \"" + field + "\" both in the problem and as an expression");
            }
        }
        return new CatalogEntry(problem.name(), description, source, problem, exact, Map.of(), recommendation, null,
                null);
    }

    /**
     * An entry whose solution is known only numerically ({@link SolutionSource#REFERENCE}). The
     * problem carries no exact solutions and there are no exact expressions; the reference is
     * named, and whoever can compute it (module validation, which holds the reference solvers)
     * attaches it by that name. The catalog thus stays free of numerical solvers and of a
     * dependency on the module that has them.
     *
     * @param reference the reference solution's name, e.g. {@code burgers-cole-hopf}, non-blank
     * @throws IllegalArgumentException when a part is missing
     */
    public static CatalogEntry ofReference(Problem problem, String description, String reference,
                                           Recommendation recommendation) {
        if (problem == null || description == null || reference == null || reference.isBlank()
                || recommendation == null) {
            throw new IllegalArgumentException("problem, description, a non-blank reference name and recommendation"
                    + " must be given");
        }
        return new CatalogEntry(problem.name(), description, SolutionSource.REFERENCE, problem, Map.of(), Map.of(),
                recommendation, reference, null);
    }

    /**
     * The same entry declared as the half, coordinate >= 0, of a problem whose solution is odd in that coordinate
     * (u(.., -x, ..) = -u(.., x, ..)), e.g. Burgers reduced by its symmetry: scores on the full box mirror the
     * solution there.
     *
     * @param coordinate the coordinate, one of the problem's; the domain's lower bound in it must be 0
     * @throws IllegalArgumentException naming the value when the coordinate is unknown or the domain does not start
     *                                  at 0 in it
     */
    public CatalogEntry withOddSymmetry(String coordinate) {
        int axis = problem.coordinateNames().indexOf(coordinate);
        if (axis < 0) {
            throw new IllegalArgumentException("odd-symmetry coordinate \"" + coordinate + "\" is not one of "
                    + problem.coordinateNames() + " of catalog entry \"" + name + "\"");
        }
        double lower = problem.domain().lowerBounds()[axis];
        if (lower != 0) {
            throw new IllegalArgumentException("odd symmetry in \"" + coordinate + "\" needs the half domain "
                    + coordinate + " >= 0, but catalog entry \"" + name + "\" starts at " + coordinate + " = " + lower);
        }
        return new CatalogEntry(name, description, source, problem, exactExpressions, trueCoefficients,
                recommendation, reference, coordinate);
    }

    /**
     * The same entry with the true value of a trainable coefficient (an inverse problem's answer).
     *
     * @throws IllegalArgumentException when the problem has no such coefficient
     */
    public CatalogEntry withTrueCoefficient(String coefficient, double value) {
        if (!problem.coefficientNames().contains(coefficient)) {
            throw new IllegalArgumentException("problem \"" + name + "\" has no coefficient \"" + coefficient
                    + "\"; coefficients are " + problem.coefficientNames());
        }
        Map<String, Double> all = new LinkedHashMap<>(trueCoefficients);
        all.put(coefficient, value);
        return new CatalogEntry(name, description, source, problem, exactExpressions, all, recommendation,
                reference, oddIn);
    }

    /** The name, e.g. {@code poisson2d}. */
    public String name() {
        return name;
    }

    /** One line: PDE, domain, conditions. */
    public String description() {
        return description;
    }

    /** Where the reference solution comes from. */
    public SolutionSource source() {
        return source;
    }

    /** The problem, exact solutions attached. */
    public Problem problem() {
        return problem;
    }

    /**
     * The name of the numerical reference solution of a {@link SolutionSource#REFERENCE} entry;
     * empty for entries with exact solutions.
     */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /**
     * The coordinate the entry's solution is odd in when the entry is the half coordinate >= 0 of a symmetric
     * problem ({@link #withOddSymmetry(String)}); empty otherwise.
     */
    public Optional<String> oddIn() {
        return Optional.ofNullable(oddIn);
    }

    /** The exact solutions as expressions of the coordinates, by field name; empty for reference entries. */
    public Map<String, CoordinateExpression> exactExpressions() {
        return exactExpressions;
    }

    /** The true coefficient values of an inverse problem, by name; empty for forward problems. */
    public Map<String, Double> trueCoefficients() {
        return trueCoefficients;
    }

    /** The true coefficient values in the problem's declaration order. */
    public double[] trueCoefficientValues() {
        List<String> names = problem.coefficientNames();
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            Double v = trueCoefficients.get(names.get(i));
            if (v == null) {
                throw new IllegalStateException("catalog entry \"" + name + "\" states no true value of coefficient \""
                        + names.get(i) + "\"");
            }
            values[i] = v;
        }
        return values;
    }

    /** The recommended model, collocation and optimizer chain. */
    public Recommendation recommendation() {
        return recommendation;
    }

    /** The dimension of the domain (coordinates, time included). */
    public int dimension() {
        return problem.coordinateNames().size();
    }

    @Override
    public String toString() {
        return "CatalogEntry[" + name + ": " + description + "]";
    }
}
