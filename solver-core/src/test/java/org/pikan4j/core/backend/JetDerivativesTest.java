package org.pikan4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * Every jet component of the network output agrees with central finite differences in double
 * precision. A component of order m is compared with the central difference of an order m-1
 * component along one coordinate, and order-1 components with differences of u itself, so the
 * chain reaches u: u_x ~ FD(u), u_xx ~ FD(u_x), u_xxx ~ FD(u_xx), u_xxxx ~ FD(u_xxx).
 */
class JetDerivativesTest {

    /** Step of the central differences: truncation ~h² u''' ≈ 1e-10, round-off ~1e-16/h ≈ 1e-11. */
    private static final double H = 1e-5;
    /** Measured worst relative error 3e-8 (jvm, all networks); 1e-6 is the bound. */
    private static final double TOLERANCE = 1e-6;

    static Stream<Object[]> cases() {
        return TestNetworks.onEveryBackend();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void everyJetComponentMatchesFiniteDifferences(String backendName, String label, Network network) {
        Backend backend = EngineBackends.named(backendName);
        int d = network.inputDimension();
        DerivativeSet set = fullSet(d);
        double[] theta = network.initialParameters(42);
        double[][] points = TestNetworks.points(7, d, 7);
        JetBlock jets = evaluate(backend, network, set, theta, points);
        double worst = 0.0;
        for (int c = 1; c < set.size(); c++) {
            MultiIndex alpha = set.component(c);
            for (int n = 0; n < points.length; n++) {
                for (int u = 0; u < network.outputDimension(); u++) {
                    double fd = centralDifference(backend, network, set, theta, points[n], c, u);
                    double jet = jets.get(n, c, u);
                    double error = Math.abs(jet - fd) / Math.max(1.0, Math.abs(fd));
                    worst = Math.max(worst, error);
                    assertTrue(error < TOLERANCE, label + " component " + alpha + " at point " + n
                            + ": jet " + jet + " vs finite difference " + fd);
                }
            }
        }
        System.out.printf("%s %s: worst relative jet error %.2e%n", backendName, label, worst);
    }

    /**
     * All second-order components (mixed ones included) and the pure third and fourth orders
     * along x (u_xxx, u_xxxx). Cubic splines have jumps in the third derivative at knots; the
     * seeded points stay clear of them by much more than H.
     */
    private static DerivativeSet fullSet(int d) {
        List<MultiIndex> wanted = secondOrder(d);
        int[] xxxx = new int[d];
        xxxx[0] = 4;
        wanted.add(MultiIndex.of(xxxx));
        return DerivativeSet.of(d, wanted);
    }

    /** Every second-order component of d coordinates, mixed ones included (lower orders follow by closure). */
    static List<MultiIndex> secondOrder(int d) {
        List<MultiIndex> wanted = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                int[] counts = new int[d];
                counts[i]++;
                counts[j]++;
                wanted.add(MultiIndex.of(counts));
            }
        }
        return wanted;
    }

    /**
     * The central difference, with step {@value #H}, of the component one order below component {@code c} along
     * that component's first axis, of output {@code u} at {@code point}: an estimate of component c.
     */
    static double centralDifference(Backend backend, Network network, DerivativeSet set, double[] theta,
                                    double[] point, int c, int u) {
        MultiIndex alpha = set.component(c);
        int axis = firstAxis(alpha);
        int[] lower = alpha.counts();
        lower[axis]--;
        int lowerComponent = set.indexOf(MultiIndex.of(lower));
        double[][] plus = {point.clone()};
        double[][] minus = {point.clone()};
        plus[0][axis] += H;
        minus[0][axis] -= H;
        return (evaluate(backend, network, set, theta, plus).get(0, lowerComponent, u)
                - evaluate(backend, network, set, theta, minus).get(0, lowerComponent, u)) / (2 * H);
    }

    private static int firstAxis(MultiIndex alpha) {
        for (int i = 0; i < alpha.dimension(); i++) {
            if (alpha.count(i) > 0) {
                return i;
            }
        }
        throw new IllegalStateException("value has no axis");
    }

    static JetBlock evaluate(Backend backend, Network network, DerivativeSet set, double[] theta,
                             double[][] points) {
        NetworkEvaluator evaluator = backend.evaluator(network, set);
        JetBlock result = new JetBlock(set, points.length, network.outputDimension());
        for (int first = 0; first < points.length; first += evaluator.capacity()) {
            int count = Math.min(evaluator.capacity(), points.length - first);
            JetBlock block = evaluator.forward(theta, points, first, count);
            for (int n = 0; n < count; n++) {
                for (int c = 0; c < set.size(); c++) {
                    for (int u = 0; u < network.outputDimension(); u++) {
                        result.set(first + n, c, u, block.get(n, c, u));
                    }
                }
            }
        }
        return result;
    }
}
