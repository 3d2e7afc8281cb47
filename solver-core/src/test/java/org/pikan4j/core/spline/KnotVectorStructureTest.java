package org.pikan4j.core.spline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KnotVectorStructureTest {

    static Stream<KnotVector> grids() {
        return TestGrids.all().stream();
    }

    @Test
    void uniformKnotVectorHasTheDocumentedLayout() {
        KnotVector kv = KnotVector.uniform(5, 3, -1.0, 1.0);
        assertEquals(3, kv.degree());
        assertEquals(5, kv.intervals());
        assertEquals(8, kv.basisCount());
        assertEquals(-1.0, kv.lo());
        assertEquals(1.0, kv.hi());
        assertTrue(kv.isUniform());
        // spacing 0.4; the expected values are computed the same way as documented, to within 1 ulp-ish
        double[] expectedKnots = {-2.2, -1.8, -1.4, -1.0, -0.6, -0.2, 0.2, 0.6, 1.0, 1.4, 1.8, 2.2};
        assertArrayEquals(expectedKnots, kv.knots(), 1e-15);
        assertArrayEquals(new double[] {-1.0, -0.6, -0.2, 0.2, 0.6, 1.0}, kv.gridPoints(), 1e-15);
        assertEquals("KnotVector[G=5, k=3, [-1.0, 1.0], uniform]", kv.toString());
    }

    @Test
    void nonUniformExtensionKnotsContinueTheEndSpacings() {
        KnotVector kv = KnotVector.of(new double[] {0.0, 0.1, 0.5, 2.0}, 2);
        assertEquals(3, kv.intervals());
        assertEquals(5, kv.basisCount());
        assertFalse(kv.isUniform());
        assertArrayEquals(new double[] {-0.2, -0.1, 0.0, 0.1, 0.5, 2.0, 3.5, 5.0}, kv.knots(), 1e-15);
        assertEquals("KnotVector[G=3, k=2, [0.0, 2.0], non-uniform]", kv.toString());
    }

    @Test
    void equallySpacedGridPointsCountAsUniform() {
        KnotVector kv = KnotVector.of(new double[] {0.0, 0.25, 0.5, 0.75, 1.0}, 3);
        assertTrue(kv.isUniform());
        assertEquals(KnotVector.uniform(4, 3, 0.0, 1.0), kv);
        assertEquals(KnotVector.uniform(4, 3, 0.0, 1.0).hashCode(), kv.hashCode());
    }

    @Test
    void accessorsReturnDefensiveCopies() {
        KnotVector kv = KnotVector.uniform(4, 2, 0.0, 1.0);
        kv.knots()[0] = 99.0;
        kv.gridPoints()[0] = 99.0;
        assertEquals(-0.5, kv.knots()[0]);
        assertEquals(0.0, kv.gridPoints()[0]);
    }

    @Test
    void equalsDistinguishesDegreeGridAndKnots() {
        KnotVector a = KnotVector.uniform(5, 3, -1.0, 1.0);
        assertEquals(a, KnotVector.uniform(5, 3, -1.0, 1.0));
        assertNotEquals(a, KnotVector.uniform(5, 2, -1.0, 1.0));
        assertNotEquals(a, KnotVector.uniform(6, 3, -1.0, 1.0));
        assertNotEquals(a, KnotVector.uniform(5, 3, -1.0, 2.0));
        assertNotEquals(a, a.withGridPoint(0.1));
        assertNotEquals(a, "not a knot vector");
    }

    @ParameterizedTest
    @MethodSource("grids")
    void intervalAgreesWithALinearSearchAndClampsOutsideTheGrid(KnotVector kv) {
        double[] g = kv.gridPoints();
        Random random = new Random(7);
        double span = kv.hi() - kv.lo();
        for (int n = 0; n < 2000; n++) {
            double x = kv.lo() - 0.5 * span + 2.0 * span * random.nextDouble();
            assertEquals(linearSearch(g, x), kv.interval(x), "x = " + x);
        }
        for (int i = 0; i < g.length; i++) {
            assertEquals(Math.min(i, kv.intervals() - 1), kv.interval(g[i]), "grid point " + i);
            double below = Math.nextDown(g[i]);
            assertEquals(linearSearch(g, below), kv.interval(below), "just below grid point " + i);
        }
        assertEquals(0, kv.interval(-1e300));
        assertEquals(kv.intervals() - 1, kv.interval(1e300));
        assertEquals(kv.intervals() - 1, kv.interval(Double.POSITIVE_INFINITY));
    }

    @Test
    void intervalIsExactForGridPointsOnTheLookupBucketEdges() {
        // a non-uniform grid finds a point's interval from 4G equal buckets; grid points placed on bucket edges,
        // where the bucket of a point just below them can round up, are the lookup's hardest case
        Random random = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 200; trial++) {
            int intervals = 2 + random.nextInt(11);
            double lo = random.nextDouble() - 0.5;
            double hi = lo + 0.1 + 3 * random.nextDouble();
            double[] g = new double[intervals + 1];
            g[0] = lo;
            g[intervals] = hi;
            int buckets = 4 * intervals;
            // distinct inner bucket edges, increasing, as the inner grid points
            List<Integer> edges = new ArrayList<>();
            for (int b = 1; b < buckets; b++) {
                edges.add(b);
            }
            Collections.shuffle(edges, random);
            List<Integer> chosen = new ArrayList<>(edges.subList(0, intervals - 1));
            Collections.sort(chosen);
            for (int i = 1; i < intervals; i++) {
                g[i] = lo + chosen.get(i - 1) * (hi - lo) / buckets;
            }
            KnotVector kv = KnotVector.of(g, 3);
            if (kv.isUniform()) {
                continue;
            }
            for (double point : g) {
                for (double x : new double[] {Math.nextDown(point), point, Math.nextUp(point)}) {
                    assertEquals(linearSearch(g, x), kv.interval(x), "x = " + x + " on grid " + Arrays.toString(g));
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "grids checked: " + checked);
    }

    @Test
    void basisFunctionsAreNonZeroExactlyOnTheirSupport() {
        // B_{j+q} for q = 0..k is non-zero in the interior of interval j, as the class documents
        for (KnotVector kv : TestGrids.all()) {
            int k = kv.degree();
            double[] g = kv.gridPoints();
            double[] out = new double[k + 1];
            for (int j = 0; j < kv.intervals(); j++) {
                kv.evaluate(0.5 * (g[j] + g[j + 1]), 0, out);
                for (int q = 0; q <= k; q++) {
                    assertTrue(out[q] > 0.0, "B_" + (j + q) + " on interval " + j + " of " + kv);
                }
            }
        }
    }

    private static int linearSearch(double[] g, double x) {
        int j = 0;
        while (j + 1 < g.length - 1 && g[j + 1] <= x) {
            j++;
        }
        return j;
    }
}
