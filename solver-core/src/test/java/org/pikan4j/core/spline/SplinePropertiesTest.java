package org.pikan4j.core.spline;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of B-splines on random knot vectors (degree 1-5, 1-24 intervals, uniform or with interval widths
 * varying by up to 4x, anywhere in [-3, 8]) at random points, inside the grid and up to half its span outside.
 */
class SplinePropertiesTest {

    @Provide
    Arbitrary<KnotVector> grids() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 24),
                Arbitraries.of(true, false), Arbitraries.doubles().between(-3, 3), Arbitraries.doubles().between(0.1, 5),
                Arbitraries.longs()).as((k, g, uniform, lo, span, seed) -> uniform
                        ? KnotVector.uniform(g, k, lo, lo + span)
                        : TestGrids.nonUniform(g, k, lo, lo + span, seed));
    }

    @Property(tries = 300)
    void basisFunctionsSumToOneAndTheirDerivativesToZero(@ForAll("grids") KnotVector kv,
                                                        @ForAll @DoubleRange(min = -0.5, max = 1.5) double t) {
        double x = kv.lo() + t * (kv.hi() - kv.lo());
        int k = kv.degree();
        double[] out = new double[5 * (k + 1)];
        kv.evaluate(x, 4, out);
        for (int r = 0; r <= 4; r++) {
            double sum = 0.0;
            double magnitude = 0.0;
            for (int q = 0; q <= k; q++) {
                sum += out[r * (k + 1) + q];
                magnitude += Math.abs(out[r * (k + 1) + q]);
            }
            // a few ulps of the terms' size (measured worst: 1.5e-15 relative over 2*10^4 random cases)
            double error = Math.abs(sum - (r == 0 ? 1.0 : 0.0));
            if (error > 1e-13 * Math.max(1.0, magnitude)) {
                throw new AssertionError("order " + r + " at x = " + x + " on " + kv + ": sum " + sum
                        + ", magnitude " + magnitude);
            }
        }
    }

    @Property(tries = 300)
    void insertingAKnotLeavesTheSplineUnchanged(@ForAll("grids") KnotVector kv, @ForAll long seed,
                                               @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double at,
                                               @ForAll @DoubleRange(min = -0.5, max = 1.5) double t) {
        double knot = kv.lo() + at * (kv.hi() - kv.lo());
        Assume.that(Arrays.stream(kv.gridPoints()).noneMatch(g -> Math.abs(g - knot) < 1e-9 * (kv.hi() - kv.lo())));
        Random random = new Random(seed);
        double[] c = new double[kv.basisCount()];
        for (int m = 0; m < c.length; m++) {
            c[m] = 2 * random.nextDouble() - 1;
        }
        KnotVector refined = kv.withGridPoint(knot);
        double[] d = kv.insertKnotCoefficients(c, knot);
        double x = kv.lo() + t * (kv.hi() - kv.lo());
        for (int order = 0; order < kv.degree(); order++) {
            double before = kv.spline(c, x, order);
            double after = refined.spline(d, x, order);
            // relative to the spline's size at that order, which grows like (1 / smallest interval)^order
            // (measured worst: 8.5e-14 over 2*10^4 random cases)
            double scale = Math.pow(kv.intervals() * 4.0 / (kv.hi() - kv.lo()), order) * Math.pow(2.5, kv.degree());
            if (Math.abs(before - after) > 1e-11 * Math.max(scale, Math.abs(before))) {
                throw new AssertionError("order " + order + " at x = " + x + " after inserting " + knot + " into " + kv
                        + ": " + before + " vs " + after);
            }
        }
    }
}
