package org.pikan4j.core.residual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.LossDifferences;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.MultiIndex;

/** A paired term (periodic condition) differentiates through both evaluations of the network. */
class PairedTermTest {

    private static final double H = 1e-6;

    private static PinnLoss periodicLoss(Network network) {
        double[][] left = new double[7][];
        double[][] right = new double[7][];
        for (int n = 0; n < left.length; n++) {
            double y = -0.9 + 0.3 * n;
            left[n] = new double[] {-1, y};
            right[n] = new double[] {1, y};
        }
        ResidualTerm periodic = ResidualTerm.paired("periodic[x]", left, right, List.of(MultiIndex.of(1, 0)),
                b -> b.field(0).minus(b.partner(0)).plus(b.d(b.field(0), "x").minus(b.d(b.partner(0), "x"))));
        return new PinnLoss(network, new JvmBackend(3), List.of(periodic), List.of("x", "y"));
    }

    @Test
    void pairedGradientAndJacobianMatchFiniteDifferences() {
        Network network = Kan.widths(2, 4, 1).grid(5).noise(0.3).build();
        PinnLoss loss = periodicLoss(network);
        double[] theta = network.initialParameters(4);
        double[] gradient = new double[theta.length];
        loss.evaluate(theta, gradient);
        double[] r = new double[loss.residualCount()];
        double[][] jacobian = new double[r.length][theta.length];
        loss.residuals(theta, r, jacobian);
        double[] scratch = new double[theta.length];
        double[] up = new double[r.length];
        double[] down = new double[r.length];
        double scale = LossDifferences.maxAbs(gradient);
        for (int p = 0; p < theta.length; p++) {
            double saved = theta[p];
            theta[p] = saved + H;
            double lossUp = loss.evaluate(theta, scratch);
            loss.residuals(theta, up, null);
            theta[p] = saved - H;
            double lossDown = loss.evaluate(theta, scratch);
            loss.residuals(theta, down, null);
            theta[p] = saved;
            // 1e-6 of the largest entry: measured worst 2e-10 (as for pointwise terms)
            assertEquals((lossUp - lossDown) / (2 * H), gradient[p], 1e-6 * scale, "gradient " + p);
            for (int i = 0; i < r.length; i++) {
                assertEquals((up[i] - down[i]) / (2 * H), jacobian[i][p], 1e-6 * scale, "Jacobian " + i + ", " + p);
            }
        }
    }

    @Test
    void pairedTermsNeedMatchingPartnersAndRefuseWithPoints() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResidualTerm.paired("p",
                new double[][] {{0, 0}}, new double[][] {{0, 0}, {1, 1}}, List.of(), b -> b.field(0)));
        assertEquals("term \"p\" needs one partner per point: 1 points, 2 partners", e.getMessage());
        ResidualTerm paired = ResidualTerm.paired("p", new double[][] {{0, 0}}, new double[][] {{1, 0}}, List.of(),
                b -> b.field(0).minus(b.partner(0)));
        assertThrows(IllegalStateException.class, () -> paired.withPoints(new double[][] {{0, 0}}));
    }
}
