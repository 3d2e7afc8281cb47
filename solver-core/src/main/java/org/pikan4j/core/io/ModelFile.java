package org.pikan4j.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pikan4j.core.io.ModelFileException.Reason;
import org.pikan4j.core.nn.Network;

/**
 * Saves and loads a trained model (architecture, knot vectors, parameters, metadata) in the versioned
 * container described in the {@linkplain org.pikan4j.core.io package documentation}. A loaded network
 * evaluates bit for bit like the saved one.
 */
public final class ModelFile {

    /** The format version this build writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private ModelFile() {
    }

    /**
     * Writes a model atomically: readers of {@code file} see the old content or the complete new one, never
     * a partial file, and no temporary file remains.
     *
     * @param file     the target, replaced if it exists; its directory must exist
     * @param network  the architecture, made of kan and dense layers
     * @param theta    the parameters, at least {@code network.parameterCount()} long; trailing entries
     *                 (trainable PDE coefficients) are saved too
     * @param metadata free-form pairs; keys non-empty without {@code =}, line breaks or a leading {@code #}
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if theta is too short, a key is invalid or a layer is of a kind the
     *                                  format does not hold
     */
    public static void save(Path file, Network network, double[] theta, Map<String, String> metadata)
            throws IOException {
        if (file == null || network == null || theta == null || metadata == null) {
            throw new IllegalArgumentException("file, network, theta and metadata must not be null");
        }
        network.checkParameters(theta);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("format.version", Integer.toString(FORMAT_VERSION));
        entries.put(HeaderText.KIND, "model");
        entries.putAll(NetworkHeader.describe(FORMAT_VERSION, network, theta.length, metadata));
        byte[] bytes = Container.encode(FORMAT_VERSION, HeaderText.format(HeaderText.COMMENT, entries), theta);
        AtomicWrite.write(file, bytes);
    }

    /**
     * Reads a model. The framing and checksum are checked before the header is read, and nothing is returned
     * unless every check passes.
     *
     * @param file the model file
     * @return the network, the full parameter vector and the metadata
     * @throws ModelFileException naming the file and the reason: missing, not a model, newer format version,
     *                            truncated, corrupted (checksum), a checkpoint rather than a model, or a header
     *                            this build cannot rebuild (e.g. an unknown layer kind or activation)
     * @throws IOException        if the file exists but cannot be read
     */
    public static SavedModel load(Path file) throws IOException {
        byte[] bytes = read(file, "model");
        Container.Frame frame = Container.decode(file, bytes, FORMAT_VERSION, "model");
        Map<String, String> entries = entries(file, frame);
        HeaderText.requireKind(file, entries, "model");
        Network network = NetworkHeader.network(file, entries);
        double[] theta = frame.theta();
        String total = entries.get("parameters.total");
        if (!Integer.toString(theta.length).equals(total)) {
            throw HeaderText.invalid(file, "header says " + total + " parameters, the file holds "
                    + theta.length);
        }
        if (theta.length < network.parameterCount()) {
            throw HeaderText.invalid(file, "the file holds " + theta.length + " parameters, fewer than the "
                    + network.parameterCount() + " of its network");
        }
        return new SavedModel(network, theta, NetworkHeader.metadata(entries));
    }

    /** The file's bytes; a missing file is a refusal naming it. */
    static byte[] read(Path file, String noun) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(Reason.MISSING, file, "no such file " + file.toAbsolutePath(), e).as(noun);
        }
    }

    /** The header entries of a frame whose header agrees with its prefix on the format version. */
    static Map<String, String> entries(Path file, Container.Frame frame) throws ModelFileException {
        Map<String, String> entries = HeaderText.parse(file, frame.header());
        String version = entries.get("format.version");
        if (!Integer.toString(FORMAT_VERSION).equals(version)) {
            throw HeaderText.invalid(file, "header says format version \"" + version + "\", the prefix "
                    + FORMAT_VERSION);
        }
        return entries;
    }
}
