package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CollocationRefinementTest {

    private static final double[][] POOL = RefineFixtures.points(4000, 2, -1, 1, 41);

    /** A residual peaked at (0.5, -0.3), plus small noise-like ripples elsewhere. */
    private static double[] residuals(double[][] pool) {
        double[] r = new double[pool.length];
        for (int n = 0; n < r.length; n++) {
            double dx = pool[n][0] - 0.5;
            double dy = pool[n][1] + 0.3;
            r[n] = Math.exp(-20 * (dx * dx + dy * dy)) + 0.02 * Math.sin(7 * pool[n][0]);
        }
        return r;
    }

    @Test
    void rarAddsExactlyTheTopKPoints() {
        double[] r = residuals(POOL);
        double[][] current = RefineFixtures.points(50, 2, -1, 1, 42);
        CollocationChange change = CollocationRefinement.rar(25).refine(current, POOL, r);
        double[][] points = change.points();
        assertEquals(75, points.length);
        assertArrayEquals(current, Arrays.copyOf(points, 50));
        Integer[] order = IntStream.range(0, POOL.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(n -> -Math.abs(r[n])));
        for (int a = 0; a < 25; a++) {
            assertEquals(order[a], change.poolIndices()[a]);
            assertArrayEquals(POOL[order[a]], points[50 + a]);
        }
        assertEquals(50, change.record().before());
        assertEquals(75, change.record().after());
        assertEquals(0, CollocationRefinement.rar(0).refine(current, POOL, r).poolIndices().length);
    }

    @Test
    void rarRanksByAbsoluteValue() {
        double[][] pool = {{0.0}, {1.0}, {2.0}, {3.0}};
        CollocationChange change = CollocationRefinement.rar(2).refine(new double[0][], pool,
                new double[] {0.5, -3.0, 2.0, -0.1});
        assertArrayEquals(new int[] {1, 2}, change.poolIndices());
        assertArrayEquals(new double[][] {{1.0}, {2.0}}, change.points());
    }

    @Test
    void radIsReproducibleFromTheSeed() {
        double[] r = residuals(POOL);
        CollocationChange a = CollocationRefinement.rad(500, 2, 0.1, 77).refine(new double[0][], POOL, r);
        CollocationChange b = CollocationRefinement.rad(500, 2, 0.1, 77).refine(new double[0][], POOL, r);
        CollocationChange c = CollocationRefinement.rad(500, 2, 0.1, 78).refine(new double[0][], POOL, r);
        assertArrayEquals(a.poolIndices(), b.poolIndices());
        assertArrayEquals(a.points(), b.points());
        assertFalse(Arrays.equals(a.poolIndices(), c.poolIndices()));
        assertEquals(500, Arrays.stream(a.poolIndices()).distinct().count());
    }

    @Test
    void radConcentratesPointsWhereTheResidualIsLarge() {
        double[] r = residuals(POOL);
        // the half of the pool with the larger |r| (it holds most of the residual mass)
        Integer[] order = IntStream.range(0, POOL.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(n -> -Math.abs(r[n])));
        boolean[] upper = new boolean[POOL.length];
        double upperMass = 0.0;
        double mass = 0.0;
        for (int a = 0; a < POOL.length; a++) {
            upper[order[a]] = a < POOL.length / 2;
            upperMass += a < POOL.length / 2 ? r[order[a]] * r[order[a]] : 0.0;
            mass += r[order[a]] * r[order[a]];
        }
        CollocationChange change = CollocationRefinement.rad(400, 2, 0.0, 5).refine(new double[0][], POOL, r);
        long inUpper = Arrays.stream(change.poolIndices()).filter(n -> upper[n]).count();
        double share = inUpper / 400.0;
        CollocationChange uniform = CollocationRefinement.rad(400, 0, 0.0, 5).refine(new double[0][], POOL, r);
        double uniformShare = Arrays.stream(uniform.poolIndices()).filter(n -> upper[n]).count() / 400.0;
        System.out.printf("RAD k=2 c=0: %.1f%% of points in the upper half of the pool (%.1f%% of the r^2 mass);"
                + " k=0: %.1f%%%n", 100 * share, 100 * upperMass / mass, 100 * uniformShare);
        // measured: 97.5% with k = 2, 48.8% with k = 0 (uniform), pool seed 41, draw seed 5
        assertTrue(share >= 0.8, "share in the upper half " + share);
        assertTrue(uniformShare < 0.6, "uniform share " + uniformShare);
    }

    @Test
    void refinementsAreImmutableValuesThatRefuseBadArguments() {
        double[] r = residuals(POOL);
        assertEquals("count (k, points to add) must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rar(-1)).getMessage());
        assertEquals("pool must hold at least one candidate point, got none",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rar(1)
                        .refine(new double[0][], new double[0][], new double[0])).getMessage());
        assertEquals("pool must hold at least one candidate point, got none",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rad(1, 1, 1, 0)
                        .refine(new double[0][], new double[0][], new double[0])).getMessage());
        assertEquals("count (k, points to add) must be <= the pool size 4000, got 4001",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rar(4001)
                        .refine(new double[0][], POOL, r)).getMessage());
        assertEquals("poolResiduals must hold one value per point of pool (4000), got 3",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rar(1)
                        .refine(new double[0][], POOL, new double[3])).getMessage());
        assertEquals("exponent (k) must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rad(10, -1, 1, 0))
                        .getMessage());
        assertEquals("offset (c) must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rad(10, 1, Double.NaN, 0))
                        .getMessage());
        assertEquals("count (N, points to draw) must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> CollocationRefinement.rad(0, 1, 1, 0))
                        .getMessage());
        CollocationChange change = CollocationRefinement.rar(1).refine(new double[0][], POOL, r);
        double[][] points = change.points();
        points[0][0] = 99;
        assertTrue(change.points()[0][0] != 99, "points are copied out");
        assertSame(change.record(), change.record());
    }
}
