package org.pikan4j.validation.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.TrainingListener;

/**
 * Turns Ctrl-C (SIGINT, or SIGTERM) into a clean stop with a checkpoint: a shutdown hook asks training to stop
 * after its current step, where the solver writes its checkpoint, and holds the JVM's exit until the command
 * says it is done (at most {@value #WAIT_SECONDS} s, so a hung step cannot keep the JVM alive).
 */
final class InterruptCheckpoint implements TrainingListener {

    /** The longest the hook holds the exit: one step of a large L-BFGS or LM stage fits. */
    static final long WAIT_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::holdExit, "pikan-checkpoint-on-exit");

    /** Registers the shutdown hook. */
    InterruptCheckpoint install() {
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    private void holdExit() {
        requested.set(true);
        try {
            done.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Action onStep(StepReport report) {
        return requested.get() ? Action.STOP : Action.CONTINUE;
    }

    /** Whether a stop was requested by a signal. */
    boolean requested() {
        return requested.get();
    }

    /** Lets a held exit proceed, and unregisters the hook when no exit is under way. */
    void finished() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownUnderWay) {
            // the hook is running: it returns now that the latch is open
        }
    }
}
