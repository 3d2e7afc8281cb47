package org.pikan4j.validation.cli;

import org.pikan4j.validation.solve.Adaptivity;
import picocli.CommandLine.Option;

/**
 * The adaptivity options {@code pikan solve --refine plateau|steps|indicator} and {@code pikan adaptive} share (a
 * picocli mixin).
 */
final class AdaptivityOptions {

    /** The values of {@code --refine} that pick an adaptive solve's trigger. */
    static final String TRIGGERS = "plateau|steps|indicator";

    @Option(names = "--refine-at", split = ",", paramLabel = "STEP",
            description = "adaptive solves with --refine steps: the Adam steps after which to refine (the grid"
                    + " extensions, then the knot-insertion rounds), e.g. 300,600")
    int[] refineAt;

    @Option(names = "--indicator-ratio", paramLabel = "R",
            description = "adaptive solves with --refine indicator: refine when the largest interval indicator of the"
                    + " KAN grids exceeds R times their mean, checked every 50 steps; R > 1 (default: 4)")
    Double indicatorRatio;

    @Option(names = "--grid-update", paramLabel = "EPS",
            description = "adaptive solves: before each grid extension, move the grids to a blend of uniform (weight"
                    + " EPS) and the quantiles of each layer's inputs on the collocation points, refitting the"
                    + " splines (pykan's update_grid_from_samples; 0.02 is its grid_eps), in [0, 1] (default: 0, none)")
    Double gridUpdate;

    @Option(names = "--resample-every", paramLabel = "STEPS",
            description = "adaptive solves: steps between RAD redraws of the interior points, 0 for none (default: 0)")
    Integer resampleEvery;

    @Option(names = "--lr-factor", paramLabel = "F",
            description = "adaptive solves: Adam learning-rate factor per grid extension (default: 0.5)")
    Double learningRateFactor;

    @Option(names = "--insert-knots", paramLabel = "ROUNDS",
            description = "adaptive solves: rounds of local knot insertion where the residual concentrates, after the"
                    + " last grid extension (default: 0)")
    Integer insertKnots;

    @Option(names = "--dorfler", paramLabel = "THETA",
            description = "adaptive solves: Dörfler bulk fraction of knot insertion, in (0, 1] (default: 0.5)")
    Double dorfler;

    @Option(names = "--peak-neighbours", paramLabel = "F",
            description = "adaptive solves: knot insertion also bisects the interval across a knot when a marked"
                    + " interval's residual peak lies within F of its width of that knot, in [0, 0.5] (default: 0)")
    Double peakNeighbours;

    @Option(names = "--rad-k", paramLabel = "K",
            description = "adaptive solves: RAD density exponent k in |r|^k / mean + c (default: 1)")
    Double radK;

    @Option(names = "--rad-c", paramLabel = "C",
            description = "adaptive solves: RAD density offset c in |r|^k / mean + c (default: 1)")
    Double radC;

    @Option(names = "--rad-pool", paramLabel = "F",
            description = "adaptive solves: RAD draws from a uniform pool of F times the interior points (default: 4)")
    Integer radPool;

    @Option(names = "--rar", paramLabel = "POINTS",
            description = "adaptive solves: RAR, the POINTS interior points of largest residual in a fresh pool join"
                    + " the points at every grid extension or knot insertion between L-BFGS levels (default: 0)")
    Integer rar;

    @Option(names = "--rba", paramLabel = "ETA",
            description = "adaptive solves: residual-based attention on the PDE terms with rate ETA, updated every"
                    + " Adam step (default: none; 0.01 is the published setting)")
    Double rbaRate;

    @Option(names = "--rba-decay", paramLabel = "GAMMA",
            description = "adaptive solves: RBA decay, in [0, 1) (default: 0.999)")
    Double rbaDecay;

    @Option(names = "--causal-front", paramLabel = "W",
            description = "adaptive solves of causally trained problems: extend the grid on a plateau only once the"
                    + " last time slab's causal weight is at least W, in [0, 1] (default: 0, no waiting)")
    Double causalFront;

    /** @return true when any option was given */
    boolean given() {
        return resampleEvery != null || learningRateFactor != null || insertKnots != null || dorfler != null
                || rbaRate != null || rbaDecay != null || causalFront != null || peakNeighbours != null
                || radK != null || radC != null || radPool != null || rar != null || refineAt != null
                || indicatorRatio != null || gridUpdate != null;
    }

    /**
     * The defaults with the given options applied; out-of-range values are refused by {@link Adaptivity}.
     *
     * @param trigger what makes Adam refine, one of {@link #TRIGGERS}; {@code --refine-at} belongs to "steps" (which
     *                needs it), {@code --indicator-ratio} to "indicator"
     * @throws IllegalArgumentException for another trigger or an option of another trigger
     */
    Adaptivity adaptivity(String trigger) {
        Adaptivity how = switch (trigger) {
            case "plateau" -> Adaptivity.defaults();
            case "steps" -> {
                if (refineAt == null) {
                    throw new IllegalArgumentException("--refine steps needs --refine-at STEP[,STEP...], the Adam steps"
                            + " after which to refine");
                }
                yield Adaptivity.defaults().atSteps(refineAt);
            }
            case "indicator" -> Adaptivity.defaults().onIndicatorRatio(indicatorRatio == null ? 4 : indicatorRatio);
            default -> throw new IllegalArgumentException("--refine must be plateau, steps or indicator for an"
                    + " adaptive solve, got \"" + trigger + "\"");
        };
        if (refineAt != null && !trigger.equals("steps")) {
            throw new IllegalArgumentException("--refine-at applies to --refine steps, not --refine " + trigger);
        }
        if (indicatorRatio != null && !trigger.equals("indicator")) {
            throw new IllegalArgumentException("--indicator-ratio applies to --refine indicator, not --refine "
                    + trigger);
        }
        how = gridUpdate == null ? how : how.withGridUpdate(gridUpdate);
        how = resampleEvery == null ? how : how.withResampleEvery(resampleEvery);
        how = how.withKnotInsertion(insertKnots == null ? how.insertionRounds() : insertKnots,
                dorfler == null ? how.dorflerTheta() : dorfler);
        how = how.withAttention(rbaDecay == null ? how.attentionDecay() : rbaDecay,
                rbaRate == null ? how.attentionRate() : rbaRate);
        how = causalFront == null ? how : how.withCausalFront(causalFront);
        how = peakNeighbours == null ? how : how.withPeakNeighbours(peakNeighbours);
        how = how.withRad(radK == null ? how.radExponent() : radK, radC == null ? how.radOffset() : radC);
        how = radPool == null ? how : how.withPoolFactor(radPool);
        how = rar == null ? how : how.withAddedPoints(rar);
        return learningRateFactor == null ? how : how.withLearningRateFactor(learningRateFactor);
    }
}
