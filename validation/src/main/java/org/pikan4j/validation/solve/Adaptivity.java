package org.pikan4j.validation.solve;

/**
 * How {@link Solver} adapts while it trains, as adaptive finite elements adapt a mesh: during Adam the grid is
 * extended to the model's next size whenever the loss plateaus (and Adam's learning rate cut by a factor), and the
 * PDE's collocation points are redrawn by RAD every so many steps; then L-BFGS polishes on the final grid and
 * points, after any extension the plateaus did not trigger (e.g. when Adam's share of a time budget,
 * {@link Solver#withTimeBudget}, ran out first).
 *
 * @param plateauWindow      steps over which the plateau test compares the loss, &gt;= 1
 * @param plateauDecrease    the relative decrease over the window under which the loss counts as a plateau, in (0, 1)
 * @param learningRateFactor Adam's learning rate is multiplied by this at every extension, in (0, 1]
 * @param resampleEvery      Adam steps between RAD redraws of the interior points, 0 for none
 * @param poolFactor         the RAD candidate pool holds this many times the interior point count, &gt;= 2
 * @param radExponent        RAD's k: density proportional to |r|^k / mean + c, &gt;= 0
 * @param radOffset          RAD's c, &gt;= 0
 */
public record Adaptivity(int plateauWindow, double plateauDecrease, double learningRateFactor, int resampleEvery,
                         int poolFactor, double radExponent, double radOffset) {

    /** Checks every field; the message names the field, its value and the valid range. */
    public Adaptivity {
        check(plateauWindow >= 1, "plateauWindow", plateauWindow, ">= 1");
        check(plateauDecrease > 0 && plateauDecrease < 1, "plateauDecrease", plateauDecrease, "in (0, 1)");
        check(learningRateFactor > 0 && learningRateFactor <= 1, "learningRateFactor", learningRateFactor,
                "in (0, 1]");
        check(resampleEvery >= 0, "resampleEvery", resampleEvery, ">= 0 (0: no resampling)");
        check(poolFactor >= 2, "poolFactor", poolFactor, ">= 2");
        check(radExponent >= 0 && Double.isFinite(radExponent), "radExponent", radExponent, ">= 0 and finite");
        check(radOffset >= 0 && Double.isFinite(radOffset), "radOffset", radOffset, ">= 0 and finite");
    }

    /**
     * The defaults: plateau under 10% decrease over 100 steps, learning rate halved per extension, no RAD
     * (measured on Helmholtz 2D: redrawing points every 500 steps left the error 8x above extension alone);
     * {@link #withResampleEvery} switches RAD on with k = 1, c = 1 (the setting Wu et al. 2023 recommend) and a
     * pool 4 times the interior count.
     *
     * @return the default adaptivity
     */
    public static Adaptivity defaults() {
        return new Adaptivity(100, 0.1, 0.5, 0, 4, 1, 1);
    }

    /** @return a copy redrawing the interior points every {@code steps} Adam steps (0: never) */
    public Adaptivity withResampleEvery(int steps) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, steps, poolFactor, radExponent,
                radOffset);
    }

    /** @return a copy with another learning-rate factor per extension */
    public Adaptivity withLearningRateFactor(double factor) {
        return new Adaptivity(plateauWindow, plateauDecrease, factor, resampleEvery, poolFactor, radExponent,
                radOffset);
    }

    /** @return a copy with another plateau test */
    public Adaptivity withPlateau(int window, double decrease) {
        return new Adaptivity(window, decrease, learningRateFactor, resampleEvery, poolFactor, radExponent, radOffset);
    }

    private static void check(boolean valid, String field, double value, String range) {
        if (!valid) {
            throw new IllegalArgumentException("adaptivity " + field + " must be " + range + ", got " + value);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "adaptive (plateau %.3g over %d steps, lr x%.3g per extension, %s)",
                plateauDecrease, plateauWindow, learningRateFactor,
                resampleEvery == 0 ? "no resampling" : String.format(java.util.Locale.ROOT,
                        "RAD k=%.3g c=%.3g every %d steps from %dx pool", radExponent, radOffset, resampleEvery,
                        poolFactor));
    }
}
