package org.pikan4j.core.residual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The helpers run every worker's share exactly once, worker 0 on the caller, and the caller sees every share's
 * writes when runAll returns, also when the helpers had gone to sleep between two calls.
 */
class LossHelpersTest {

    @Test
    void everyWorkerRunsOnceAndItsWritesAreSeen() throws InterruptedException {
        Thread caller = Thread.currentThread();
        for (int round = 0; round < 50; round++) {
            int workers = 1 + round % 4;
            long[] seen = new long[workers];
            Thread[] ranOn = new Thread[workers];
            LossHelpers.runAll(workers, w -> {
                seen[w] += w + 1;   // plain writes: visible to the caller only through runAll's wait
                ranOn[w] = Thread.currentThread();
            });
            long[] expected = new long[workers];
            for (int w = 0; w < workers; w++) {
                expected[w] = w + 1;
                assertEquals(w == 0, ranOn[w] == caller, "worker " + w + " ran on " + ranOn[w]);
            }
            assertArrayEquals(expected, seen, "round " + round);
            if (round == 25) {
                // long past the spin: the helpers sleep, and must still be woken for the next call
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aFailingHelperShareReachesTheCaller() {
        AtomicInteger done = new AtomicInteger();
        CompletionException e = assertThrows(CompletionException.class, () -> LossHelpers.runAll(2, w -> {
            if (w == 1) {
                throw new IllegalStateException("share 1 failed");
            }
            done.incrementAndGet();
        }));
        assertTrue(e.getCause() instanceof IllegalStateException && e.getCause().getMessage().equals("share 1 failed"),
                String.valueOf(e.getCause()));
        assertEquals(1, done.get());
    }
}
