package org.pikan4j.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.io.Checkpoint;
import org.pikan4j.core.io.CheckpointFile;
import org.pikan4j.core.io.ModelFile;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;
import org.pikan4j.validation.solve.Solver;

/**
 * {@code pikan solve --checkpoint-every N} writes a checkpoint that {@code --resume DIR} continues to the model
 * of the uninterrupted run, and Ctrl-C (SIGINT to a child JVM) writes one before the JVM exits.
 */
class CheckpointCommandTest {

    /** robin1d, KAN [1,5,1], G 5 -> 8, Adam 30 + L-BFGS 20 per grid, as options. */
    private static final String[] SMALL = {"solve", "robin1d", "--grid", "5", "--extend", "8", "--interior", "60",
        "--boundary", "2", "--adam", "30", "--lbfgs", "20", "--threads", "1"};

    @TempDir
    Path directory;

    private static String[] with(String... more) {
        String[] all = Arrays.copyOf(SMALL, SMALL.length + more.length);
        System.arraycopy(more, 0, all, SMALL.length, more.length);
        return all;
    }

    @Test
    void resumingAStoppedRunGivesTheUninterruptedModel() throws IOException {
        Path whole = directory.resolve("whole");
        CommandOutput full = CommandOutput.run(with("--out", whole.toString(), "--checkpoint-every", "10"));
        assertEquals(0, full.status(), full.err());
        Checkpoint last = CheckpointFile.load(whole.resolve("checkpoint.pikan"));
        assertEquals("1", last.metadata().get("phase"));
        assertEquals(70, last.state().position().step());

        // the same run stopped after step 44 (phase 0, L-BFGS), as Ctrl-C would stop it
        Path part = directory.resolve("part");
        Files.createDirectories(part);
        CatalogEntry robin = Catalog.standard().entry("robin1d");
        Solver.of(robin).withModel(robin.recommendation().model().withGrid(5).withExtensions(8))
                .withCollocation(Collocation.of(60, 2, robin.recommendation().collocation().initial()))
                .withOptimizers(new OptimizerPlan(30, robin.recommendation().optimizers().learningRate(), 20,
                        robin.recommendation().optimizers().lbfgsHistory(), 0))
                .withBackend("jvm").withThreads(1)
                .withCheckpoints(part.resolve("checkpoint.pikan"), 10)
                .withListener(new TrainingListener() {
                    @Override
                    public Action onStep(StepReport report) {
                        return report.step() == 44 ? Action.STOP : Action.CONTINUE;
                    }
                }).solve();
        CommandOutput resumed = CommandOutput.run(with("--out", part.toString(), "--resume", part.toString()));
        assertEquals(0, resumed.status(), resumed.err());
        assertArrayEquals(ModelFile.load(whole.resolve("model.pikan")).theta(),
                ModelFile.load(part.resolve("model.pikan")).theta());
    }

    @Test
    void ctrlCWritesACheckpointBeforeTheJvmExits() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the child must still be training when SIGINT arrives: at the entry's rate 0.01 this run diverges at
        // step 2024 and ends by itself (0.5 s on a fast machine); at 0.001 it trains on for 1e6 steps (about 1 min)
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                PikanCommand.class.getName(), "solve", "robin1d", "--interior", "60", "--boundary", "2",
                "--adam", "1000000", "--lr", "0.001", "--lbfgs", "0", "--grid", "10", "--threads", "1",
                "--out", directory.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (!signalled && line.startsWith("stage 1/1 adam")) {
                    Thread.sleep(300);
                    new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
                    signalled = true;
                    // a JVM started with SIGINT ignored (e.g. from a background job) would train on for
                    // minutes: end it after 60 s, and the exit-code assertion below says what happened
                    Thread watchdog = new Thread(() -> {
                        try {
                            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                                child.destroyForcibly();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    watchdog.setDaemon(true);
                    watchdog.start();
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertEquals(130, child.exitValue(), "the child did not stop on SIGINT within 60 s (was SIGINT ignored,"
                + " e.g. by a background job?):\n" + output);
        assertTrue(output.toString().contains("checkpoint " + directory.resolve("checkpoint.pikan") + " written;"
                + " continue with the same options and --resume " + directory), output.toString());
        Checkpoint checkpoint = CheckpointFile.load(directory.resolve("checkpoint.pikan"));
        assertTrue(checkpoint.state().position().step() > 0, checkpoint.state().toString());
        assertTrue(Arrays.stream(checkpoint.state().theta()).allMatch(Double::isFinite));
        assertEquals("robin1d", checkpoint.metadata().get("problem"));
    }
}
