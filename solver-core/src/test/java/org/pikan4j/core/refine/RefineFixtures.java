package org.pikan4j.core.refine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.backend.NetworkEvaluator;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;

/** Networks, points and jet comparisons the refinement tests share. */
final class RefineFixtures {

    static final List<String> XY = List.of("x", "y");

    private RefineFixtures() {
    }

    /** A 2-input KAN with G = 5 and coefficient noise large enough that every edge is visibly curved. */
    static Network kan(int... widths) {
        return Kan.widths(widths).grid(5).degree(3).noise(0.5).build();
    }

    /** Seeded points uniform in [lo, hi]^d. */
    static double[][] points(int count, int dimension, double lo, double hi, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] p = new double[count][dimension];
        for (double[] row : p) {
            for (int i = 0; i < dimension; i++) {
                row[i] = lo + (hi - lo) * random.nextDouble();
            }
        }
        return p;
    }

    /**
     * Value, first and second input derivatives of every output at every point:
     * {@code [point][component][output]}, components as in {@code DerivativeSet.parse(x, y, xx, xy, yy)}.
     */
    static double[][][] jets(Network network, double[] theta, double[][] points) {
        DerivativeSet set = DerivativeSet.parse(XY, "x", "y", "xx", "xy", "yy");
        NetworkEvaluator evaluator = Backends.defaultBackend().evaluator(network, set);
        double[][][] result = new double[points.length][set.size()][network.outputDimension()];
        for (int first = 0; first < points.length; first += evaluator.capacity()) {
            int count = Math.min(evaluator.capacity(), points.length - first);
            JetBlock block = evaluator.forward(theta, points, first, count);
            for (int n = 0; n < count; n++) {
                for (int c = 0; c < set.size(); c++) {
                    for (int u = 0; u < network.outputDimension(); u++) {
                        result[first + n][c][u] = block.get(n, c, u);
                    }
                }
            }
        }
        return result;
    }

    /** The first output's values at points (no derivatives), for networks of any input dimension. */
    static double[] values(Network network, double[] theta, double[][] points) {
        NetworkEvaluator evaluator = Backends.defaultBackend().evaluator(network,
                DerivativeSet.valueOnly(network.inputDimension()));
        double[] values = new double[points.length];
        for (int first = 0; first < points.length; first += evaluator.capacity()) {
            int count = Math.min(evaluator.capacity(), points.length - first);
            JetBlock block = evaluator.forward(theta, points, first, count);
            for (int n = 0; n < count; n++) {
                values[first + n] = block.get(n, 0, 0);
            }
        }
        return values;
    }

    /** Largest absolute difference between two jet arrays of the same shape. */
    static double maxDifference(double[][][] a, double[][][] b) {
        double max = 0.0;
        for (int n = 0; n < a.length; n++) {
            for (int c = 0; c < a[n].length; c++) {
                for (int u = 0; u < a[n][c].length; u++) {
                    max = Math.max(max, Math.abs(a[n][c][u] - b[n][c][u]));
                }
            }
        }
        return max;
    }

    /** Largest absolute entry, to put differences in scale. */
    static double maxAbs(double[][][] a) {
        double max = 0.0;
        for (double[][] p : a) {
            for (double[] c : p) {
                for (double v : c) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /** u'' = -π² sin(πx) on 32 equispaced interior points of [-1, 1], u(±1) = 0: terms "pde" and "boundary". */
    static PinnLoss sinePoisson1d(Network network) {
        return sinePoisson1d(network, 1);
    }

    /** u'' = -a π² sin(πx), u(±1) = 0 (solution a sin(πx)) on 32 points. */
    static PinnLoss sinePoisson1d(Network network, double a) {
        int count = 32;
        double[][] interior = new double[count][1];
        for (int n = 0; n < count; n++) {
            interior[n][0] = -1.0 + 2.0 * (n + 1) / (count + 1);
        }
        ResidualTerm pde = ResidualTerm.of("pde", interior, List.of(MultiIndex.parse("xx", List.of("x"))),
                b -> b.d(b.field(0), "xx").plus(b.source(p -> a * Math.PI * Math.PI * Math.sin(Math.PI * p[0]))));
        ResidualTerm boundary = ResidualTerm.of("boundary", new double[][] {{-1.0}, {1.0}}, List.of(),
                b -> b.field(0));
        return new PinnLoss(network, Backends.defaultBackend(), List.of(pde, boundary), List.of("x"));
    }
}
