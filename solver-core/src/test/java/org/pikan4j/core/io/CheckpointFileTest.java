package org.pikan4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.io.ModelFileException.Reason;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.BfgsState;
import org.pikan4j.core.optim.DampingState;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.train.Poisson1d;
import org.pikan4j.core.train.Training;
import org.pikan4j.core.train.TrainingHistory;
import org.pikan4j.core.train.TrainingResult;
import org.pikan4j.core.train.TrainingState;

/**
 * Checkpoints written during a short Adam, L-BFGS, Levenberg-Marquardt run (KAN [1,3,1], G = 3, 20 interior
 * points) load back bit for bit and resume like the run; any damaged byte, a truncation, a newer version or a
 * file of the other kind is refused with a message that says which and why.
 */
class CheckpointFileTest {

    private static final List<TrainingState> STATES = TestStates.all();

    @TempDir
    Path directory;

    private Path saved(TrainingState state) throws IOException {
        Path file = directory.resolve("run.ckpt");
        CheckpointFile.save(file, TestStates.checkpoint(state));
        return file;
    }

    @Test
    void everyStateOfTheRunLoadsBackBitForBit() throws IOException {
        assertTrue(STATES.stream().anyMatch(s -> s.optimizer() instanceof AdamState));
        assertTrue(STATES.stream().anyMatch(s -> s.optimizer() instanceof LbfgsState l && l.pairs() == 3));
        assertTrue(STATES.stream().anyMatch(s -> s.optimizer() instanceof DampingState));
        assertTrue(STATES.stream().anyMatch(s -> s.pending() != null));
        for (TrainingState state : STATES) {
            Checkpoint loaded = CheckpointFile.load(saved(state));
            assertSameState(state, loaded.state());
            assertEquals(TestStates.NETWORK.parameterCount(), loaded.network().parameterCount());
            assertEquals(TestStates.checkpoint(state).metadata(), loaded.metadata());
            Map<String, double[][]> points = loaded.points();
            assertEquals(List.of("pde", "boundary"), List.copyOf(points.keySet()));
            assertArrayEquals(TestStates.LOSS.terms().get(0).points(), points.get("pde"));
        }
    }

    @Test
    void aLoadedCheckpointResumesLikeTheUninterruptedRun() throws IOException {
        TrainingState lbfgs = STATES.stream().filter(s -> s.optimizer() instanceof LbfgsState l && l.pairs() > 1)
                .findFirst().orElseThrow();
        Checkpoint loaded = CheckpointFile.load(saved(lbfgs));
        PinnLoss rebuilt = Poisson1d.loss(loaded.network(), 20);
        TrainingResult resumed = TestStates.chain().resume(rebuilt, loaded.state());
        TrainingResult plain = TestStates.plain();
        assertArrayEquals(plain.theta(), resumed.theta());
        assertArrayEquals(plain.history().losses(), resumed.history().losses());
        assertEquals(plain.history().events(), resumed.history().events());
    }

    @Test
    void aDenseBfgsRunCheckpointsItsInverseHessianAndResumesLikeTheUninterruptedRun() throws IOException {
        Training dense = Training.of(Adam.steps(4).withLearningRate(2e-2), Lbfgs.steps(6).withDenseInverse());
        double[] start = TestStates.NETWORK.initialParameters(2);
        TrainingResult plain = dense.train(TestStates.LOSS, start);
        List<TrainingState> states = new ArrayList<>();
        dense.withCheckpoints(1, states::add).train(TestStates.LOSS, start);
        int n = TestStates.NETWORK.parameterCount();
        TrainingState curved = states.stream().filter(s -> s.optimizer() instanceof BfgsState b && !b.isEmpty())
                .skip(2).findFirst().orElseThrow();
        for (TrainingState state : states) {
            TrainingState loaded = CheckpointFile.load(saved(state)).state();
            assertSameState(state, loaded);
            if (state.optimizer() instanceof BfgsState b && !b.isEmpty()) {
                assertEquals(n * (n + 1) / 2, ((BfgsState) loaded.optimizer()).upperTriangle().length);
            }
        }
        Checkpoint loaded = CheckpointFile.load(saved(curved));
        TrainingResult resumed = dense.resume(Poisson1d.loss(loaded.network(), 20), loaded.state());
        assertArrayEquals(plain.theta(), resumed.theta());
        assertArrayEquals(plain.history().losses(), resumed.history().losses());
    }

    @Test
    void everyDamagedByteIsRefused() throws IOException {
        Path file = saved(STATES.get(STATES.size() / 2));
        byte[] good = Files.readAllBytes(file);
        Set<Reason> framing = Set.of(Reason.CORRUPTED, Reason.TRUNCATED, Reason.NOT_A_MODEL, Reason.NEWER_VERSION);
        for (int position = 0; position < good.length; position++) {
            byte[] bad = good.clone();
            bad[position] ^= (byte) (1 + position % 255);
            // all positions through the decoder (writing ~5000 files took 15 s), every 500th through the disk
            ModelFileException e;
            if (position % 500 == 0) {
                Files.write(file, bad);
                e = refusal(file, "byte " + position + " of " + good.length);
            } else {
                e = assertThrows(ModelFileException.class, () -> CheckpointFile.decode(file, bad));
            }
            assertTrue(framing.contains(e.reason()), "byte " + position + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot load checkpoint " + file + ": "), e.getMessage());
        }
    }

    @Test
    void truncationSaysExpectedAndFoundLengths() throws IOException {
        Path file = saved(STATES.get(3));
        byte[] good = Files.readAllBytes(file);
        for (int length : new int[] {0, 5, 30, good.length / 2, good.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(good, length));
            ModelFileException e = refusal(file, length + " bytes");
            assertEquals(Reason.TRUNCATED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("found " + length), e.getMessage());
        }
    }

    @Test
    void newerVersionsAreRefusedByNumber() throws IOException {
        Path file = saved(STATES.get(3));
        Container.Frame frame = Container.decode(file, Files.readAllBytes(file), 1, "checkpoint");
        Files.write(file, Container.encode(1, frame.header().replace("checkpoint.version=1",
                "checkpoint.version=2"), frame.theta()));
        ModelFileException content = refusal(file, "checkpoint version 2");
        assertEquals(Reason.NEWER_VERSION, content.reason());
        assertTrue(content.getMessage().endsWith("written by checkpoint version 2, this build reads up to 1"),
                content.getMessage());
        Files.write(file, Container.encode(4, frame.header(), frame.theta()));
        ModelFileException container = refusal(file, "container version 4");
        assertEquals(Reason.NEWER_VERSION, container.reason());
        assertTrue(container.getMessage().endsWith("written by format version 4, this build reads up to 1"),
                container.getMessage());
    }

    @Test
    void modelsAndCheckpointsAreNotTakenForEachOther() throws IOException {
        Path model = directory.resolve("model.pikan");
        ModelFile.save(model, TestStates.NETWORK, STATES.get(0).theta(), Map.of());
        ModelFileException asCheckpoint = assertThrows(ModelFileException.class, () -> CheckpointFile.load(model));
        assertEquals(Reason.WRONG_KIND, asCheckpoint.reason());
        assertEquals("cannot load checkpoint " + model + ": it is a pikan4j model file, not a checkpoint; it holds no"
                + " training state to resume: load it with ModelFile.load", asCheckpoint.getMessage());
        Path checkpoint = saved(STATES.get(1));
        ModelFileException asModel = assertThrows(ModelFileException.class, () -> ModelFile.load(checkpoint));
        assertEquals(Reason.WRONG_KIND, asModel.reason());
        assertEquals("cannot load model " + checkpoint + ": it is a pikan4j checkpoint file, not a model; load it with"
                + " CheckpointFile.load, or resume from it (pikan solve --resume)", asModel.getMessage());
    }

    @Test
    void aMissingFileIsNamedAsACheckpoint() {
        Path missing = directory.resolve("none.ckpt");
        ModelFileException e = assertThrows(ModelFileException.class, () -> CheckpointFile.load(missing));
        assertEquals(Reason.MISSING, e.reason());
        assertEquals("cannot load checkpoint " + missing + ": no such file " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = saved(STATES.get(1));
        CheckpointFile.save(file, TestStates.checkpoint(STATES.get(2)));
        assertEquals(STATES.get(2).position().step(), CheckpointFile.load(file).state().position().step());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static ModelFileException refusal(Path file, String what) {
        try {
            Checkpoint c = CheckpointFile.load(file);
            fail(what + ": loaded " + c.state() + " instead of refusing");
            return null;
        } catch (ModelFileException e) {
            return e;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + ": expected a ModelFileException, got " + e, e);
        }
    }

    /** Every part equal, doubles bit for bit. */
    static void assertSameState(TrainingState expected, TrainingState actual) {
        assertEquals(expected.position(), actual.position());
        assertArrayEquals(expected.theta(), actual.theta());
        assertEquals(expected.retries(), actual.retries());
        assertEquals(Double.doubleToRawLongBits(expected.seconds()), Double.doubleToRawLongBits(actual.seconds()));
        if (expected.optimizer() instanceof AdamState a) {
            AdamState b = (AdamState) actual.optimizer();
            assertEquals(a.iterations(), b.iterations());
            assertEquals(a.learningRate(), b.learningRate(), 0.0);
            assertArrayEquals(a.m(), b.m());
            assertArrayEquals(a.v(), b.v());
        } else if (expected.optimizer() instanceof LbfgsState a) {
            LbfgsState b = (LbfgsState) actual.optimizer();
            assertArrayEquals(a.s(), b.s());
            assertArrayEquals(a.y(), b.y());
        } else if (expected.optimizer() instanceof BfgsState a) {
            assertArrayEquals(a.upperTriangle(), ((BfgsState) actual.optimizer()).upperTriangle());
        } else if (expected.optimizer() instanceof DampingState a) {
            assertEquals(a, actual.optimizer());
        } else {
            assertNull(actual.optimizer());
        }
        TrainingState.Best x = expected.best();
        TrainingState.Best y = actual.best();
        assertArrayEquals(x.theta(), y.theta());
        assertArrayEquals(x.terms(), y.terms());
        assertEquals(Double.doubleToRawLongBits(x.loss()), Double.doubleToRawLongBits(y.loss()));
        assertEquals(x.step(), y.step());
        assertEquals(x.where(), y.where());
        TrainingHistory h = expected.history();
        TrainingHistory g = actual.history();
        assertEquals(h.termNames(), g.termNames());
        assertEquals(h.rows(), g.rows());
        assertEquals(h.events(), g.events());
        assertEquals(expected.pending(), actual.pending());
    }
}
