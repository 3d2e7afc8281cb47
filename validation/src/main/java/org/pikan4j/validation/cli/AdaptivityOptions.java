package org.pikan4j.validation.cli;

import org.pikan4j.validation.solve.Adaptivity;
import picocli.CommandLine.Option;

/** The adaptivity options {@code pikan solve --refine plateau} and {@code pikan adaptive} share (a picocli mixin). */
final class AdaptivityOptions {

    @Option(names = "--resample-every", paramLabel = "STEPS",
            description = "adaptive solves: steps between RAD redraws of the interior points, 0 for none (default: 0)")
    Integer resampleEvery;

    @Option(names = "--lr-factor", paramLabel = "F",
            description = "adaptive solves: Adam learning-rate factor per grid extension (default: 0.5)")
    Double learningRateFactor;

    /** @return true when either option was given */
    boolean given() {
        return resampleEvery != null || learningRateFactor != null;
    }

    /** @return the defaults with the given options applied; out-of-range values are refused by {@link Adaptivity} */
    Adaptivity adaptivity() {
        Adaptivity how = Adaptivity.defaults();
        how = resampleEvery == null ? how : how.withResampleEvery(resampleEvery);
        return learningRateFactor == null ? how : how.withLearningRateFactor(learningRateFactor);
    }
}
