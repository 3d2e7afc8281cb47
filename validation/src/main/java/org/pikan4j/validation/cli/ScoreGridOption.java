package org.pikan4j.validation.cli;

import java.util.Arrays;
import java.util.Locale;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.validation.metrics.ErrorMetrics;
import org.pikan4j.validation.solve.EvaluationGrid;
import org.pikan4j.validation.solve.Solution;
import picocli.CommandLine.Option;

/**
 * {@code --score-grid NxM}: also score a solution on another tensor grid over the domain's box (a picocli mixin of
 * {@code pikan solve} and {@code pikan adaptive}), e.g. 256x100 for Burgers, the x by t grid Raissi et al.
 * tabulate the reference on (theirs stops at t = 0.99; this one spans the box, t in [0, 1]).
 */
final class ScoreGridOption {

    @Option(names = "--score-grid", paramLabel = "NxM",
            description = "also report the error on an N x M (x ...) grid over the domain's box, e.g. 256x100")
    String counts;

    /** @return whether the option was given */
    boolean given() {
        return counts != null;
    }

    /**
     * @param problem the problem whose domain the grid covers
     * @return the grid
     * @throws IllegalArgumentException naming the value when it is not counts joined by 'x' that fit the domain
     */
    EvaluationGrid grid(Problem problem) {
        int[] parsed;
        try {
            parsed = Arrays.stream(counts.split("x", -1)).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--score-grid must be point counts per coordinate joined by 'x', e.g."
                    + " 256x100, got \"" + counts + "\"");
        }
        return EvaluationGrid.of(problem.domain(), parsed);
    }

    /** @return e.g. "relative L2 1.234e-02, max error 5.678e-01 on the 256x100 grid" */
    String describe(Solution solution, EvaluationGrid grid) {
        ErrorMetrics e = solution.errorOn(grid);
        return String.format(Locale.ROOT, "relative L2 %.3e, max error %.3e on the %s grid", e.relativeL2(),
                e.maxError(), counts);
    }
}
