package org.pikan4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pikan4j.core.io.ModelFileException.Reason;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;

/**
 * Loading refuses every damaged or foreign file with a {@link ModelFileException} that names the file and
 * says why, and never returns a model from one.
 */
class ModelFileRefusalTest {

    @TempDir
    Path directory;

    private Path file;
    private byte[] good;

    @BeforeEach
    void saveSmallModel() throws IOException {
        Network network = Kan.widths(1, 2, 1).grid(2).degree(1).noise(0.3).build();
        double[] theta = Arrays.copyOf(network.initialParameters(3), network.parameterCount() + 1);
        file = directory.resolve("small.pikan");
        ModelFile.save(file, network, theta, Map.of("problem", "ode"));
        good = Files.readAllBytes(file);
    }

    @Test
    void everySingleBitFlipIsRefused() throws IOException {
        for (int position = 0; position < good.length; position++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[position] ^= (byte) (1 << bit);
                Files.write(file, bad);
                ModelFileException e = refusal("flipping bit " + bit + " of byte " + position);
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                assertTrue(e.reason() != Reason.MISSING && e.reason() != Reason.INVALID_HEADER,
                        "byte " + position + " bit " + bit + " must be caught by the framing, got " + e.getMessage());
            }
        }
    }

    @Test
    void truncationReportsExpectedAndFoundLengths() throws IOException {
        int headerEnd = Container.PREFIX_BYTES + ByteBuffer.wrap(good).getInt(19);
        int[] lengths = {0, 3, 7, 10, 18, 26, Container.PREFIX_BYTES, headerEnd - 5, headerEnd, headerEnd + 12,
            good.length - 4, good.length - 1};
        for (int length : lengths) {
            Files.write(file, Arrays.copyOf(good, length));
            ModelFileException e = refusal("truncated to " + length + " bytes");
            assertEquals(Reason.TRUNCATED, e.reason(), e.getMessage());
            String expected = length < Container.MINIMUM_BYTES
                    ? "truncated: expected at least " + Container.MINIMUM_BYTES + " bytes, found " + length
                    : "expected " + good.length + " bytes, found " + length;
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    void newerFormatVersionIsRefusedByNumber() throws IOException {
        Files.write(file, reframe(3, header -> header));
        ModelFileException e = refusal("version 3");
        assertEquals(Reason.NEWER_VERSION, e.reason());
        assertTrue(e.getMessage().contains("written by format version 3, this build reads up to 1"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = directory.resolve("nowhere.pikan");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(missing));
        assertEquals(Reason.MISSING, e.reason());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void foreignFileIsNotAModel() throws IOException {
        Files.writeString(file, "x,y,u\n0.0,0.0,1.0\n");
        ModelFileException e = refusal("a csv file");
        assertEquals(Reason.NOT_A_MODEL, e.reason());
        assertTrue(e.getMessage().contains("not a pikan4j model"), e.getMessage());
    }

    @Test
    void trailingBytesAreCorruption() throws IOException {
        Files.write(file, Arrays.copyOf(good, good.length + 3));
        assertEquals(Reason.CORRUPTED, refusal("three extra bytes").reason());
    }

    @Test
    void unknownLayerKindIsNamed() throws IOException {
        Files.write(file, reframe(1, header -> header.replace("layer.1.kind=kan", "layer.1.kind=conv")));
        ModelFileException e = refusal("kind conv");
        assertEquals(Reason.INVALID_HEADER, e.reason());
        assertTrue(e.getMessage().contains("layer 1 has unknown kind \"conv\""), e.getMessage());
    }

    @Test
    void unknownActivationIsNamed() throws IOException {
        Network mlp = Mlp.widths(1, 3, 1).build();
        ModelFile.save(file, mlp, mlp.initialParameters(1), Map.of());
        good = Files.readAllBytes(file);
        Files.write(file, reframe(1, header -> header.replace("activation=tanh", "activation=relu")));
        ModelFileException e = refusal("activation relu");
        assertEquals(Reason.INVALID_HEADER, e.reason());
        assertTrue(e.getMessage().contains("unknown activation \"relu\""), e.getMessage());
    }

    @Test
    void parameterCountDisagreeingWithLayersIsRefused() throws IOException {
        Files.write(file, reframe(1, header -> header.replace("layer.0.widths=1,2", "layer.0.widths=1,3")));
        assertEquals(Reason.INVALID_HEADER, refusal("widths changed").reason());
    }

    /** Loads the current file, which must fail with a ModelFileException and no other throwable. */
    private ModelFileException refusal(String what) {
        try {
            SavedModel model = ModelFile.load(file);
            fail(what + ": loaded a model instead of refusing: " + model.network());
            return null;
        } catch (ModelFileException e) {
            return e;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + ": expected a ModelFileException, got " + e, e);
        }
    }

    /** The good file rewritten with another version and an edited header, its framing and CRC valid. */
    private byte[] reframe(int version, UnaryOperator<String> edit) throws ModelFileException {
        Container.Frame frame = Container.decode(file, good, ModelFile.FORMAT_VERSION, "model");
        String header = edit.apply(frame.header());
        assertTrue(version != 1 || !header.equals(frame.header()), "the edit must change the header");
        byte[] bytes = Container.encode(version, header, frame.theta());
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("PIKAN4J"));
        return bytes;
    }
}
