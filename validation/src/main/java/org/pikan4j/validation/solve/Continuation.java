package org.pikan4j.validation.solve;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
 * <p>A solve on one grid has no levels to change at: {@link #untilAdamSteps} gives the levels Adam steps to end at
 * instead ({@link Solver#withContinuation}), so that a fixed grid can be given the same schedule as an adaptive
 * solve for comparison. An adaptive solve can take levels by Adam steps too, in place of grid levels.
 *
 * <p>Immutable; {@link #of} refuses a blank name and factors that are not finite and positive.
 */
public final class Continuation {

    private final String parameter;
    private final double[] factors;
    /** The Adam step each level ends at, or null for levels that are grid levels. */
    private final int[] adamSteps;

    private Continuation(String parameter, double[] factors, int[] adamSteps) {
        this.parameter = parameter;
        this.factors = factors;
        this.adamSteps = adamSteps;
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
        return new Continuation(parameter, factors.clone(), null);
    }

    /**
     * The same factors as levels of Adam steps, for a solve on one grid: level l (factor l) trains until Adam step
     * {@code steps[l]}, and from the last of them on Adam (and the stages after it) trains the problem itself.
     *
     * @param steps one per factor, strictly increasing, the first &gt;= 1 (the solve checks that the last comes
     *              before its Adam steps end)
     * @return a copy whose levels end at those steps
     * @throws IllegalArgumentException naming the steps and what is valid otherwise
     */
    public Continuation untilAdamSteps(int... steps) {
        if (steps == null || steps.length != factors.length) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" has " + factors.length
                    + " factor(s) " + Arrays.toString(factors) + " and needs as many Adam steps to end their levels at,"
                    + " got " + (steps == null ? "none" : Arrays.toString(steps)));
        }
        for (int l = 0; l < steps.length; l++) {
            if (steps[l] < 1 || l > 0 && steps[l] <= steps[l - 1]) {
                throw new IllegalArgumentException("continuation Adam steps of \"" + parameter + "\" must be >= 1 and"
                        + " strictly increasing, got " + Arrays.toString(steps));
            }
        }
        return new Continuation(parameter, factors, steps.clone());
    }

    /** @return true when the levels end at Adam steps ({@link #untilAdamSteps}), false for grid levels */
    public boolean byAdamSteps() {
        return adamSteps != null;
    }

    /**
     * @param level a level with a factor, in [0, factors().length)
     * @return the Adam step it ends at
     * @throws IllegalStateException    for a continuation across grid levels
     * @throws IllegalArgumentException for a level outside that range
     */
    public int adamStep(int level) {
        if (adamSteps == null) {
            throw new IllegalStateException("continuation of \"" + parameter + "\" changes level at grid extensions,"
                    + " not at Adam steps");
        }
        if (level < 0 || level >= adamSteps.length) {
            throw new IllegalArgumentException("level must be in [0, " + adamSteps.length + ") for the continuation"
                    + " of \"" + parameter + "\", got " + level);
        }
        return adamSteps[level];
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }

    /** @return a copy of the factors, level 0 first */
    public double[] factors() {
        return factors.clone();
    }

    /** @return the factor on level {@code level}: 1 past the listed ones */
    public double factor(int level) {
        return level < factors.length ? factors[level] : 1;
    }

    /**
     * Checks that the problem has the parameter, that the levels are grid levels and that the factors end before
     * the last grid.
     *
     * @param problem    the problem to solve
     * @param extensions the grid extensions the schedule makes after the starting grid
     * @throws IllegalArgumentException naming the parameter, the factors and what is valid otherwise
     */
    void check(Problem problem, int extensions) {
        requireParameterOf(problem);
        if (adamSteps != null) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" ends its levels at Adam steps "
                    + Arrays.toString(adamSteps) + ", but an adaptivity's continuation changes level at grid"
                    + " extensions: give it the continuation without steps, or give this one to the solver"
                    + " (Solver.withContinuation)");
        }
        if (factors.length > extensions) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" lists " + factors.length
                    + " factors " + Arrays.toString(factors) + ", but the grid schedule has " + extensions
                    + " extension(s): give at most " + extensions + ", so that the last grid solves the problem"
                    + " itself");
        }
    }

    /**
     * Checks that the problem has the parameter and that the levels end at Adam steps before Adam does.
     *
     * @param problem   the problem to solve
     * @param planSteps the Adam steps of the solve's plan
     * @throws IllegalArgumentException naming the parameter, the steps and what is valid otherwise
     */
    void checkSteps(Problem problem, int planSteps) {
        requireParameterOf(problem);
        if (adamSteps == null) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" changes level at grid"
                    + " extensions, but this is the continuation by Adam steps: give the Adam steps its levels end at"
                    + " (untilAdamSteps, --continuation-steps), or give an adaptive solve grid levels through its"
                    + " adaptivity (Adaptivity.withContinuation)");
        }
        int last = adamSteps[adamSteps.length - 1];
        if (last >= planSteps) {
            throw new IllegalArgumentException("continuation of \"" + parameter + "\" ends its last level at Adam step "
                    + last + ", but the plan has " + planSteps + " Adam steps: end it before, so that Adam trains the"
                    + " problem itself too");
        }
    }

    private void requireParameterOf(Problem problem) {
        if (!problem.parameterNames().contains(parameter)) {
            throw new IllegalArgumentException("continuation parameter \"" + parameter + "\" is not a parameter of"
                    + " problem \"" + problem.name() + "\"; its parameters are " + problem.parameterNames());
        }
    }

    /**
     * The discretization of level {@code level}: the same points, the parameter times its factor.
     *
     * @param base  the problem itself on the solve's points
     * @param level the level, 0 for the first (the starting grid, or the first Adam steps)
     * @return {@code base} itself from level {@code factors.length} on
     */
    Discretization at(Discretization base, int level) {
        double f = factor(level);
        return f == 1 ? base : base.withParameter(parameter, base.problem().parameter(parameter) * f);
    }

    /**
     * What level {@code level} trains on, for the training history's "continuation" events: e.g. "nu = 0.0159155
     * (5.00 x 0.00318310) on grid level 0", "... until Adam step 280", "..., the problem itself".
     */
    String describe(Problem problem, int level) {
        double f = factor(level);
        double value = problem.parameter(parameter);
        String where = adamSteps == null ? " on grid level " + level
                : level < adamSteps.length ? " until Adam step " + adamSteps[level]
                : " from Adam step " + adamSteps[adamSteps.length - 1];
        return String.format(Locale.ROOT, "%s = %.6g (%.3g x %.6g)%s%s", parameter, value * f, f, value, where,
                f == 1 ? ", the problem itself" : "");
    }

    /**
     * The event text when Adam stopped (on its time budget, or diverged) at {@code step}, before the levels by Adam
     * step ended, so that the stages after it train the problem itself: e.g. "nu = 0.00318310, the problem itself
     * from here: Adam stopped at step 250, before the continuation's levels ended".
     *
     * @return the text; empty when the levels had ended by then, or are grid levels
     */
    Optional<String> cutShort(Problem problem, int step) {
        if (adamSteps == null || step >= adamSteps[adamSteps.length - 1]) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s = %.6g, the problem itself from here: Adam stopped at step"
                + " %d, before the continuation's levels ended", parameter, problem.parameter(parameter), step));
    }

    @Override
    public String toString() {
        return parameter + " " + Arrays.stream(factors).mapToObj(f -> String.format(Locale.ROOT, "x%.3g", f))
                .collect(Collectors.joining(", ")) + (adamSteps == null ? " on the first grids"
                : " until Adam steps " + Arrays.stream(adamSteps).mapToObj(Integer::toString)
                .collect(Collectors.joining(", ")));
    }
}
