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
                || radK != null || radC != null || radPool != null || rar != null;
    }

    /** @return the defaults with the given options applied; out-of-range values are refused by {@link Adaptivity} */
    Adaptivity adaptivity() {
        Adaptivity how = Adaptivity.defaults();
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
