package org.pikan4j.validation.cli;

import java.util.Optional;
import org.pikan4j.validation.solve.Continuation;
import picocli.CommandLine.Option;

/**
 * The continuation options {@code pikan solve} and {@code pikan adaptive} share (a picocli mixin): the levels of
 * {@code --continuation} end at the Adam steps of {@code --continuation-steps} when it is given (which a solve on
 * one grid needs), and are grid levels in adaptive solves without it.
 */
final class ContinuationOptions {

    @Option(names = "--continuation", paramLabel = "NAME=F[,F...]",
            description = "the problem's parameter NAME times F on the first level, the next F on the next, ...,"
                    + " then the problem itself; in adaptive solves the levels are the grids before the last (e.g."
                    + " nu=5,2.2 for burgers1d: wider shocks the coarse grids place right), or end at"
                    + " --continuation-steps (needed on one grid); `pikan list` shows each problem's parameters")
    String continuation;

    @Option(names = "--continuation-steps", split = ",", paramLabel = "STEP",
            description = "the Adam steps at which the levels of --continuation end, one per factor, e.g. 280,450:"
                    + " needed on one grid (pikan solve without --refine; the fixed solves of pikan adaptive), and"
                    + " levels by step instead of by grid in adaptive solves (pikan solve --refine ...)")
    int[] steps;

    /** @return true when either option was given */
    boolean given() {
        return continuation != null || steps != null;
    }

    /**
     * @return the continuation across grid levels, for adaptive solves; empty when {@code --continuation} is absent
     * @throws IllegalArgumentException for a malformed {@code --continuation}
     */
    Optional<Continuation> byGridLevel() {
        return continuation == null ? Optional.empty() : Optional.of(parse(continuation));
    }

    /**
     * @return the continuation with its levels ending at {@code --continuation-steps}; empty when neither option was
     *         given
     * @throws IllegalArgumentException when one is given without the other, or either is malformed
     */
    Optional<Continuation> byAdamSteps() {
        if (continuation == null && steps == null) {
            return Optional.empty();
        }
        if (steps == null) {
            throw new IllegalArgumentException("--continuation on one grid needs --continuation-steps STEP[,STEP...],"
                    + " the Adam steps its levels end at (adaptive solves, --refine " + AdaptivityOptions.TRIGGERS
                    + ", change level at their grid extensions)");
        }
        if (continuation == null) {
            throw new IllegalArgumentException("--continuation-steps needs --continuation NAME=F[,F...], the"
                    + " parameter and its factors");
        }
        return Optional.of(parse(continuation).untilAdamSteps(steps));
    }

    /** {@code NAME=F[,F...]} as a continuation. */
    private static Continuation parse(String option) {
        String[] parts = option.split("=", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--continuation must be NAME=F[,F...], e.g. nu=5,2.2, got \"" + option
                    + "\"");
        }
        String[] values = parts[1].split(",", -1);
        double[] factors = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                factors[i] = Double.parseDouble(values[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--continuation factor \"" + values[i] + "\" of \"" + option
                        + "\" is not a number; give NAME=F[,F...], e.g. nu=5,2.2");
            }
        }
        return Continuation.of(parts[0].trim(), factors);
    }
}
