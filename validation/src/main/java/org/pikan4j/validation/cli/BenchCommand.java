package org.pikan4j.validation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.Precision;
import org.pikan4j.validation.bench.BenchCase;
import org.pikan4j.validation.bench.BenchResult;
import org.pikan4j.validation.bench.BenchRunner;
import org.pikan4j.validation.bench.BenchTable;
import org.pikan4j.validation.bench.Machine;
import org.pikan4j.validation.bench.Operator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pikan bench}: times one loss-and-gradient evaluation of the Poisson workload for KAN and
 * MLP over sweeps of threads, grid size, point count, width and derivative components, with
 * ND4J calls and peak heap / off-heap / resident memory per cell; prints a table and writes
 * {@code bench.csv} and {@code machine.txt}. A quick companion to the JMH suite.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the Poisson loss and gradient over threads, grid sizes, uniform and moved knots, point"
                + " counts, widths and derivative components.")
final class BenchCommand implements Callable<Integer> {

    /** The sweeps {@code --sweeps} accepts. */
    static final List<String> SWEEPS = List.of("reference", "threads", "grid", "knots", "points", "width",
            "components");

    private static final int REFERENCE_INTERIOR = 2500;

    @Option(names = "--sweeps", split = ",", defaultValue = "reference,threads,grid,knots,points,width,components",
            description = "sweeps to run, of reference, threads, grid, knots (uniform against moved, non-uniform"
                    + " grids), points, width, components (default: all)")
    List<String> sweeps;

    @Option(names = "--models", split = ",", defaultValue = "kan,mlp",
            description = "model kinds to run, kan and/or mlp (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--threads", split = ",", defaultValue = "1,2",
            description = "thread counts of the reference and thread sweeps (default: ${DEFAULT-VALUE})")
    int[] threads;

    @Option(names = "--thread-points", split = ",", defaultValue = "250,1000,2500,10000,40000",
            description = "interior points of the thread sweep (default: ${DEFAULT-VALUE})")
    int[] threadPoints;

    @Option(names = "--grids", split = ",", defaultValue = "5,10,20,50,100,200",
            description = "KAN [2,10,1] grid sizes of the grid sweep (default: ${DEFAULT-VALUE})")
    int[] grids;

    @Option(names = "--points", split = ",", defaultValue = "1000,10000,100000",
            description = "interior points of the point sweep, KAN [2,16,16,1] and MLP [2,20,20,1]"
                    + " (default: ${DEFAULT-VALUE})")
    int[] points;

    @Option(names = "--kan-widths", split = ",", defaultValue = "5,10,20,40",
            description = "hidden widths of KAN [2,w,1] in the width sweep (default: ${DEFAULT-VALUE})")
    int[] kanWidths;

    @Option(names = "--mlp-widths", split = ",", defaultValue = "10,20,40,80",
            description = "hidden widths of MLP [2,w,w,1] in the width sweep (default: ${DEFAULT-VALUE})")
    int[] mlpWidths;

    @Option(names = "--backend", defaultValue = "jvm", description = "jvm, nd4j or auto (default: ${DEFAULT-VALUE})")
    String backend;

    @Option(names = "--precision", defaultValue = "float64",
            description = "float64, or float32 on nd4j (default: ${DEFAULT-VALUE})")
    String precision;

    @Option(names = "--seconds", defaultValue = "1",
            description = "warm-up and measuring time per cell (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--out", defaultValue = "pikan-out/bench",
            description = "folder of bench.csv and machine.txt (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BenchRunner runner;
        List<BenchCase> cases;
        try {
            runner = new BenchRunner(backend, Precision.named(precision), seconds);
            Backends.named(backend, 0, runner.precision());   // refuses an unknown backend before any work
            for (String m : models) {
                if (!m.equals("kan") && !m.equals("mlp")) {
                    throw new IllegalArgumentException("--models: unknown model kind \"" + m + "\"; valid: [kan, mlp]");
                }
            }
            cases = plan().stream().filter(c -> models.contains(c.kan() ? "kan" : "mlp")).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String machine = Machine.describe();
        System.out.println(machine);
        BenchTable table = new BenchTable();
        table.printHeader(System.out);
        List<BenchResult> results = new ArrayList<>();
        // the first case once more, untimed: the process's own warm-up (JIT of the shared code,
        // native libraries and thread pools) otherwise lands on the first row (measured 12x on nd4j)
        if (!cases.isEmpty()) {
            runner.run(cases.get(0));
        }
        for (BenchCase c : cases) {
            BenchResult r = runner.run(c);
            results.add(r);
            table.printRow(System.out, r);
        }
        table.writeCsv(out.resolve("bench.csv"), results);
        Files.writeString(out.resolve("machine.txt"), machine + System.lineSeparator());
        System.out.println("wrote " + out.resolve("bench.csv"));
        return 0;
    }

    /** The cases of the selected sweeps, in order. */
    private List<BenchCase> plan() {
        List<BenchCase> cases = new ArrayList<>();
        for (String sweep : sweeps) {
            switch (sweep) {
                case "reference":
                    for (int t : threads) {
                        cases.add(kan(sweep, new int[] {2, 10, 1}, 10, Operator.LAPLACIAN, REFERENCE_INTERIOR, t));
                        cases.add(mlp(sweep, new int[] {2, 20, 20, 1}, Operator.LAPLACIAN, REFERENCE_INTERIOR, t));
                    }
                    break;
                case "threads":
                    for (int n : threadPoints) {
                        for (int t : threads) {
                            cases.add(kan(sweep, new int[] {2, 10, 1}, 10, Operator.LAPLACIAN, n, t));
                        }
                        for (int t : threads) {
                            cases.add(mlp(sweep, new int[] {2, 20, 20, 1}, Operator.LAPLACIAN, n, t));
                        }
                    }
                    break;
                case "grid":
                    for (int g : grids) {
                        cases.add(kan(sweep, new int[] {2, 10, 1}, g, Operator.LAPLACIAN, REFERENCE_INTERIOR, 1));
                    }
                    break;
                case "knots":
                    for (boolean moved : new boolean[] {false, true}) {
                        cases.add(new BenchCase(sweep, true, new int[] {2, 10, 1}, 10, Operator.LAPLACIAN,
                                REFERENCE_INTERIOR, 1, moved));
                    }
                    break;
                case "points":
                    for (int n : points) {
                        cases.add(kan(sweep, new int[] {2, 16, 16, 1}, 10, Operator.LAPLACIAN, n, 1));
                    }
                    for (int n : points) {
                        cases.add(mlp(sweep, new int[] {2, 20, 20, 1}, Operator.LAPLACIAN, n, 1));
                    }
                    break;
                case "width":
                    for (int w : kanWidths) {
                        cases.add(kan(sweep, new int[] {2, w, 1}, 10, Operator.LAPLACIAN, REFERENCE_INTERIOR, 1));
                    }
                    for (int w : mlpWidths) {
                        cases.add(mlp(sweep, new int[] {2, w, w, 1}, Operator.LAPLACIAN, REFERENCE_INTERIOR, 1));
                    }
                    break;
                case "components":
                    for (Operator o : Operator.values()) {
                        cases.add(kan(sweep, new int[] {2, 10, 1}, 10, o, REFERENCE_INTERIOR, 1));
                    }
                    for (Operator o : Operator.values()) {
                        cases.add(mlp(sweep, new int[] {2, 20, 20, 1}, o, REFERENCE_INTERIOR, 1));
                    }
                    break;
                default:
                    throw new IllegalArgumentException("--sweeps: unknown sweep \"" + sweep + "\"; valid: " + SWEEPS);
            }
        }
        return cases;
    }

    private static BenchCase kan(String sweep, int[] widths, int grid, Operator operator, int interior, int threads) {
        return new BenchCase(sweep, true, widths, grid, operator, interior, threads, false);
    }

    private static BenchCase mlp(String sweep, int[] widths, Operator operator, int interior, int threads) {
        return new BenchCase(sweep, false, widths, 0, operator, interior, threads, false);
    }
}
