package org.pikan4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pikan4j.core.LossDifferences;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.BlockContext;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * The reverse sweep is exact: dLoss/dθ of a Laplacian-residual loss matches central finite
 * differences on every parameter, and every row of the per-sample Jacobian matches the finite
 * difference gradient of its residual. The residual also runs through every elementwise jet
 * operation (+ - * /, pow, sqrt, sin, cos, exp, log, tanh), so the tape's backward is covered.
 */
class LossGradientTest {

    /** Central difference step on θ: truncation ~1e-12, round-off ~1e-16·L/h ≈ 1e-10·L. */
    private static final double H = 1e-6;
    /** Measured worst error 3e-10 relative to the largest gradient entry (jvm); bound 1e-6. */
    private static final double TOLERANCE = 1e-6;

    static Stream<Object[]> cases() {
        return TestNetworks.onEveryBackend();
    }

    /**
     * Every parameter on jvm; every fifth (and the coefficient κ) on nd4j, whose fixed cost per
     * call makes hundreds of finite differences slow; BackendCrossCheckTest ties it to jvm to 1e-12.
     */
    static int parameterStride(String backend) {
        return "jvm".equals(backend) ? 1 : 5;
    }

    /** -Δu = f plus nonlinear terms that exercise every jet operation. */
    static Jet pdeResidual(BlockContext b) {
        Jet u = b.field(0);
        Jet laplacian = null;
        for (String name : b.names()) {
            Jet second = b.d(u, name + name);
            laplacian = laplacian == null ? second : laplacian.plus(second);
        }
        Jet ux = b.d(u, "x");
        Jet nonlinear = u.sin().times(ux)
                .minus(u.times(0.1).exp().div(u.cos().plus(2.0)))
                .plus(u.square().plus(1.0).sqrt().times(u.tanh()))
                .plus(u.square().plus(2.0).log())
                .minus(u.square().plus(1.0).pow(1.5).times(0.1));
        // a trainable diffusion coefficient, as in inverse problems: -κ Δu
        return laplacian.times(b.parameter(0)).negate().minus(b.source(p -> Math.sin(Math.PI * p[0]))).plus(nonlinear);
    }

    static PinnLoss loss(Backend backend, Network network) {
        int d = network.inputDimension();
        List<String> names = TestNetworks.names(network);
        List<MultiIndex> needed = new ArrayList<>();
        for (String name : names) {
            needed.add(MultiIndex.parse(name + name, names));
        }
        ResidualTerm pde = ResidualTerm.of("pde", TestNetworks.points(9, d, 3), needed, LossGradientTest::pdeResidual);
        ResidualTerm boundary = ResidualTerm.of("boundary", TestNetworks.points(4, d, 4), List.of(),
                b -> b.field(network.outputDimension() - 1).minus(b.source(p -> p[0] * p[0]))).withWeight(3.0);
        return new PinnLoss(network, backend, List.of(pde, boundary), names, 1);
    }

    /** Network parameters followed by the trainable coefficient κ = 1.3. */
    static double[] parameters(Network network, long seed) {
        double[] theta = java.util.Arrays.copyOf(network.initialParameters(seed), network.parameterCount() + 1);
        theta[network.parameterCount()] = 1.3;
        return theta;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void lossGradientMatchesFiniteDifferencesOnEveryParameter(String backendName, String label, Network network) {
        PinnLoss loss = loss(EngineBackends.named(backendName), network);
        double[] theta = parameters(network, 11);
        double[] gradient = new double[theta.length];
        loss.evaluate(theta, gradient);
        double scale = LossDifferences.maxAbs(gradient);
        double[] scratch = new double[theta.length];
        double worst = 0.0;
        for (int p = 0; p < theta.length; p = nextParameter(p, backendName, theta.length)) {
            double fd = LossDifferences.centralDifference(t -> loss.evaluate(t, scratch), theta, p, H);
            double error = Math.abs(gradient[p] - fd) / scale;
            worst = Math.max(worst, error);
            assertTrue(error < TOLERANCE, label + " " + describe(network, p) + ": gradient "
                    + gradient[p] + " vs finite difference " + fd);
        }
        System.out.printf("%s %s: %d parameters, worst gradient error %.2e%n", backendName, label,
                theta.length, worst);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jacobianRowsMatchTheGradientOfEachResidual(String backendName, String label, Network network) {
        PinnLoss loss = loss(EngineBackends.named(backendName), network);
        double[] theta = parameters(network, 5);
        int m = loss.residualCount();
        double[] r = new double[m];
        double[][] jacobian = new double[m][theta.length];
        loss.residuals(theta, r, jacobian);
        double[] up = new double[m];
        double[] down = new double[m];
        double scale = 0.0;
        for (double[] row : jacobian) {
            scale = Math.max(scale, LossDifferences.maxAbs(row));
        }
        for (int p = 0; p < theta.length; p = nextParameter(p, backendName, theta.length)) {
            double saved = theta[p];
            theta[p] = saved + H;
            loss.residuals(theta, up, null);
            theta[p] = saved - H;
            loss.residuals(theta, down, null);
            theta[p] = saved;
            for (int i = 0; i < m; i++) {
                double fd = (up[i] - down[i]) / (2 * H);
                assertTrue(Math.abs(jacobian[i][p] - fd) < TOLERANCE * scale, label + " residual " + i
                        + ", " + describe(network, p) + ": Jacobian " + jacobian[i][p] + " vs " + fd);
            }
        }
        // the residual vector carries the loss: sum of squares = L, and 2 Jᵀr = ∇L
        double[] gradient = new double[theta.length];
        double value = loss.evaluate(theta, gradient);
        double sumOfSquares = 0.0;
        for (double v : r) {
            sumOfSquares += v * v;
        }
        assertEquals(value, sumOfSquares, 1e-12 * value);
        for (int p = 0; p < theta.length; p++) {
            double jtr = 0.0;
            for (int i = 0; i < m; i++) {
                jtr += 2 * jacobian[i][p] * r[i];
            }
            assertEquals(gradient[p], jtr, 1e-11 * LossDifferences.maxAbs(gradient), "2 J^T r vs gradient at " + p);
        }
    }

    /** The next parameter to check; the last one (κ) is always checked. */
    private static int nextParameter(int p, String backend, int count) {
        int next = p + parameterStride(backend);
        return next >= count && p < count - 1 ? count - 1 : next;
    }

    private static String describe(Network network, int p) {
        return p < network.parameterCount() ? network.layout().describe(p) : "kappa";
    }
}
