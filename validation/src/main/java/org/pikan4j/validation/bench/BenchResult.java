package org.pikan4j.validation.bench;

/**
 * What one {@link BenchCase} measured.
 *
 * @param benchCase          the configuration
 * @param backend            the backend's name
 * @param precision          the backend's precision label
 * @param milliseconds       wall time per loss-and-gradient evaluation
 * @param cpuMilliseconds    CPU time of the evaluating thread per evaluation, NaN with several threads
 * @param nativeCalls        ND4J calls per evaluation (0 on jvm)
 * @param heapMegabytes      peak heap while measuring
 * @param offHeapMegabytes   peak memory outside the heap (direct buffers, native arrays)
 * @param residentMegabytes  peak resident set of the process (NaN where unknown)
 * @param evaluations        evaluations timed
 */
public record BenchResult(BenchCase benchCase, String backend, String precision, double milliseconds,
                          double cpuMilliseconds, long nativeCalls, double heapMegabytes, double offHeapMegabytes,
                          double residentMegabytes, int evaluations) {

    /** Wall time per point, in microseconds. */
    public double microsecondsPerPoint() {
        return milliseconds * 1e3 / benchCase.points();
    }
}
