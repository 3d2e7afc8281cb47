package org.pikan4j.problems.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointSamplerTest {

    private static final List<PointSampler> ALL = List.of(PointSampler.sobol(), PointSampler.halton(),
            PointSampler.uniform(42), PointSampler.grid());

    @Test
    void everySamplerStaysStrictlyInsideTheOpenUnitCube() {
        for (PointSampler sampler : ALL) {
            for (double[] u : sampler.sample(200, 3)) {
                assertEquals(3, u.length);
                for (double x : u) {
                    assertTrue(x > 0 && x < 1, sampler + " produced coordinate " + x);
                }
            }
        }
    }

    @Test
    void sameSamplerAndSeedGiveTheSamePoints() {
        for (PointSampler sampler : ALL) {
            assertArrayEquals(sampler.sample(50, 2), sampler.sample(50, 2), sampler.toString());
        }
        assertArrayEquals(PointSampler.uniform(7).sample(30, 2), PointSampler.uniform(7).sample(30, 2));
    }

    @Test
    void differentSeedsGiveDifferentPoints() {
        assertFalse(java.util.Arrays.deepEquals(PointSampler.uniform(1).sample(10, 2),
                PointSampler.uniform(2).sample(10, 2)));
    }

    @Test
    void exactCountSamplersArePrefixStable() {
        for (PointSampler sampler : List.of(PointSampler.sobol(), PointSampler.halton(), PointSampler.uniform(3))) {
            double[][] small = sampler.sample(10, 2);
            double[][] large = sampler.sample(40, 2);
            assertEquals(10, small.length);
            for (int i = 0; i < small.length; i++) {
                assertArrayEquals(small[i], large[i], sampler.toString());
            }
        }
    }

    @Test
    void gridReturnsAFullTensorGridOfAtLeastNCellCentres() {
        double[][] grid = PointSampler.grid().sample(10, 2);
        assertEquals(16, grid.length, "ceil(sqrt(10)) = 4 points per axis");
        assertArrayEquals(new double[] {0.125, 0.125}, grid[0]);
        assertFalse(PointSampler.grid().isExactCount());
        assertEquals(27, PointSampler.grid().sample(27, 3).length);
    }

    @Test
    void zeroDimensionalRequestsGiveEmptyPoints() {
        for (PointSampler sampler : ALL) {
            double[][] points = sampler.sample(4, 0);
            assertEquals(4, points.length);
            assertEquals(0, points[0].length);
        }
    }

    @Test
    void badCountOrDimensionIsRejectedWithTheValue() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> PointSampler.sobol().sample(0, 2));
        assertEquals("n must be >= 1, got 0", n.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> PointSampler.uniform(1).sample(3, -1));
        assertEquals("dimension must be >= 0, got -1", d.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
                () -> PointSampler.halton().sample(3, 41));
        assertTrue(h.getMessage().contains("dimension <= 40, got 41"), h.getMessage());
    }
}
