package org.pikan4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.backend.nd4j.Nd4jBackend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.JetBlock;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * The nd4j and jvm backends compute the same numbers: every output jet component, the gradient
 * of a Poisson-type PINN loss, and its per-sample Jacobian. Both are exact, so they differ only
 * by summation order. jvm runs with blocks of 5 points, nd4j with all points in one call.
 */
class BackendCrossCheckTest {

    /** Relative to the largest entry compared; measured worst 1.1e-15 (the Jacobian of kan[2,5,5,1]). */
    private static final double TOLERANCE = 1e-12;
    private static final String[] DERIVATIVES = {"x", "y", "xx", "xy", "yy", "xxx", "xxxx"};

    private final Backend jvm = new JvmBackend(5);
    private final Backend nd4j = new Nd4jBackend();

    static Stream<Object[]> networks() {
        List<String> wanted = List.of("kan[2,5,5,1]", "kan[3,4,1]", "mlp[2,8,8,1] tanh");
        return TestNetworks.networks().filter(n -> wanted.contains((String) n[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void outputJetsAgree(String label, Network network) {
        DerivativeSet set = DerivativeSet.parse(TestNetworks.names(network), DERIVATIVES);
        double[] theta = network.initialParameters(3);
        double[][] points = TestNetworks.points(23, network.inputDimension(), 11);
        double[] a = JetDerivativesTest.evaluate(jvm, network, set, theta, points).data();
        double[] b = JetDerivativesTest.evaluate(nd4j, network, set, theta, points).data();
        assertClose(label + " output jets", a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void lossGradientsAgree(String label, Network network) {
        double[] theta = network.initialParameters(5);
        double[] a = new double[theta.length];
        double[] b = new double[theta.length];
        double la = loss(network, jvm).evaluate(theta, a);
        double lb = loss(network, nd4j).evaluate(theta, b);
        assertClose(label + " loss", new double[] {la}, new double[] {lb});
        assertClose(label + " loss gradient", a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void jacobiansAgree(String label, Network network) {
        double[] theta = network.initialParameters(7);
        PinnLoss onJvm = loss(network, jvm);
        int rows = onJvm.residualCount();
        double[] ra = new double[rows];
        double[] rb = new double[rows];
        double[][] ja = new double[rows][theta.length];
        double[][] jb = new double[rows][theta.length];
        onJvm.residuals(theta, ra, ja);
        loss(network, nd4j).residuals(theta, rb, jb);
        assertClose(label + " residuals", ra, rb);
        assertClose(label + " Jacobian", flatten(ja), flatten(jb));
    }

    /** Laplacian residual with a source on interior points, the value on boundary points. */
    private static PinnLoss loss(Network network, Backend backend) {
        List<String> names = TestNetworks.names(network);
        int d = network.inputDimension();
        ResidualTerm interior = ResidualTerm.of("pde", TestNetworks.points(17, d, 13),
                List.of(MultiIndex.parse("xx", names), MultiIndex.parse("yy", names)),
                b -> b.d(b.field(0), "xx").plus(b.d(b.field(0), "yy")).plus(b.source(p -> Math.sin(p[0]))));
        ResidualTerm boundary = ResidualTerm.of("boundary", TestNetworks.points(9, d, 17), List.of(),
                b -> b.field(0)).withWeight(10.0);
        return new PinnLoss(network, backend, List.of(interior, boundary), names);
    }

    private static double[] flatten(double[][] rows) {
        return Stream.of(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static void assertClose(String what, double[] expected, double[] actual) {
        double scale = 0.0;
        double worst = 0.0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        double relative = worst / Math.max(scale, Double.MIN_NORMAL);
        System.out.printf("%s: worst difference %.2e relative to the largest entry%n", what, relative);
        assertTrue(relative <= TOLERANCE, what + ": nd4j differs from jvm by " + relative + " (relative)");
    }
}
