package org.pikan4j.validation.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pikan4j.validation.reference.BurgersReferenceTest.assertMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllenCahnReferenceTest {

    @TempDir
    Path cache;

    @Test
    void twoResolutionsAgreeAtFinalTime() {
        AllenCahnReference base = AllenCahnReference.withDiffusion(1e-3).withoutDiskCache();
        long start = System.nanoTime();
        GridSolution n256 = base.withModes(256).solve(1025, 2);
        GridSolution n512 = base.withModes(512).solve(1025, 2);
        GridSolution n1024 = base.withModes(1024).solve(1025, 2);
        double coarse = 0;
        double coarseAtNodes = 0;
        double fine = 0;
        for (int ix = 0; ix < 1025; ix++) {
            double d = Math.abs(n256.gridValue(ix, 1) - n512.gridValue(ix, 1));
            coarse = Math.max(coarse, d);
            coarseAtNodes = ix % 4 == 0 ? Math.max(coarseAtNodes, d) : coarseAtNodes;
            fine = Math.max(fine, Math.abs(n512.gridValue(ix, 1) - n1024.gridValue(ix, 1)));
        }
        System.out.printf("D=1e-3, t=1, max |difference| on 1025 points: N=256/512 %.2e (%.2e at the N=256 nodes),"
                + " N=512/1024 %.2e; %.0f ms for the three%n",
                coarse, coarseAtNodes, fine, (System.nanoTime() - start) / 1e6);
        // Measured: N=512/1024 1.1e-12; N=256/512 3.5e-7 at the N=256 collocation points and
        // 2.0e-6 between them, where the coarse interpolant misses the interfaces' spectral tail.
        assertTrue(fine <= 1e-9, "N=512 and N=1024 differ by " + fine);
        assertTrue(coarseAtNodes <= 1e-6, "N=256 and N=512 differ by " + coarseAtNodes + " at the N=256 nodes");
    }

    @Test
    void staysWithinUnitRangeAndReachesPlateaus() {
        GridSolution u = AllenCahnReference.withDiffusion(1e-3).withCacheDirectory(cache).solve(257, 11);
        for (int it = 0; it < u.nt(); it++) {
            for (double v : u.snapshot(it)) {
                assertTrue(Math.abs(v) <= 1, "|u| = " + Math.abs(v) + " at t=" + u.t(it));
            }
        }
        double[] last = u.snapshot(u.nt() - 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : last) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // Measured at t = 1: min -0.999996, max 0.991815; u(±0.3) = 0.9911, u(±0.9) = -1.0000,
        // with the fronts near ±0.5 and a dip to 0.275 at x = 0.
        assertTrue(min < -0.9999, "lower plateau " + min);
        assertTrue(max > 0.99, "upper plateau " + max);
        assertEquals(0.99, u.value(0.3, 1), 0.005);
        assertEquals(0.99, u.value(-0.3, 1), 0.005);
        assertEquals(-1, u.value(0.9, 1), 1e-4);
        assertEquals(-1, u.value(-1, 1), 1e-4);
    }

    @Test
    void startsFromInitialConditionAndStaysEven() {
        GridSolution u = AllenCahnReference.withDiffusion(1e-4).withCacheDirectory(cache).solve(201, 21);
        for (int ix = 0; ix < u.nx(); ix++) {
            double x = u.x(ix);
            assertEquals(x * x * Math.cos(Math.PI * x), u.gridValue(ix, 0), 1e-15);
            for (int it = 1; it < u.nt(); it++) {
                assertEquals(u.gridValue(ix, it), u.gridValue(u.nx() - 1 - ix, it), 1e-9, "x=" + x);
            }
        }
        assertEquals(u.value(-1, 0.5), u.value(1, 0.5), 1e-12);
    }

    @Test
    void reloadsTheSameTableFromDisk() {
        AllenCahnReference ref = AllenCahnReference.withDiffusion(1e-3).withModes(128).withCacheDirectory(cache);
        AllenCahnReference.Loaded first = ref.loadOrCompute(65, 5);
        assertFalse(first.fromDisk());
        assertTrue(Files.exists(ref.cacheFile(65, 5)));
        AllenCahnReference.Loaded again = AllenCahnReference.withDiffusion(1e-3).withModes(128)
                .withCacheDirectory(cache).loadOrCompute(65, 5);
        assertTrue(again.fromDisk());
        for (int it = 0; it < 5; it++) {
            assertArrayEquals(first.solution().snapshot(it), again.solution().snapshot(it), 0);
        }
        AllenCahnReference.Loaded otherTolerance = ref.withTolerance(1e-9).loadOrCompute(65, 5);
        assertFalse(otherTolerance.fromDisk(), "a different tolerance must not reuse the file");
        assertSame(ref.solve(65, 5), ref.solve(65, 5));
    }

    @Test
    void refusesCorruptedCacheAndRecomputes() throws IOException {
        AllenCahnReference ref = AllenCahnReference.withDiffusion(1e-3).withModes(64).withCacheDirectory(cache);
        double[] expected = ref.loadOrCompute(33, 3).solution().snapshot(2);
        Path file = ref.cacheFile(33, 3);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        IOException refused = assertThrows(IOException.class, () -> CacheFile.read(file, "anything"));
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());

        AllenCahnReference.Loaded recovered = ref.loadOrCompute(33, 3);
        assertFalse(recovered.fromDisk());
        assertArrayEquals(expected, recovered.solution().snapshot(2), 0);
        assertTrue(ref.loadOrCompute(33, 3).fromDisk(), "the corrupted file was replaced");
    }

    @Test
    void refusesCacheWrittenForOtherParameters() throws IOException {
        Path file = cache.resolve("table.bin");
        CacheFile.write(file, "D=1", new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {3, 4}, CacheFile.read(file, "D=1")[1], 0);
        IOException refused = assertThrows(IOException.class, () -> CacheFile.read(file, "D=2"));
        assertTrue(refused.getMessage().contains("holds [D=1], expected [D=2]"), refused.getMessage());
    }

    @Test
    void defaultModesResolveTheInterface() {
        // Measured: at these N, doubling N moves u(., 1) by 1.5e-13 (D=1e-3) and 5.5e-12 (D=1e-4).
        assertEquals(512, AllenCahnReference.withDiffusion(1e-3).modes());
        assertEquals(1024, AllenCahnReference.withDiffusion(1e-4).modes());
    }

    @Test
    void rejectsBadArguments() {
        AllenCahnReference ref = AllenCahnReference.withDiffusion(1e-3).withoutDiskCache();
        assertMessage("diffusion D must be > 0 and finite, got 0.0", () -> AllenCahnReference.withDiffusion(0));
        assertMessage("diffusion D must be > 0 and finite, got NaN",
                () -> AllenCahnReference.withDiffusion(Double.NaN));
        assertMessage("modes N must be >= 8, got 4", () -> ref.withModes(4));
        assertMessage("modes N must be a power of two, got 100", () -> ref.withModes(100));
        assertMessage("tolerance must be > 0 and finite, got -1.0E-10", () -> ref.withTolerance(-1e-10));
        assertMessage("nt must be >= 2, got 1", () -> ref.solve(10, 1));
    }
}
