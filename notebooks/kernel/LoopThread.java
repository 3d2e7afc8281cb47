package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replacement for the loop thread of rapaio-jupyter-kernel 3.0.1, placed ahead of the kernel jar
 * on its class path by notebooks/setup.sh. Same constructor and methods as the original; two
 * start-up races are closed:
 * <ul>
 *   <li>the original sets {@code running} after {@code Thread.start()}, so a thread that looks
 *       first sees {@code false} and ends at once, leaving its channel dead;</li>
 *   <li>the shell channel binds its socket before the kernel installs its message handlers, and a
 *       {@code kernel_info_request} arriving in between throws a NullPointerException that ended
 *       the thread: the kernel then never answers and the client waits forever. Here the
 *       exception is logged and the loop goes on; the client repeats {@code kernel_info_request}
 *       every second until it is answered.</li>
 * </ul>
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * A loop that runs {@code loopBody} and then sleeps {@code sleep} milliseconds, until shut down.
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                // A message that fails to dispatch is dropped; the channel stays alive.
                LOGGER.log(Level.WARNING, getName() + ": message dropped, loop continues", e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    /** Ends the loop after its current pass. */
    public void shutdown() {
        running = false;
    }
}
