package org.pikan4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Layer;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * A saved and loaded model is the same model: the loaded network evaluates bit for bit like the saved one
 * (values and second derivatives, inside and outside the grid range), and theta and metadata come back equal.
 */
class ModelFileRoundTripTest {

    @TempDir
    Path directory;

    static Stream<Object[]> networks() {
        return Stream.of(
                new Object[] {"kan[2,5,5,1] uniform", Kan.widths(2, 5, 5, 1).grid(5).degree(3).noise(0.3).build()},
                new Object[] {"kan[2,4,1] uneven grid points", unevenKan()},
                new Object[] {"kan[2,3,1] after knot insertion", refinedKan()},
                new Object[] {"mlp[2,8,8,1] sin", Mlp.widths(2, 8, 8, 1).activation(Activation.SIN).build()},
                new Object[] {"periodic(y, period 0.7) + kan[3,4,1]", Kan.widths(3, 4, 1).grid(5).degree(3).noise(0.3)
                        .build().withEmbedding(PeriodicEmbedding.of(2).withPeriod(1, 0.7))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void loadedModelEvaluatesBitForBitTheSame(String label, Network network) throws IOException {
        double[] theta = withExtras(network.initialParameters(11), 0.25, -3.5e-7);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("problem", "poisson2d");
        metadata.put("note", "two\nlines, a \\ backslash, = sign and ünïcödé");
        metadata.put("step", "1200");
        Path file = directory.resolve("model.pikan");

        ModelFile.save(file, network, theta, metadata);
        SavedModel loaded = ModelFile.load(file);

        assertArrayEquals(theta, loaded.theta(), label + ": theta");
        assertEquals(2, loaded.extraParameterCount(), label + ": trailing PDE coefficients");
        assertEquals(metadata, loaded.metadata(), label + ": metadata");
        assertEquals(new ArrayList<>(metadata.keySet()), new ArrayList<>(loaded.metadata().keySet()),
                label + ": metadata order");
        assertEquals(network.toString(), loaded.network().toString(), label + ": architecture");
        assertSameKnots(network, loaded.network());
        double[][] points = points(37, network.inputDimension(), 5);
        assertArrayEquals(outputBits(network, theta, points), outputBits(loaded.network(), loaded.theta(), points),
                label + ": outputs must agree bit for bit");
    }

    @Test
    void knotInsertionKeepsExtensionKnotsThatGridPointsCannotRebuild() {
        KnotVector refined = KnotVector.uniform(5, 3, -1.0, 1.0).withGridPoint(0.9);
        KnotVector fromGridPoints = KnotVector.of(refined.gridPoints(), 3);
        assertFalse(Arrays.equals(refined.knots(), fromGridPoints.knots()),
                "the test model needs extension knots that of(gridPoints) would place elsewhere");
        assertEquals(refined, KnotVector.ofKnots(refined.knots(), 3));
    }

    @Test
    void saveReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Network small = Kan.widths(1, 2, 1).grid(3).degree(2).build();
        Network large = Mlp.widths(3, 4, 2).build();
        Path file = directory.resolve("model.pikan");
        ModelFile.save(file, small, small.initialParameters(1), Map.of());
        ModelFile.save(file, large, large.initialParameters(2), Map.of("run", "second"));

        try (Stream<Path> listing = Files.list(directory)) {
            assertEquals(List.of(file), listing.toList(), "only the model file remains");
        }
        assertEquals("second", ModelFile.load(file).metadata().get("run"));
    }

    @Test
    void headerIsReadableText() throws IOException {
        Network network = Mlp.widths(2, 3, 1).activation(Activation.SIN).build();
        Path file = directory.resolve("model.pikan");
        ModelFile.save(file, network, network.initialParameters(3), Map.of("problem", "heat"));
        String start = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String line : List.of("\nformat.version=1\n", "\nlayer.0.kind=dense\n", "\nlayer.0.activation=sin\n",
                "\nparameters.total=13\n", "\nmetadata.problem=heat\n")) {
            assertNotEquals(-1, start.indexOf(line), "header holds " + line.trim());
        }
    }

    @Test
    void saveRefusesTooShortThetaAndInvalidKeys() {
        Network network = Mlp.widths(2, 3, 1).build();
        Path file = directory.resolve("model.pikan");
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, network, new double[3], Map.of()));
        double[] theta = network.initialParameters(1);
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, network, theta, Map.of("a=b", "c")));
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, network, theta, Map.of("a\nb", "c")));
        assertFalse(Files.exists(file));
    }

    /** A KAN whose first layer sits on uneven grid points (non-uniform knot vectors). */
    private static Network unevenKan() {
        KnotVector a = KnotVector.of(new double[] {-1.0, -0.7, -0.15, 0.2, 0.85, 1.0}, 3);
        KnotVector b = KnotVector.of(new double[] {-1.2, -0.1, 0.05, 0.6, 0.7, 1.3}, 3);
        List<Layer> layers = List.of(
                new KanLayer(2, 4, List.of(a, b), 0.3),
                new KanLayer(4, 1, Collections.nCopies(4, KnotVector.uniform(5, 3, -1.0, 1.0)), 0.3));
        return new Network(layers);
    }

    /** A KAN refined by knot insertion, so its extension knots are the inherited ones. */
    private static Network refinedKan() {
        KnotVector refined = KnotVector.uniform(4, 3, -1.0, 1.0).withGridPoint(0.9).withGridPoint(-0.35);
        KnotVector other = KnotVector.uniform(4, 3, -1.0, 1.0).withGridPoint(-0.8).withGridPoint(0.1);
        List<Layer> layers = List.of(
                new KanLayer(2, 3, List.of(refined, other), 0.3),
                new KanLayer(3, 1, Collections.nCopies(3, KnotVector.uniform(6, 3, -1.0, 1.0)), 0.3));
        return new Network(layers);
    }

    private static double[] withExtras(double[] theta, double... extras) {
        double[] all = Arrays.copyOf(theta, theta.length + extras.length);
        System.arraycopy(extras, 0, all, theta.length, extras.length);
        return all;
    }

    private static void assertSameKnots(Network saved, Network loaded) {
        for (int l = 0; l < saved.layers().size(); l++) {
            assertEquals(saved.layers().get(l).getClass(), loaded.layers().get(l).getClass(), "kind of layer " + l);
            if (saved.layers().get(l) instanceof PeriodicEmbedding embedding) {
                assertEquals(embedding, loaded.layers().get(l), "periods of layer " + l);
            }
            if (saved.layers().get(l) instanceof KanLayer kan) {
                assertEquals(kan.grids(), ((KanLayer) loaded.layers().get(l)).grids(), "knot vectors of layer " + l);
            }
        }
    }

    /** Seeded points in [-1.3, 1.3]^d, so some lie outside the grid range and exercise extrapolation. */
    private static double[][] points(int count, int dimension, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[count][dimension];
        for (double[] row : p) {
            for (int i = 0; i < dimension; i++) {
                row[i] = -1.3 + 2.6 * random.nextDouble();
            }
        }
        return p;
    }

    /** The raw bits of u and all its second derivatives at every point, on the jvm backend. */
    private static long[] outputBits(Network network, double[] theta, double[][] points) {
        int d = network.inputDimension();
        List<MultiIndex> second = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                int[] counts = new int[d];
                counts[i]++;
                counts[j]++;
                second.add(MultiIndex.of(counts));
            }
        }
        DerivativeSet set = DerivativeSet.of(d, second);
        NetworkEvaluator evaluator = new JvmBackend(8).evaluator(network, set);
        int width = network.outputDimension();
        long[] bits = new long[points.length * set.size() * width];
        int k = 0;
        for (int first = 0; first < points.length; first += evaluator.capacity()) {
            int count = Math.min(evaluator.capacity(), points.length - first);
            JetBlock block = evaluator.forward(theta, points, first, count);
            for (int n = 0; n < count; n++) {
                for (int c = 0; c < set.size(); c++) {
                    for (int u = 0; u < width; u++) {
                        bits[k++] = Double.doubleToRawLongBits(block.get(n, c, u));
                    }
                }
            }
        }
        return bits;
    }
}
