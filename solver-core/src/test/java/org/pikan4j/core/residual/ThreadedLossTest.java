package org.pikan4j.core.residual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.MultiIndex;

/** Splitting the points over threads changes only the summation order, and is reproducible. */
class ThreadedLossTest {

    private static PinnLoss loss(Network network, int threads) {
        return loss(network, threads, 301);
    }

    private static PinnLoss loss(Network network, int threads, int points) {
        Random random = new Random(3);
        double[][] interior = new double[points][2];
        for (double[] p : interior) {
            p[0] = random.nextDouble() * 2 - 1;
            p[1] = random.nextDouble() * 2 - 1;
        }
        ResidualTerm pde = ResidualTerm.of("pde", interior, List.of(MultiIndex.of(2, 0), MultiIndex.of(0, 2)),
                b -> b.d(b.field(0), "xx").plus(b.d(b.field(0), "yy")).plus(b.source(p -> p[0] * p[1])));
        ResidualTerm boundary = ResidualTerm.of("boundary", new double[][] {{1, 0}, {-1, 0.5}, {0, 1}},
                List.of(), b -> b.field(0));
        return new PinnLoss(network, new JvmBackend(16), List.of(pde, boundary), List.of("x", "y"), 0, threads);
    }

    @Test
    void twoThreadsAgreeWithOneAndRepeatBitForBit() {
        Network network = Kan.widths(2, 4, 1).grid(5).build();
        double[] theta = network.initialParameters(9);
        double[] one = new double[theta.length];
        double[] two = new double[theta.length];
        double[] twoAgain = new double[theta.length];
        double single = loss(network, 1).evaluate(theta, one);
        PinnLoss threaded = loss(network, 2);
        double parallel = threaded.evaluate(theta, two);
        double parallelAgain = threaded.evaluate(theta, twoAgain);
        assertEquals(single, parallel, 1e-13 * single);
        for (int p = 0; p < theta.length; p++) {
            assertEquals(one[p], two[p], 1e-12 * (1 + Math.abs(one[p])), "gradient entry " + p);
        }
        assertEquals(parallel, parallelAgain, 0.0);
        assertArrayEquals(two, twoAgain, 0.0);
    }

    @Test
    void smallProblemsUseOneThreadAndGiveItsBits() {
        Network network = Kan.widths(2, 4, 1).grid(5).build();
        double[] theta = network.initialParameters(9);
        // 40 interior points in blocks of 16 plus the boundary block: 4 blocks, too few for two threads
        PinnLoss small = loss(network, 2, 40);
        assertEquals(1, small.activeThreads());
        double[] one = new double[theta.length];
        double[] two = new double[theta.length];
        assertEquals(loss(network, 1, 40).evaluate(theta, one), small.evaluate(theta, two), 0.0);
        assertArrayEquals(one, two, 0.0);
        assertEquals(2, loss(network, 2).activeThreads());   // 301 points: 19 + 1 blocks
    }

    @Test
    void theSecondThreadIsKeptBetweenEvaluations() {
        // a thread started per evaluation (CompletableFuture's fallback when the common pool has one worker,
        // as on two cores) cost more than the split saved; evaluations must reuse the pool's helpers (one on two
        // cores), however late a helper gets back to waiting for the next task
        Set<Thread> helpers = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        double[][] points = new double[200][2];
        for (int n = 0; n < points.length; n++) {
            points[n][0] = n / 200.0;
        }
        ResidualTerm recording = ResidualTerm.of("recording", points, List.of(), b -> {
            if (Thread.currentThread() != caller) {
                helpers.add(Thread.currentThread());
            }
            return b.field(0);
        });
        Network network = Kan.widths(2, 3, 1).grid(4).degree(3).build();
        PinnLoss loss = new PinnLoss(network, new JvmBackend(16), List.of(recording), List.of("x", "y"), 0, 2);
        assertEquals(2, loss.activeThreads());
        double[] theta = network.initialParameters(1);
        double[] gradient = new double[theta.length];
        for (int i = 0; i < 20; i++) {
            loss.evaluate(theta, gradient);
        }
        assertTrue(helpers.size() <= LossHelpers.THREADS, "threads other than the caller's: " + helpers);
    }
}
