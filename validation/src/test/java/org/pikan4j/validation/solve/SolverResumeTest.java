package org.pikan4j.validation.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pikan4j.core.io.Checkpoint;
import org.pikan4j.core.io.CheckpointFile;
import org.pikan4j.core.train.StepReport;
import org.pikan4j.core.train.StopReason;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.train.TrainingListener;
import org.pikan4j.problems.catalog.Catalog;
import org.pikan4j.problems.catalog.CatalogEntry;
import org.pikan4j.problems.catalog.Causality;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;

/**
 * A solve stopped anywhere (in Adam, in L-BFGS, right before and after a grid extension) and resumed from its
 * checkpoint file ends exactly like the uninterrupted solve: the same parameters and loss history, bit for bit.
 * robin1d with KAN [1,5,1], G 5 -> 8, Adam 30 then L-BFGS 20, then L-BFGS 20 on the extended grid (70 steps).
 */
class SolverResumeTest {

    private static final CatalogEntry ROBIN = Catalog.standard().entry("robin1d");
    private static Solution uninterrupted;

    @TempDir
    Path directory;

    private static Solver solver() {
        return Solver.of(ROBIN).withModel(ROBIN.recommendation().model().withGrid(5).withExtensions(8))
                .withCollocation(Collocation.of(60, 2)).withOptimizers(new OptimizerPlan(30, 1e-2, 20, 10, 0))
                .withThreads(1);
    }

    @BeforeAll
    static void solveOnce() {
        uninterrupted = solver().solve();
        assertEquals(StopReason.BUDGET, uninterrupted.training().stopReason(), uninterrupted.training().diagnosis());
        assertEquals(70, uninterrupted.training().history().lastStep() - 0, "phase steps");
    }

    /** Stops after {@code step}. */
    private static TrainingListener stopAfter(int step) {
        return new TrainingListener() {
            @Override
            public Action onStep(StepReport report) {
                return report.step() == step ? Action.STOP : Action.CONTINUE;
            }
        };
    }

    @ParameterizedTest(name = "stopped after step {0}")
    @ValueSource(ints = {12, 30, 41, 50, 51, 63})
    void resumedSolveEqualsTheUninterruptedOne(int stop) throws IOException {
        Path file = directory.resolve("checkpoint.pikan");
        Solution stopped = solver().withCheckpoints(file, 7).withListener(stopAfter(stop)).solve();
        assertEquals(StopReason.INTERRUPTED, stopped.training().stopReason());
        Checkpoint checkpoint = CheckpointFile.load(file);
        assertEquals(stop > 50 ? "1" : "0", checkpoint.metadata().get("phase"));
        Solution resumed = solver().withCheckpoints(file, 7).resumingFrom(checkpoint).solve();
        assertArrayEquals(uninterrupted.training().theta(), resumed.training().theta());
        assertEquals(rows(uninterrupted.training().history()), rows(resumed.training().history()));
        assertEquals(uninterrupted.training().history().events(), resumed.training().history().events());
        assertArrayEquals(uninterrupted.approximations().get("u"), resumed.approximations().get("u"));
        assertEquals(8, ((org.pikan4j.core.nn.KanLayer) resumed.network().layers().get(0)).grid(0).intervals());
    }

    @ParameterizedTest(name = "stopped after step {0}")
    @ValueSource(ints = {41, 50, 51})
    void fullBfgsResumesExactlyThoughItMarksItsStateOnlyEveryFewSteps(int stop) throws IOException {
        Solver dense = solver().withOptimizers(new OptimizerPlan(30, 1e-2, 20, 10, 0).withDenseInverse());
        Solution whole = dense.solve();
        Path file = directory.resolve("checkpoint.pikan");
        dense.withCheckpoints(file, 7).withListener(stopAfter(stop)).solve();
        Checkpoint last = CheckpointFile.load(file);
        // full BFGS marks its state every 20 steps and at checkpoints, and once more where a run stops
        assertEquals(stop, last.state().position().step());
        Solution resumed = dense.withCheckpoints(file, 7).resumingFrom(last).solve();
        assertArrayEquals(whole.training().theta(), resumed.training().theta());
        assertEquals(rows(whole.training().history()), rows(resumed.training().history()));
    }

    @Test
    void aResumeWithOtherSettingsNamesTheSetting() throws IOException {
        Path file = directory.resolve("checkpoint.pikan");
        solver().withCheckpoints(file, 0).withListener(stopAfter(5)).solve();
        Checkpoint checkpoint = CheckpointFile.load(file);
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> solver().withSeed(2).resumingFrom(checkpoint));
        assertEquals("the checkpoint was written with seed 1, this run has seed 2; a resume needs the same settings"
                + " to continue the run exactly", seed.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> solver().withThreads(2).resumingFrom(checkpoint));
        assertTrue(threads.getMessage().startsWith("the checkpoint was written with threads 1, this run has threads 2"),
                threads.getMessage());
        IllegalArgumentException points = assertThrows(IllegalArgumentException.class,
                () -> solver().withCollocation(Collocation.of(61, 2)).resumingFrom(checkpoint));
        assertTrue(points.getMessage().startsWith("the checkpoint was written with collocation"), points.getMessage());
        IllegalArgumentException adaptive = assertThrows(IllegalArgumentException.class,
                () -> solver().withAdaptiveRefinement().resumingFrom(checkpoint));
        assertTrue(adaptive.getMessage().startsWith("checkpoints and resume are not available with adaptive"),
                adaptive.getMessage());
    }

    @Test
    void aResumeWithOtherCausalWeightingOrFromACheckpointWithoutItIsRefused() throws IOException {
        CatalogEntry heat = Catalog.standard().entry("diffusion1d");
        Solver decayed = Solver.of(heat).withModel(heat.recommendation().model().withGrid(5))
                .withCollocation(Collocation.of(60, 10, 10)).withOptimizers(new OptimizerPlan(30, 1e-2, 0, 10, 0))
                .withThreads(1).withCausality(new Causality(1.0, 4, 3.0));
        Path file = directory.resolve("checkpoint.pikan");
        decayed.withCheckpoints(file, 0).withListener(stopAfter(5)).solve();
        Checkpoint checkpoint = CheckpointFile.load(file);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> decayed.withCausality(new Causality(1.0, 4)).resumingFrom(checkpoint));
        assertTrue(other.getMessage().startsWith("the checkpoint was written with causality causal ε = 1.0, 4 slabs,"
                + " decay 3.0, this run has causality causal ε = 1.0, 4 slabs;"), other.getMessage());
        Map<String, String> older = new HashMap<>(checkpoint.metadata());
        older.remove("causality");
        Checkpoint old = new Checkpoint(checkpoint.network(), checkpoint.state(), checkpoint.points(), older);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> decayed.resumingFrom(old));
        assertTrue(missing.getMessage().startsWith("the checkpoint records no causality (an older pikan4j wrote it)"),
                missing.getMessage());
    }

    @Test
    void aPhaseEndsWithACheckpointEvenWithoutAnInterval() throws IOException {
        Path file = directory.resolve("checkpoint.pikan");
        solver().withCheckpoints(file, 0).solve();
        Checkpoint last = CheckpointFile.load(file);
        assertEquals("1", last.metadata().get("phase"));
        assertEquals(70, last.state().position().step());
        Solution resumed = solver().resumingFrom(last).solve();
        assertArrayEquals(uninterrupted.training().theta(), resumed.training().theta());
    }

    private static List<TrainingHistory.Row> rows(TrainingHistory history) {
        return history.rows().stream().map(r -> new TrainingHistory.Row(r.step(), r.stage(), r.loss(), r.terms(),
                r.learningRate(), 0.0)).toList();
    }
}
