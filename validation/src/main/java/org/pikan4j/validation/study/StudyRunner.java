package org.pikan4j.validation.study;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.Recommendation;
import org.pikan4j.problems.dsl.Problem;
import org.pikan4j.validation.reference.ReferenceSolutions;
import org.pikan4j.validation.solve.Solution;
import org.pikan4j.validation.solve.Solver;

/**
 * Runs every cell of a study that the output folder does not already hold: {@code parallel}
 * cells at a time, each evaluating its loss with {@code threads} threads (cells are independent;
 * on a machine with c cores, c cells x 1 thread uses them best, since one small loss scales
 * below 2x on two threads). Each finished cell is appended to {@code results.csv} at once, so an
 * interrupted study resumes where it stopped; a cell that throws is reported and left for the next
 * run. Writes {@code study.json} (the definition, every default spelled out) beside the results.
 * Immutable configuration with {@code withXxx}; defaults: one cell per available core, one thread
 * each, no progress output.
 */
public final class StudyRunner {

    /** The file of finished cells in the output folder. */
    public static final String RESULTS = "results.csv";
    /** The definition as run, in the output folder. */
    public static final String DEFINITION = "study.json";

    private final StudyDefinition study;
    private final int parallel;
    private final int threads;
    private final PrintStream progress;

    private StudyRunner(StudyDefinition study, int parallel, int threads, PrintStream progress) {
        this.study = study;
        this.parallel = parallel;
        this.threads = threads;
        this.progress = progress;
    }

    /** A runner for the study. */
    public static StudyRunner of(StudyDefinition study) {
        if (study == null) {
            throw new IllegalArgumentException("study must not be null");
        }
        return new StudyRunner(study, Runtime.getRuntime().availableProcessors(), 1, null);
    }

    /**
     * The same runner with {@code n} cells at a time.
     *
     * @throws IllegalArgumentException when n is not in [1, 64]
     */
    public StudyRunner withParallelCells(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("parallel cells must be in [1, 64], got " + n);
        }
        return new StudyRunner(study, n, threads, progress);
    }

    /**
     * The same runner with {@code n} threads per cell's loss.
     *
     * @throws IllegalArgumentException when n is not in [1, 64]
     */
    public StudyRunner withThreadsPerCell(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("threads per cell must be in [1, 64], got " + n);
        }
        return new StudyRunner(study, parallel, n, progress);
    }

    /** The same runner printing a line per finished cell to {@code out}. */
    public StudyRunner withProgress(PrintStream out) {
        return new StudyRunner(study, parallel, threads, out);
    }

    /**
     * Runs the cells the folder lacks and returns every cell's result.
     *
     * @throws IOException when the folder or its files cannot be written
     */
    public StudyResults run(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(DEFINITION), StudyFile.write(study), StandardCharsets.UTF_8);
        ResultStore store = ResultStore.open(folder.resolve(RESULTS));
        List<StudyCell> cells = study.cells();
        Set<StudyCell> finished = new HashSet<>();
        store.rows().forEach(r -> finished.add(r.cell()));
        List<StudyCell> todo = cells.stream().filter(c -> !finished.contains(c)).toList();
        say(String.format(Locale.ROOT, "study %s: %d cells, %d finished earlier%s, %d to run (%d at a time x %d"
                        + " thread%s)", study.name(), cells.size(), cells.size() - todo.size(),
                store.malformed() > 0 ? " (" + store.malformed() + " unreadable rows ignored)" : "", todo.size(),
                Math.min(parallel, Math.max(1, todo.size())), threads, threads == 1 ? "" : "s"));
        Map<StudyCell, String> failures = new HashMap<>();
        if (!todo.isEmpty()) {
            execute(todo, store, failures);
        }
        Map<StudyCell, CellResult> byCell = new HashMap<>();
        store.rows().forEach(r -> byCell.put(r.cell(), r));
        List<CellResult> results = new ArrayList<>();
        List<StudyResults.Failure> failed = new ArrayList<>();
        for (StudyCell c : cells) {
            if (byCell.containsKey(c)) {
                results.add(byCell.get(c));
            } else {
                failed.add(new StudyResults.Failure(c, failures.getOrDefault(c, "not run")));
            }
        }
        return new StudyResults(study, results, failed);
    }

    private void execute(List<StudyCell> todo, ResultStore store, Map<StudyCell, String> failures) throws IOException {
        CatalogEntry entry = StudyDefinition.entry(study.problem());
        Problem problem = ReferenceSolutions.attach(entry);
        BoxQuadrature quadrature = BoxQuadrature.of(problem.domain());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, todo.size()), r -> {
            Thread t = new Thread(r, "study-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StudyCell cell : todo) {
                futures.add(pool.submit(() -> {
                    String line;
                    try {
                        CellResult r = measure(cell, problem, entry.recommendation(), quadrature);
                        store.append(r);
                        line = String.format(Locale.ROOT, "%s: relative L2 %.3e, %d params, %.1f s", cell,
                                r.relativeL2(), r.parameters(), r.seconds());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException e) {
                        synchronized (failures) {
                            failures.put(cell, e.toString());
                        }
                        line = cell + ": FAILED " + e;
                    }
                    say(String.format(Locale.ROOT, "[%d/%d, %.0f s] %s", done.incrementAndGet(), todo.size(),
                            (System.nanoTime() - start) * 1e-9, line));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted; finished cells are kept in " + store.file(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Trains one cell and measures its errors. */
    private CellResult measure(StudyCell cell, Problem problem, Recommendation base, BoxQuadrature quadrature) {
        Recommendation settings = base.withModel(cell.model()).withCollocation(cell.collocation())
                .withOptimizers(cell.optimizer());
        Solution s = Solver.of(problem, settings).withSeed(cell.seed()).withThreads(threads).solve();
        String field = problem.fieldNames().get(0);
        double[] trained = problem.fieldValues(s.network(), Backends.named("jvm"), s.training().theta(),
                quadrature.points())[0];
        double l2 = quadrature.l2Distance(trained, problem.exact(field, quadrature.points()));
        return new CellResult(cell, s.parameters(), s.training().history().lastStep(), s.seconds(),
                s.training().loss(), s.error().relativeL2(), s.error().maxError(), l2, s.training().stopReason().name());
    }

    private void say(String line) {
        if (progress != null) {
            synchronized (progress) {
                progress.println(line);
                progress.flush();
            }
        }
    }
}
