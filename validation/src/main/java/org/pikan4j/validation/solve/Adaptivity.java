package org.pikan4j.validation.solve;

/**
 * How {@link Solver} adapts while it trains, as adaptive finite elements adapt a mesh: during Adam the grid is
 * extended to the model's next size whenever the loss plateaus (and Adam's learning rate cut by a factor), and the
 * PDE's collocation points are redrawn by RAD every so many steps; then L-BFGS polishes on the final grid and
 * points, after any extension the plateaus did not trigger (e.g. when Adam's share of a time budget,
 * {@link Solver#withTimeBudget}, ran out first), and RAR can add points of large residual at each such refinement.
 *
 * @param plateauWindow      steps over which the plateau test compares the loss, &gt;= 1
 * @param plateauDecrease    the relative decrease over the window under which the loss counts as a plateau, in (0, 1)
 * @param learningRateFactor Adam's learning rate is multiplied by this at every extension, in (0, 1]
 * @param resampleEvery      Adam steps between RAD redraws of the interior points, 0 for none
 * @param poolFactor         the RAD candidate pool holds this many times the interior point count, &gt;= 2
 * @param radExponent        RAD's k: density proportional to |r|^k / mean + c, &gt;= 0
 * @param radOffset          RAD's c, &gt;= 0
 * @param insertionRounds    rounds of local knot insertion after the last grid extension, &gt;= 0 (0: none): the
 *                           plateaus after it (during Adam) or the L-BFGS levels after it insert knots where the
 *                           residual concentrates ({@link org.pikan4j.core.refine.LocalRefinement})
 * @param dorflerTheta       the Dörfler bulk fraction of knot insertion, in (0, 1]
 * @param attentionDecay     RBA's γ, in [0, 1) ({@link org.pikan4j.core.residual.ResidualAttention})
 * @param attentionRate      RBA's η, &gt;= 0 and finite; 0: no residual-based attention
 * @param causalFront        for causally trained problems, the plateaus extend the grid only once the last time
 *                           slab's causal weight is at least this, in [0, 1]; 0: they do not wait
 *                           ({@link org.pikan4j.core.refine.RefinementScheduler#afterCausalFront})
 * @param peakNeighbours     knot insertion also bisects the neighbour of a marked interval whose residual peak lies
 *                           within this fraction of its width of their shared knot, in [0, 0.5]; 0: never
 *                           ({@link org.pikan4j.core.refine.LocalRefinement#withPeakNeighbours})
 * @param addedPoints        RAR: interior points added at every refinement between L-BFGS levels (grid extension or
 *                           knot-insertion round), the ones of largest residual in a fresh uniform pool of
 *                           {@code poolFactor} times the interior count; the points already there stay, &gt;= 0
 *                           (0: none)
 */
public record Adaptivity(int plateauWindow, double plateauDecrease, double learningRateFactor, int resampleEvery,
                         int poolFactor, double radExponent, double radOffset, int insertionRounds,
                         double dorflerTheta, double attentionDecay, double attentionRate, double causalFront,
                         double peakNeighbours, int addedPoints) {

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
        check(insertionRounds >= 0, "insertionRounds", insertionRounds, ">= 0 (0: no knot insertion)");
        check(dorflerTheta > 0 && dorflerTheta <= 1, "dorflerTheta", dorflerTheta, "in (0, 1]");
        check(attentionDecay >= 0 && attentionDecay < 1, "attentionDecay (RBA γ)", attentionDecay, "in [0, 1)");
        check(attentionRate >= 0 && Double.isFinite(attentionRate), "attentionRate (RBA η)", attentionRate,
                ">= 0 and finite (0: no attention)");
        check(causalFront >= 0 && causalFront <= 1, "causalFront", causalFront, "in [0, 1] (0: no waiting)");
        check(peakNeighbours >= 0 && peakNeighbours <= 0.5, "peakNeighbours", peakNeighbours,
                "in [0, 0.5] (0: never)");
        check(addedPoints >= 0, "addedPoints", addedPoints, ">= 0 (0: none)");
    }

    /**
     * The defaults: plateau under 10% decrease over 100 steps, learning rate halved per extension, no RAD
     * (measured on Helmholtz 2D: redrawing points every 500 steps left the error 8x above extension alone);
     * {@link #withResampleEvery} switches RAD on with k = 1, c = 1 (the setting Wu et al. 2023 recommend) and a
     * pool 4 times the interior count; no knot insertion ({@link #withKnotInsertion}: Dörfler θ = 0.5 unless
     * given) and no residual-based attention ({@link #withAttention}).
     *
     * @return the default adaptivity
     */
    public static Adaptivity defaults() {
        return new Adaptivity(100, 0.1, 0.5, 0, 4, 1, 1, 0, 0.5, 0.999, 0, 0, 0, 0);
    }

    /** @return a copy redrawing the interior points every {@code steps} Adam steps (0: never) */
    public Adaptivity withResampleEvery(int steps) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, steps, poolFactor, radExponent,
                radOffset, insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront,
                peakNeighbours, addedPoints);
    }

    /** @return a copy with another learning-rate factor per extension */
    public Adaptivity withLearningRateFactor(double factor) {
        return new Adaptivity(plateauWindow, plateauDecrease, factor, resampleEvery, poolFactor, radExponent,
                radOffset, insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront,
                peakNeighbours, addedPoints);
    }

    /** @return a copy with another plateau test */
    public Adaptivity withPlateau(int window, double decrease) {
        return new Adaptivity(window, decrease, learningRateFactor, resampleEvery, poolFactor, radExponent, radOffset,
                insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront, peakNeighbours, addedPoints);
    }

    /**
     * @param rounds knot-insertion rounds after the last grid extension, &gt;= 0 (0: none)
     * @param theta  their Dörfler bulk fraction, in (0, 1]
     * @return a copy
     */
    public Adaptivity withKnotInsertion(int rounds, double theta) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, poolFactor,
                radExponent, radOffset, rounds, theta, attentionDecay, attentionRate, causalFront,
                peakNeighbours, addedPoints);
    }

    /**
     * Residual-based attention on the PDE terms, updated after every Adam step and frozen during L-BFGS.
     *
     * @param decay γ, in [0, 1), e.g. 0.999
     * @param rate  η, &gt;= 0 (0: none), e.g. 0.01
     * @return a copy
     */
    public Adaptivity withAttention(double decay, double rate) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, poolFactor,
                radExponent, radOffset, insertionRounds, dorflerTheta, decay, rate, causalFront,
                peakNeighbours, addedPoints);
    }

    /**
     * For causally trained problems: the plateaus extend the grid only once the causal front has passed, the last
     * slab's weight at least {@code weight}; extensions the plateaus do not reach go to the L-BFGS levels.
     *
     * @param weight in [0, 1]; 0: do not wait
     * @return a copy
     */
    public Adaptivity withCausalFront(double weight) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, poolFactor,
                radExponent, radOffset, insertionRounds, dorflerTheta, attentionDecay, attentionRate, weight,
                peakNeighbours, addedPoints);
    }

    /**
     * RAD's density |r|^k / mean + c (used with {@link #withResampleEvery}); k = 2, c = 0 concentrates the points
     * harder on large residuals than the default k = 1, c = 1.
     *
     * @param k the exponent, &gt;= 0
     * @param c the offset, &gt;= 0
     * @return a copy
     */
    public Adaptivity withRad(double k, double c) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, poolFactor, k, c,
                insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront, peakNeighbours, addedPoints);
    }

    /**
     * RAD's candidate pool: {@code factor} times the interior point count drawn uniformly per redraw. A thin layer
     * (a shock of width w in a domain of width L) holds about factor·N·w/L candidates, so a larger pool lets RAD put
     * more points into it.
     *
     * @param factor &gt;= 2
     * @return a copy
     */
    public Adaptivity withPoolFactor(int factor) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, factor, radExponent,
                radOffset, insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront,
                peakNeighbours, addedPoints);
    }

    /**
     * Knot insertion also bisects the interval across a knot that a marked interval's residual peak sits on.
     *
     * @param fraction of the interval's width, in [0, 0.5]; 0: never
     * @return a copy
     */
    public Adaptivity withPeakNeighbours(double fraction) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, poolFactor,
                radExponent, radOffset, insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront,
                fraction, addedPoints);
    }

    /**
     * RAR between L-BFGS levels: at every grid extension or knot-insertion round after Adam, the {@code count}
     * points of largest residual in a fresh uniform pool join the interior points (the points already there stay;
     * RBA weights, if any, start over at 1, as after any move of the points). L-BFGS restarts there anyway, so the
     * added points cost no curvature history; RAD's redraws instead replace every point.
     *
     * @param count points added per refinement, &gt;= 0 (0: none)
     * @return a copy
     */
    public Adaptivity withAddedPoints(int count) {
        return new Adaptivity(plateauWindow, plateauDecrease, learningRateFactor, resampleEvery, poolFactor,
                radExponent, radOffset, insertionRounds, dorflerTheta, attentionDecay, attentionRate, causalFront,
                peakNeighbours, count);
    }

    private static void check(boolean valid, String field, double value, String range) {
        if (!valid) {
            throw new IllegalArgumentException("adaptivity " + field + " must be " + range + ", got " + value);
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "adaptive (plateau %.3g over %d steps, lr x%.3g per extension, %s",
                plateauDecrease, plateauWindow, learningRateFactor,
                resampleEvery == 0 ? "no resampling" : String.format(java.util.Locale.ROOT,
                        "RAD k=%.3g c=%.3g every %d steps from %dx pool", radExponent, radOffset, resampleEvery,
                        poolFactor))
                + (insertionRounds == 0 ? "" : String.format(java.util.Locale.ROOT,
                        ", then %d rounds of knot insertion (Dörfler %.3g%s)", insertionRounds, dorflerTheta,
                        peakNeighbours == 0 ? "" : String.format(java.util.Locale.ROOT,
                                ", peak neighbours within %.3g", peakNeighbours)))
                + (addedPoints == 0 ? "" : String.format(java.util.Locale.ROOT,
                        ", RAR %d points per L-BFGS level", addedPoints))
                + (attentionRate == 0 ? "" : String.format(java.util.Locale.ROOT, ", RBA γ=%.4g η=%.3g",
                        attentionDecay, attentionRate))
                + (causalFront == 0 ? "" : String.format(java.util.Locale.ROOT, ", after the causal front (w >= %.3g)",
                        causalFront)) + ")";
    }
}
