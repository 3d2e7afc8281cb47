package org.pikan4j.validation.solve;

import java.util.Map;
import java.util.Optional;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.train.TrainingResult;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.problems.geometry.SpaceTime;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.metrics.ErrorOverTime;

/**
 * What {@link Solver#solve()} found: the trained fields and the exact ones on the evaluation
 * grid, their errors, the parameter count, the recovered coefficients of an inverse problem, the
 * training result with its history, and the wall time of the whole solve. Immutable view (the
 * arrays are shared; do not modify them).
 *
 * @param problem        the problem solved
 * @param settings       the model, collocation and optimizer chain used
 * @param seed           the seed of the network's initial parameters
 * @param grid           the evaluation grid
 * @param approximations the trained fields on the grid, by field name
 * @param exact          the exact fields on the grid, by field name
 * @param errors         relative L2 and max error of every field, by field name
 * @param network        the trained network (after any grid extension); its parameters start
 *                       {@code training().theta()}, trainable coefficients follow
 * @param coefficients   the trained coefficients by name (empty for forward problems)
 * @param training       the training result, history included
 * @param seconds        wall time of discretization, training and evaluation
 */
public record Solution(Problem problem, Recommendation settings, long seed, EvaluationGrid grid,
                       Map<String, double[]> approximations, Map<String, double[]> exact,
                       Map<String, ErrorMetrics> errors, Network network, Map<String, Double> coefficients,
                       TrainingResult training, double seconds) {

    /** Number of network parameters. */
    public int parameters() {
        return network.parameterCount();
    }

    /** The errors of the first field (the only one of a scalar problem). */
    public ErrorMetrics error() {
        return errors.get(problem.fieldNames().get(0));
    }

    /**
     * The errors of the first field on another grid, e.g. the one a published figure is measured on (the trained
     * network evaluated there on the jvm backend in double precision).
     *
     * @param other the grid, over this problem's domain
     * @return relative L2 and max error there
     */
    public ErrorMetrics errorOn(EvaluationGrid other) {
        return ErrorMetrics.compare(firstFieldAt(other.points()),
                problem.exact(problem.fieldNames().get(0), other.points()));
    }

    /**
     * A field's errors slice by slice in time, on the evaluation grid's rows: present for a problem in one space
     * dimension and time (its grid is x by t), empty otherwise.
     *
     * @param field a field name of the problem
     * @throws IllegalArgumentException for a name that is not a field
     */
    public Optional<ErrorOverTime> errorOverTime(String field) {
        if (!exact.containsKey(field)) {
            throw new IllegalArgumentException("unknown field \"" + field + "\"; fields are " + problem.fieldNames());
        }
        if (!(problem.domain() instanceof SpaceTime) || grid.dimension() != 2) {
            return Optional.empty();
        }
        return Optional.of(ErrorOverTime.ofRows(grid.lower()[1], grid.upper()[1],
                grid.asRows(approximations.get(field)), grid.asRows(exact.get(field))));
    }

    /**
     * The trained first field at any points (jvm backend, double precision).
     *
     * @param points the points, one coordinate array each
     * @return one value per point
     */
    public double[] firstFieldAt(double[][] points) {
        return problem.fieldValues(network, Backends.defaultBackend(), training.theta(), points)[0];
    }
}
