package org.pikan4j.validation.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints benchmark results as a table and writes them as CSV. The {@code ratio} column divides
 * each time by the first row of its group: the same sweep and model kind, and for the thread
 * sweeps also the same point count (so there it reads as time with n threads over time with one).
 */
public final class BenchTable {

    /** The CSV header. */
    public static final String CSV_HEADER = "sweep,model,grid,operator,components,interior,boundary,points,threads,"
            + "backend,precision,ms_per_eval,cpu_ms_per_eval,us_per_point,ratio,native_calls_per_eval,"
            + "peak_heap_mb,peak_offheap_mb,peak_rss_mb,evaluations";

    private static final String ROW = "%-10s %-16s %4s %-10s %3d %7d %3d %9.3f %9.3f %7.3f %6.2f %7d %8.1f %8.1f %8.1f%n";

    private final Map<String, Double> firstOfGroup = new HashMap<>();

    /** The table's header line. */
    public void printHeader(PrintStream out) {
        out.printf(Locale.ROOT, "%-10s %-16s %4s %-10s %3s %7s %3s %9s %9s %7s %6s %7s %8s %8s %8s%n", "sweep", "model",
                "G", "operator", "C", "points", "thr", "ms/eval", "cpu ms", "us/pt", "ratio", "calls", "heap MB",
                "offheap", "rss MB");
    }

    /** Prints one result as a row (results of a group must come in order: the first is the base). */
    public void printRow(PrintStream out, BenchResult r) {
        BenchCase c = r.benchCase();
        out.printf(Locale.ROOT, ROW, c.sweep(), c.model(), c.kan() ? Integer.toString(c.grid()) : "-",
                c.operator().label(), c.operator().components(), c.points(), c.threads(), r.milliseconds(),
                r.cpuMilliseconds(), r.microsecondsPerPoint(), ratio(r), r.nativeCalls(), r.heapMegabytes(),
                r.offHeapMegabytes(), r.residentMegabytes());
    }

    /** Time over the time of the first result of the same group. */
    public double ratio(BenchResult r) {
        return r.milliseconds() / firstOfGroup.computeIfAbsent(group(r.benchCase()), k -> r.milliseconds());
    }

    private static String group(BenchCase c) {
        boolean byThreads = c.sweep().equals("reference") || c.sweep().equals("threads");
        return c.sweep() + "/" + c.kan() + (byThreads ? "/" + c.interior() : "");
    }

    /** Writes every result, with the header, to {@code file}. */
    public void writeCsv(Path file, List<BenchResult> results) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(file))) {
            csv.println(CSV_HEADER);
            for (BenchResult r : results) {
                BenchCase c = r.benchCase();
                csv.printf(Locale.ROOT, "%s,\"%s\",%d,%s,%d,%d,%d,%d,%d,%s,%s,%.4f,%.4f,%.4f,%.3f,%d,%.1f,%.1f,%.1f,%d%n",
                        c.sweep(), c.model(), c.kan() ? c.grid() : 0, c.operator().label(), c.operator().components(),
                        c.interior(), c.boundary(), c.points(), c.threads(), r.backend(), r.precision(),
                        r.milliseconds(), r.cpuMilliseconds(), r.microsecondsPerPoint(), ratio(r), r.nativeCalls(),
                        r.heapMegabytes(), r.offHeapMegabytes(), r.residentMegabytes(), r.evaluations());
            }
        }
    }
}
