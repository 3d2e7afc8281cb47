package org.pikan4j.validation.bench;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Peak memory of one measured stretch: the Java heap (the sum of the heap pools' peaks, an
 * upper bound of the simultaneous peak), memory outside the heap (NIO direct buffers plus what
 * the backend reports, e.g. ND4J's native arrays), sampled at every {@link #sample()}, and the
 * process's peak resident set from Linux's {@code /proc/self/status} (NaN elsewhere).
 */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final double MB = 1024.0 * 1024.0;

    private final LongSupplier backendOffHeap;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final List<BufferPoolMXBean> bufferPools =
            ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private long offHeapPeak;

    /** A probe that adds {@code backendOffHeap} (bytes) to the JVM's own buffer pools. */
    public MemoryProbe(LongSupplier backendOffHeap) {
        this.backendOffHeap = backendOffHeap;
    }

    /** Starts a stretch: forgets the peaks seen so far (heap pools, off-heap, resident set). */
    public void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        offHeapPeak = 0;
        try {
            Files.writeString(CLEAR_REFS, "5");   // resets VmHWM, the peak resident set (Linux >= 4.0)
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the resident peak then covers the whole process life
        }
        sample();
    }

    /** Records the current off-heap use. */
    public void sample() {
        long bytes = backendOffHeap.getAsLong();
        for (BufferPoolMXBean pool : bufferPools) {
            bytes += pool.getMemoryUsed();
        }
        offHeapPeak = Math.max(offHeapPeak, bytes);
    }

    /** Peak heap in MB since {@link #reset()}. */
    public double heapPeakMegabytes() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MB;
    }

    /** Peak off-heap in MB over the samples since {@link #reset()}. */
    public double offHeapPeakMegabytes() {
        return offHeapPeak / MB;
    }

    /** Peak resident set of the process in MB since {@link #reset()}, NaN where /proc is missing. */
    public double residentPeakMegabytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
