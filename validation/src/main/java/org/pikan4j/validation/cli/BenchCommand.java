package org.pikan4j.validation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.validation.bench.PoissonWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pikan bench}: times one loss-and-gradient evaluation of the Poisson workload for KAN and
 * MLP over sweeps of grid size, point count and threads, and prints a table (also written as
 * CSV). A quick companion to the JMH suite, for seeing how the cost grows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the Poisson loss and gradient over grid sizes, point counts and threads.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--grids", split = ",", defaultValue = "5,10,50,200",
            description = "KAN grid sizes of the G sweep (default: ${DEFAULT-VALUE})")
    int[] grids;

    @Option(names = "--points", split = ",", defaultValue = "1000,10000,100000",
            description = "interior point counts of the point sweep (default: ${DEFAULT-VALUE})")
    int[] points;

    @Option(names = "--threads", split = ",", defaultValue = "1,2",
            description = "thread counts of the reference cells (default: ${DEFAULT-VALUE})")
    int[] threads;

    @Option(names = "--backend", defaultValue = "jvm", description = "jvm, nd4j or auto (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--seconds", defaultValue = "1", description = "measuring time per cell (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--out", defaultValue = "pikan-out/bench", description = "folder of bench.csv (default: ${DEFAULT-VALUE})")
    Path out;

    /** One measured configuration. */
    private record Cell(String model, int grid, int interior, int threads, double milliseconds, long nativeCalls,
                        double heapMegabytes) {
    }

    @Override
    public Integer call() throws IOException {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be > 0, got " + seconds);
        }
        List<Cell> cells = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-14s %5s %8s %7s %10s %12s %9s%n", "model", "G", "points", "threads",
                "ms/eval", "calls/eval", "heap MB");
        for (int t : threads) {
            cells.add(measure("kan[2,10,1]", kan(10), 10, 2500, t));
            cells.add(measure("mlp[2,20,20,1]", Mlp.widths(2, 20, 20, 1).build(), 0, 2500, t));
        }
        for (int g : grids) {
            cells.add(measure("kan[2,10,1]", kan(g), g, 2500, 1));
        }
        for (int n : points) {
            cells.add(measure("kan[2,16,16,1]", Kan.widths(2, 16, 16, 1).grid(10).build(), 10, n, 1));
        }
        Files.createDirectories(out);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("bench.csv")))) {
            csv.println("model,grid,interior,boundary,threads,backend,ms_per_eval,native_calls_per_eval,heap_mb");
            for (Cell c : cells) {
                csv.printf(Locale.ROOT, "%s,%d,%d,%d,%d,%s,%.4f,%d,%.1f%n", c.model(), c.grid(), c.interior(),
                        boundaryPoints(c.interior()), c.threads(), backend, c.milliseconds(), c.nativeCalls(),
                        c.heapMegabytes());
            }
        }
        System.out.println("wrote " + out.resolve("bench.csv"));
        return 0;
    }

    private static Network kan(int grid) {
        return Kan.widths(2, 10, 1).grid(grid).degree(3).build();
    }

    /** Boundary points in the reference proportion, 400 per 2500 interior points. */
    private static int boundaryPoints(int interior) {
        return Math.max(4, interior * 4 / 25);
    }

    private Cell measure(String label, Network network, int grid, int interior, int threadCount) {
        Backend engine = Backends.named(backend);
        PinnLoss loss = PoissonWorkload.loss(network, engine, threadCount, interior, boundaryPoints(interior));
        double[] theta = network.initialParameters(1);
        double[] gradient = new double[theta.length];
        long nanos = (long) (seconds * 1e9);
        run(loss, theta, gradient, nanos);   // warm-up: JIT compilation and buffers
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long calls = engine.nativeCalls();
        long start = System.nanoTime();
        int evaluations = run(loss, theta, gradient, nanos);
        double milliseconds = (System.nanoTime() - start) / 1e6 / evaluations;
        long callsPerEvaluation = (engine.nativeCalls() - calls) / evaluations;
        double heap = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
        Cell cell = new Cell(label, grid, interior, threadCount, milliseconds, callsPerEvaluation, heap);
        System.out.printf(Locale.ROOT, "%-14s %5s %8d %7d %10.3f %12d %9.1f%n", label, grid == 0 ? "-" : grid,
                interior + boundaryPoints(interior), threadCount, milliseconds, callsPerEvaluation, heap);
        return cell;
    }

    /** Evaluates until {@code nanos} have passed (at least twice); returns the number of evaluations. */
    private static int run(PinnLoss loss, double[] theta, double[] gradient, long nanos) {
        long end = System.nanoTime() + nanos;
        int count = 0;
        while (count < 2 || System.nanoTime() < end) {
            loss.evaluate(theta, gradient);
            count++;
        }
        return count;
    }
}
