package org.pikan4j.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pikan4j.core.io.ModelFileException.Reason;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.train.TrainingState;

/**
 * Saves and loads a {@link Checkpoint}: a model file's container (magic, version, length, text header, doubles,
 * CRC32, atomic write) holding a second kind of content, {@code kind=checkpoint}, with its own version
 * ({@value #CHECKPOINT_VERSION}). The layout is in the {@linkplain org.pikan4j.core.io package documentation}.
 * A loaded state resumes bit for bit like the saved one.
 */
public final class CheckpointFile {

    /** The checkpoint content version this build writes, and the newest it reads. */
    public static final int CHECKPOINT_VERSION = 1;

    private CheckpointFile() {
    }

    /**
     * Writes a checkpoint atomically: readers see the old file or the complete new one.
     *
     * @param file       the target, replaced if it exists; its directory must exist
     * @param checkpoint the checkpoint
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException for a layer kind the format does not hold or an invalid metadata key
     */
    public static void save(Path file, Checkpoint checkpoint) throws IOException {
        if (file == null || checkpoint == null) {
            throw new IllegalArgumentException("file and checkpoint must not be null");
        }
        TrainingState state = checkpoint.state();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("format.version", Integer.toString(ModelFile.FORMAT_VERSION));
        h.put(HeaderText.KIND, "checkpoint");
        h.put("checkpoint.version", Integer.toString(CHECKPOINT_VERSION));
        h.putAll(NetworkHeader.describe(ModelFile.FORMAT_VERSION, checkpoint.network(), state.theta().length,
                checkpoint.metadata()));
        ArrayPayload payload = new ArrayPayload();
        StateHeader.describe(state, h, payload);
        Map<String, double[][]> points = checkpoint.points();
        h.put("points.terms", Integer.toString(points.size()));
        int p = 0;
        for (Map.Entry<String, double[][]> e : points.entrySet()) {
            double[][] rows = e.getValue();
            h.put("points." + p + ".name", e.getKey());
            h.put("points." + p + ".count", Integer.toString(rows.length));
            h.put("points." + p + ".dimension", Integer.toString(rows.length == 0 ? 0 : rows[0].length));
            payload.addRows("points." + p, rows);
            p++;
        }
        h.put(ArrayPayload.KEY, payload.listing());
        byte[] bytes = Container.encode(ModelFile.FORMAT_VERSION, HeaderText.format(HeaderText.CHECKPOINT_COMMENT, h),
                payload.values());
        AtomicWrite.write(file, bytes);
    }

    /**
     * Reads a checkpoint. The framing and checksum are checked before the header is read, and nothing is
     * returned unless every check passes.
     *
     * @param file the checkpoint file
     * @return the network, the training state, the points and the metadata
     * @throws ModelFileException naming the file and the reason: missing, not a pikan4j file, a newer container
     *                            or checkpoint version, truncated, corrupted (checksum), a model rather than a
     *                            checkpoint, or a header that does not describe a valid state
     * @throws IOException        if the file exists but cannot be read
     */
    public static Checkpoint load(Path file) throws IOException {
        return decode(file, ModelFile.read(file, "checkpoint"));
    }

    /** The checkpoint in a file's bytes. */
    static Checkpoint decode(Path file, byte[] bytes) throws ModelFileException {
        try {
            return read(file, bytes);
        } catch (ModelFileException e) {
            throw e.as("checkpoint");
        }
    }

    private static Checkpoint read(Path file, byte[] bytes) throws ModelFileException {
        Container.Frame frame = Container.decode(file, bytes, ModelFile.FORMAT_VERSION, "checkpoint");
        Map<String, String> entries = ModelFile.entries(file, frame);
        HeaderText.requireKind(file, entries, "checkpoint");
        HeaderEntries e = new HeaderEntries(file, entries);
        int version = e.integer("checkpoint.version", 1);
        if (version > CHECKPOINT_VERSION) {
            throw new ModelFileException(Reason.NEWER_VERSION, file, "written by checkpoint version " + version
                    + ", this build reads up to " + CHECKPOINT_VERSION);
        }
        Network network = NetworkHeader.network(file, entries);
        Map<String, double[]> arrays = ArrayPayload.split(file, e.string(ArrayPayload.KEY), frame.theta());
        int thetaLength = e.integer("parameters.total", network.parameterCount());
        TrainingState state = StateHeader.read(e, arrays, thetaLength);
        Map<String, double[][]> points = new LinkedHashMap<>();
        int terms = e.integer("points.terms", 0);
        for (int p = 0; p < terms; p++) {
            int count = e.integer("points." + p + ".count", 0);
            int dimension = e.integer("points." + p + ".dimension", 0);
            double[] flat = ArrayPayload.take(file, arrays, "points." + p, (long) count * dimension);
            String name = e.string("points." + p + ".name");
            if (points.put(name, ArrayPayload.rows(flat, count, dimension)) != null) {
                throw HeaderText.invalid(file, "the points of term \"" + name + "\" appear twice");
            }
        }
        try {
            return new Checkpoint(network, state, points, NetworkHeader.metadata(entries));
        } catch (IllegalArgumentException ex) {
            throw HeaderText.invalid(file, "the checkpoint does not fit together: " + ex.getMessage());
        }
    }
}
