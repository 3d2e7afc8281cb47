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
        double[] out = new double[5 * (kv.degree() + 1)];
        kv.evaluate(x, 4, out);
        // measured worst: 1.5e-15 relative over 2*10^4 random cases; the bound is 1e-14
        PartitionOfUnityTest.assertRowSums(kv, x, out, kv.degree());
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
