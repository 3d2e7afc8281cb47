package org.pikan4j.core.residual;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The helper threads that share a loss evaluation with its caller, one pool for every loss.
 *
 * <p>There is one fewer helper than processors (at least one): more would only take turns on the cores. A helper is
 * started by the first task that finds fewer and then kept between evaluations (ended after a minute idle), so a
 * loss evaluated over and over uses the same threads; tasks beyond them wait in the queue. Not the common fork-join
 * pool (on two cores its parallelism is 1 and CompletableFuture then starts a new thread for every task), nor a
 * cached pool (it starts another thread whenever a task arrives before the last helper is idle again).
 *
 * <p>Helpers and caller sleep while they wait. Spinning for 200 µs first (so that neither pays a wake-up between
 * back-to-back evaluations) was measured and changed nothing: KAN [2,10,1] on two threads 1.26-1.34 ms either way,
 * see docs/performance.md.
 */
final class LossHelpers {

    /** Helper threads in the pool. */
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private static final Executor POOL = pool();

    private LossHelpers() {
    }

    /**
     * Runs {@code task(w)} for w = 0 .. workers - 1, worker 0 on the calling thread and the others on helpers, and
     * returns when all are done.
     */
    static void runAll(int workers, IntConsumer task) {
        List<CompletableFuture<Void>> others = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            int worker = w;
            others.add(CompletableFuture.runAsync(() -> task.accept(worker), POOL));
        }
        task.accept(0);
        others.forEach(CompletableFuture::join);
    }

    private static Executor pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "pinn-loss-helper");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
