package org.pikan4j.validation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.Precision;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.refine.GridRefinement;
import org.pikan4j.core.refine.GridUpdate;
import org.pikan4j.core.residual.PinnLoss;

/**
 * Measures {@link BenchCase}s: builds the loss on the configured backend, evaluates it for a
 * warm-up stretch (JIT, buffers), then times evaluations for a measuring stretch with the
 * memory probe sampling after each. Immutable.
 */
public final class BenchRunner {

    private final String backend;
    private final Precision precision;
    private final double seconds;

    /**
     * @param backend   a name of {@link Backends#NAMES}
     * @param precision the backend's precision
     * @param seconds   length of the warm-up and of the measuring stretch, &gt; 0
     * @throws IllegalArgumentException for seconds not &gt; 0 (and, when run, for an invalid backend)
     */
    public BenchRunner(String backend, Precision precision, double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and > 0, got " + seconds);
        }
        this.backend = backend;
        this.precision = precision;
        this.seconds = seconds;
    }

    /** The precision the cases run in. */
    public Precision precision() {
        return precision;
    }

    /** Runs one case. */
    public BenchResult run(BenchCase c) {
        Backend engine = Backends.named(backend, c.points(), precision);
        Network network = c.network();
        PinnLoss loss = PoissonWorkload.loss(network, engine, c.threads(), c.interior(), c.boundary(), c.operator());
        double[] theta = network.initialParameters(1);
        if (c.moved()) {
            GridRefinement update = GridUpdate.defaults().update(network, theta, loss.points());
            network = update.network();
            theta = update.theta();
            loss = PoissonWorkload.loss(network, engine, c.threads(), c.interior(), c.boundary(), c.operator());
        }
        double[] gradient = new double[theta.length];
        long nanos = (long) (seconds * 1e9);
        MemoryProbe memory = new MemoryProbe(engine::offHeapBytes);
        evaluate(loss, theta, gradient, nanos, memory);   // warm-up
        System.gc();   // the heap peak then shows the evaluations' own garbage, not the set-up's
        memory.reset();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long calls = engine.nativeCalls();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        int evaluations = evaluate(loss, theta, gradient, nanos, memory);
        double milliseconds = (System.nanoTime() - start) / 1e6 / evaluations;
        double cpuMilliseconds = c.threads() == 1 ? (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / evaluations
                : Double.NaN;
        return new BenchResult(c, engine.name(), engine.precision().label(), milliseconds, cpuMilliseconds,
                (engine.nativeCalls() - calls) / evaluations, memory.heapPeakMegabytes(),
                memory.offHeapPeakMegabytes(), memory.residentPeakMegabytes(), evaluations);
    }

    /** Evaluates until {@code nanos} have passed (at least twice); returns the number of evaluations. */
    private static int evaluate(PinnLoss loss, double[] theta, double[] gradient, long nanos, MemoryProbe memory) {
        long end = System.nanoTime() + nanos;
        int count = 0;
        while (count < 2 || System.nanoTime() < end) {
            loss.evaluate(theta, gradient);
            memory.sample();
            count++;
        }
        return count;
    }
}
