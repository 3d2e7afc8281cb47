package org.pikan4j.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.DenseLayer;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.core.spline.KnotVector;

/**
 * The header entries of a model: format version, one group of {@code layer.<l>.*} entries per layer,
 * parameter counts and {@code metadata.*} entries; and back. Doubles are written with
 * {@link Double#toString(double)}, which parses back to the same bits.
 */
final class NetworkHeader {

    static final String METADATA = "metadata.";

    private NetworkHeader() {
    }

    /** The entries describing a network, a parameter vector of the given length and the metadata. */
    static Map<String, String> describe(int version, Network network, int thetaLength,
                                        Map<String, String> metadata) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("format.version", Integer.toString(version));
        h.put("layers", Integer.toString(network.layers().size()));
        for (int l = 0; l < network.layers().size(); l++) {
            describeLayer(h, "layer." + l + ".", network.layers().get(l));
        }
        h.put("parameters.network", Integer.toString(network.parameterCount()));
        h.put("parameters.total", Integer.toString(thetaLength));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            HeaderText.requireValidKey(e.getKey());
            h.put(METADATA + e.getKey(), e.getValue());
        }
        return h;
    }

    private static void describeLayer(Map<String, String> h, String p, Layer layer) {
        if (layer instanceof KanLayer kan) {
            h.put(p + "kind", "kan");
            h.put(p + "widths", kan.inputWidth() + "," + kan.outputWidth());
            h.put(p + "degree", Integer.toString(kan.degree()));
            h.put(p + "intervals", Integer.toString(kan.grid(0).intervals()));
            h.put(p + "noiseScale", Double.toString(kan.noiseScale()));
            for (int i = 0; i < kan.inputWidth(); i++) {
                KnotVector g = kan.grid(i);
                h.put(p + "grid." + i + ".uniform", Boolean.toString(g.isUniform()));
                h.put(p + "grid." + i + ".knots", join(g.knots()));
            }
        } else if (layer instanceof DenseLayer dense) {
            h.put(p + "kind", "dense");
            h.put(p + "widths", dense.inputWidth() + "," + dense.outputWidth());
            h.put(p + "activation", dense.activation().name().toLowerCase(Locale.ROOT));
        } else if (layer instanceof PeriodicEmbedding embedding) {
            h.put(p + "kind", "periodic");
            h.put(p + "widths", embedding.inputWidth() + "," + embedding.outputWidth());
            double[] periods = new double[embedding.inputWidth()];
            for (int i = 0; i < periods.length; i++) {
                periods[i] = embedding.period(i);
            }
            h.put(p + "periods", join(periods));
        } else {
            throw new IllegalArgumentException("cannot save a layer of type " + layer.getClass().getName()
                    + "; model files hold kan, dense and periodic layers");
        }
    }

    /** The metadata entries, without their prefix, in order. */
    static Map<String, String> metadata(Map<String, String> h) {
        Map<String, String> m = new LinkedHashMap<>();
        h.forEach((key, value) -> {
            if (key.startsWith(METADATA)) {
                m.put(key.substring(METADATA.length()), value);
            }
        });
        return m;
    }

    /**
     * The network the entries describe.
     *
     * @throws ModelFileException for a missing or malformed entry, an unknown layer kind or activation, or a
     *                            network whose parameter count differs from the header's
     */
    static Network network(Path file, Map<String, String> h) throws ModelFileException {
        HeaderEntries e = new HeaderEntries(file, h);
        int count = e.integer("layers");
        if (count < 1) {
            throw HeaderText.invalid(file, "header key \"layers\" must be >= 1, got " + count);
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            layers.add(layer(e, "layer." + l + ".", l));
        }
        Network network;
        try {
            network = new Network(layers);
        } catch (IllegalArgumentException ex) {
            throw HeaderText.invalid(file, "the header describes no valid network: " + ex.getMessage());
        }
        int declared = e.integer("parameters.network");
        if (declared != network.parameterCount()) {
            throw HeaderText.invalid(file, "header says the network has " + declared
                    + " parameters, its layers give " + network.parameterCount());
        }
        return network;
    }

    private static Layer layer(HeaderEntries e, String p, int l) throws ModelFileException {
        String kind = e.string(p + "kind");
        int[] widths = e.integers(p + "widths", 2);
        try {
            switch (kind) {
                case "kan":
                    return kanLayer(e, p, widths);
                case "dense":
                    return new DenseLayer(widths[0], widths[1], activation(e, p, l));
                case "periodic":
                    return embedding(e, p, widths);
                default:
                    throw HeaderText.invalid(e.file(), "layer " + l + " has unknown kind \"" + kind
                            + "\"; this build reads kan, dense and periodic");
            }
        } catch (IllegalArgumentException ex) {
            throw HeaderText.invalid(e.file(), "layer " + l + " is not valid: " + ex.getMessage());
        }
    }

    /** A periodic embedding: one period per input, 0 for an input passed through. */
    private static PeriodicEmbedding embedding(HeaderEntries e, String p, int[] widths) throws ModelFileException {
        double[] periods = e.numbers(p + "periods");
        if (periods.length != widths[0]) {
            throw HeaderText.invalid(e.file(), "header key \"" + p + "periods\" must list " + widths[0]
                    + " periods (one per input), got " + periods.length);
        }
        PeriodicEmbedding embedding = PeriodicEmbedding.of(widths[0]);
        for (int i = 0; i < periods.length; i++) {
            if (periods[i] != 0.0) {
                embedding = embedding.withPeriod(i, periods[i]);
            }
        }
        if (embedding.outputWidth() != widths[1]) {
            throw HeaderText.invalid(e.file(), "header key \"" + p + "widths\" says " + widths[1]
                    + " outputs, the periods give " + embedding.outputWidth());
        }
        return embedding;
    }

    private static Activation activation(HeaderEntries e, String p, int l) throws ModelFileException {
        String name = e.string(p + "activation");
        try {
            return Activation.named(name);
        } catch (IllegalArgumentException ex) {
            throw HeaderText.invalid(e.file(), "layer " + l + ": " + ex.getMessage());
        }
    }

    private static KanLayer kanLayer(HeaderEntries e, String p, int[] widths) throws ModelFileException {
        int degree = e.integer(p + "degree");
        List<KnotVector> grids = new ArrayList<>();
        for (int i = 0; i < widths[0]; i++) {
            String g = p + "grid." + i + ".";
            grids.add(knotVector(e, g, degree, e.bool(g + "uniform")));
        }
        KanLayer layer = new KanLayer(widths[0], widths[1], grids, e.number(p + "noiseScale"));
        if (layer.grid(0).intervals() != e.integer(p + "intervals")) {
            throw HeaderText.invalid(e.file(), "header key \"" + p + "intervals\" disagrees with the knots");
        }
        return layer;
    }

    /**
     * Rebuilds a knot vector bit for bit, its uniformity flag included (the flag picks the evaluation path,
     * so it matters for bit-identical outputs). A vector built by {@link KnotVector#uniform} whose rounded
     * spacings miss the uniformity test is rebuilt by that factory again.
     */
    private static KnotVector knotVector(HeaderEntries e, String g, int degree, boolean uniform)
            throws ModelFileException {
        double[] knots = e.numbers(g + "knots");
        KnotVector v = KnotVector.ofKnots(knots, degree);
        if (uniform && !v.isUniform()) {
            v = KnotVector.uniform(v.intervals(), degree, v.lo(), v.hi());
        }
        if (v.isUniform() != uniform || !Arrays.equals(v.knots(), knots)) {
            throw HeaderText.invalid(e.file(), "the knot vector " + g + "knots cannot be rebuilt exactly"
                    + (uniform ? " as a uniform grid" : ""));
        }
        return v;
    }

    private static String join(double[] values) {
        StringJoiner s = new StringJoiner(",");
        for (double v : values) {
            s.add(Double.toString(v));
        }
        return s.toString();
    }
}
