package org.pikan4j.validation.solve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pikan4j.problems.dsl.Discretization;
import org.pikan4j.problems.dsl.Problem;

/**
 * A continuation of one fixed parameter of the problem ({@code ProblemBuilder.parameter}) across the grid levels
 * of an adaptive solve: the coarse grids solve an easier problem, the parameter times a factor per level, and the
 * last grid of the schedule (with the knot insertions after it) solves the problem itself. This is how adaptive
 * mesh refinement treats a shock: the coarse meshes carry more numerical viscosity, so the front they can resolve
 * is wide but in the right place, and each finer level sharpens it where it is. On Burgers at the true viscosity
 * three of five seeds formed the shock 0.01 - 0.014 off x = 0 within 320 Adam steps (G = 10), and the offset
 * stayed; with 5x the viscosity all five formed it within 0.002 of x = 0 there.
 *
 * <p>Immutable; {@link #of} refuses a blank name and factors that are not finite and positive.
 */
public final class Continuation {

    private final String parameter;
    private final double[] factors;

    private Continuation(String parameter, double[] factors) {
        this.parameter = parameter;
        this.factors = factors;
    }

    /**
     * A continuation of {@code parameter}: factor {@code factors[l]} on grid level l (0: the starting grid, 1: the
     * first extension, ...), 1 from level {@code factors.length} on.
     *
     * @param parameter a fixed parameter of the problem to solve (checked by the solve)
     * @param factors   one or more, each finite and &gt; 0
     * @return the continuation
     * @throws IllegalArgumentException naming the argument and its value otherwise
     */
    public static Continuation of(String parameter, double... factors) {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("continuation parameter must be a parameter's name, got \"" + parameter
                    + "\"");
        }
        if (factors == null || factors.length == 0) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" needs at least one factor (for"
                    + " the starting grid), got none");
        }
        for (double f : factors) {
            if (!(f > 0) || Double.isInfinite(f)) {
                throw new IllegalArgumentException("continuation factors of \"" + parameter + "\" must be finite and"
                        + " > 0, got " + Arrays.toString(factors));
            }
        }
        return new Continuation(parameter, factors.clone());
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }

    /** @return a copy of the factors, level 0 first */
    public double[] factors() {
        return factors.clone();
    }

    /** @return the factor on grid level {@code level}: 1 past the listed ones */
    public double factor(int level) {
        return level < factors.length ? factors[level] : 1;
    }

    /**
     * Checks that the problem has the parameter and that the factors end before the last grid.
     *
     * @param problem    the problem to solve
     * @param extensions the grid extensions the schedule makes after the starting grid
     * @throws IllegalArgumentException naming the parameter, the factors and what is valid otherwise
     */
    void check(Problem problem, int extensions) {
        if (!problem.parameterNames().contains(parameter)) {
            throw new IllegalArgumentException("continuation parameter \"" + parameter + "\" is not a parameter of"
                    + " problem \"" + problem.name() + "\"; its parameters are " + problem.parameterNames());
        }
        if (factors.length > extensions) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" lists " + factors.length
                    + " factors " + Arrays.toString(factors) + ", but the grid schedule has " + extensions
                    + " extension(s): give at most " + extensions + ", so that the last grid solves the problem"
                    + " itself");
        }
    }

    /**
     * The discretization of grid level {@code level}: the same points, the parameter times its factor.
     *
     * @param base  the problem itself on the solve's points
     * @param level the grid level, 0 for the starting grid
     * @return {@code base} itself from level {@code factors.length} on
     */
    Discretization at(Discretization base, int level) {
        double f = factor(level);
        return f == 1 ? base : base.withParameter(parameter, base.problem().parameter(parameter) * f);
    }

    @Override
    public String toString() {
        return parameter + " " + Arrays.stream(factors).mapToObj(f -> String.format(Locale.ROOT, "x%.3g", f))
                .collect(Collectors.joining(", ")) + " on the first grids";
    }
}
