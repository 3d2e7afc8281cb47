package org.pikan4j.core.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.pikan4j.core.nn.Activation;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;

/** The networks and points the engine tests share. */
final class TestNetworks {

    private TestNetworks() {
    }

    /** Named networks of the gradient checks: KAN [2,5,5,1], KAN [3,4,1], MLP. */
    static Stream<Object[]> networks() {
        return Stream.of(
                new Object[] {"kan[2,5,5,1]", Kan.widths(2, 5, 5, 1).grid(5).degree(3).noise(0.3).build()},
                new Object[] {"kan[3,4,1]", Kan.widths(3, 4, 1).grid(4).degree(3).noise(0.3).build()},
                new Object[] {"kan[2,3,1] k=5", Kan.widths(2, 3, 1).grid(6).degree(5).noise(0.3).build()},
                new Object[] {"mlp[2,8,8,1] tanh", Mlp.widths(2, 8, 8, 1).build()},
                new Object[] {"mlp[3,6,1] sin", Mlp.widths(3, 6, 1).activation(Activation.SIN).build()},
                new Object[] {"mlp[2,5,2] silu", Mlp.widths(2, 5, 2).activation(Activation.SILU).build()});
    }

    /**
     * Networks behind a periodic input embedding (jvm only: the nd4j backend refuses the layer): x periodic
     * before a KAN, y periodic (x passed through) before an MLP, with a period that is not the default 2.
     */
    static Stream<Object[]> embedded() {
        PeriodicEmbedding x = PeriodicEmbedding.of(2).withPeriod(0, 2.0);
        PeriodicEmbedding y = PeriodicEmbedding.of(2).withPeriod(1, 1.5);
        return Stream.of(
                new Object[] {"periodic(x)+kan[3,4,1]", Kan.widths(3, 4, 1).grid(5).degree(3).noise(0.3).build().withEmbedding(x)},
                new Object[] {"periodic(y)+mlp[3,6,1]", Mlp.widths(3, 6, 1).build().withEmbedding(y)});
    }

    /** Every network on every engine backend, and the embedded ones on jvm: (backend, label, network). */
    static Stream<Object[]> onEveryBackend() {
        List<Object[]> cases = new ArrayList<>();
        for (String backend : EngineBackends.names()) {
            networks().forEach(n -> cases.add(new Object[] {backend, n[0], n[1]}));
        }
        embedded().forEach(n -> cases.add(new Object[] {"jvm", n[0], n[1]}));
        return cases.stream();
    }

    /** Seeded points in [-0.9, 0.9]^d. */
    static double[][] points(int count, int dimension, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[count][dimension];
        for (double[] row : p) {
            for (int i = 0; i < dimension; i++) {
                row[i] = -0.9 + 1.8 * random.nextDouble();
            }
        }
        return p;
    }

    /** Coordinate names x, y, z for up to 3 dimensions. */
    static List<String> names(Network network) {
        return List.of("x", "y", "z").subList(0, network.inputDimension());
    }
}
