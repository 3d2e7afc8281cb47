package org.pikan4j.core.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamRun;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;

/**
 * The first Adam step after grid extension, measured against the step the coarse model takes from the same
 * state: both steps change the network function, and we compare the changes {@code δu} on test points,
 * {@code |δu_fine - δu_coarse| / |δu_coarse|} in the discrete L2 norm.
 */
class AdamTransferTest {

    private static final double[][] FIT = RefineFixtures.points(256, 2, -1, 1, 21);
    private static final double[][] TEST = RefineFixtures.points(400, 2, -1, 1, 22);

    @Test
    void transferredMomentsKeepTheFirstStepCloseToTheCoarseStep() {
        Network coarse = RefineFixtures.kan(2, 5, 1);
        Adam adam = Adam.steps(1000).withLearningRate(1e-2);
        PinnLoss coarseLoss = loss(coarse);
        AdamRun coarseRun = adam.start(coarseLoss::evaluate, coarse.initialParameters(4));
        for (int s = 0; s < 60; s++) {
            coarseRun.step();
        }
        double[] thetaBefore = coarseRun.theta().clone();
        GridRefinement fine = GridExtension.extend(coarse, thetaBefore, 10);
        PinnLoss fineLoss = loss(fine.network());
        AdamRun transferred = adam.start(fineLoss::evaluate, fine.theta());
        fine.transfer().transferAdam(coarseRun, transferred);
        AdamRun fresh = adam.start(fineLoss::evaluate, fine.theta());

        coarseRun.step();
        transferred.step();
        fresh.step();
        double[] coarseStep = change(coarse, thetaBefore, coarseRun.theta());
        double[] transferredStep = change(fine.network(), fine.theta(), transferred.theta());
        double[] freshStep = change(fine.network(), fine.theta(), fresh.theta());
        double transferredError = distance(transferredStep, coarseStep) / norm(coarseStep);
        double freshError = distance(freshStep, coarseStep) / norm(coarseStep);
        double[] g = new double[fineLoss.parameterCount()];
        System.out.printf("first step after G 5 -> 10: |du_fine - du_coarse|/|du_coarse| = %.3g with transferred"
                        + " moments, %.3g with fresh Adam; loss after: coarse %.4g, transferred %.4g, fresh %.4g%n",
                transferredError, freshError, coarseLoss.evaluate(coarseRun.theta(), new double[coarseLoss.parameterCount()]),
                fineLoss.evaluate(transferred.theta(), g), fineLoss.evaluate(fresh.theta(), g));
        // measured: 0.24 transferred vs 7.9 fresh (seed 4, 60 coarse steps, lr 1e-2)
        assertTrue(transferredError < 0.4, "transferred moments: relative step difference " + transferredError);
        assertTrue(freshError > 5 * transferredError, "fresh Adam: relative step difference " + freshError);
        assertEquals(coarseRun.iterations(), transferred.iterations());
    }

    @Test
    void secondMomentMapsAsTheSquareOfTheMappedRootMeanSquare() {
        ParameterTransfer.Builder builder = new ParameterTransfer.Builder(2);
        ParameterTransfer map = builder.row(new int[] {0, 1}, new double[] {0.25, 0.75}).copyRow(1)
                .row(new int[] {0, 1}, new double[] {-0.5, 1.5}).build();
        assertArrayEquals(new double[] {0.25 * 2 + 0.75 * 4, 4, -0.5 * 2 + 1.5 * 4}, map.apply(new double[] {2, 4}));
        double[] v = map.applyToSecondMoment(new double[] {4, 16});
        assertArrayEquals(new double[] {Math.pow(0.25 * 2 + 0.75 * 4, 2), 16, Math.pow(0.5 * 2 + 1.5 * 4, 2)}, v,
                1e-12);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> map.applyToSecondMoment(new double[] {-1, 1}));
        assertEquals("v[0] (second moment) must be >= 0, got -1.0", negative.getMessage());
    }

    @Test
    void composedTransfersMatchSuccessiveApplication() {
        Network coarse = RefineFixtures.kan(2, 3, 3, 1);
        double[] theta = coarse.initialParameters(9);
        GridRefinement first = GridExtension.extend(coarse, theta, 10);
        GridRefinement second = GridExtension.extend(first.network(), first.theta(), 15);
        ParameterTransfer composed = first.transfer().then(second.transfer());
        assertArrayEquals(second.theta(), composed.apply(theta), 1e-13);
        assertEquals(theta.length, composed.sourceLength());
        assertEquals(second.network().parameterCount(), composed.targetLength());
    }

    private static PinnLoss loss(Network network) {
        ResidualTerm fit = ResidualTerm.of("fit", FIT, List.of(),
                b -> b.field(0).minus(b.source(p -> Math.sin(Math.PI * p[0]) * Math.cos(2 * p[1]))));
        return new PinnLoss(network, Backends.defaultBackend(), List.of(fit), RefineFixtures.XY);
    }

    private static double[] change(Network network, double[] before, double[] after) {
        double[][][] a = RefineFixtures.jets(network, before, TEST);
        double[][][] b = RefineFixtures.jets(network, after, TEST);
        double[] d = new double[TEST.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = b[n][0][0] - a[n][0][0];
        }
        return d;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int n = 0; n < a.length; n++) {
            s += (a[n] - b[n]) * (a[n] - b[n]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] a) {
        return distance(a, new double[a.length]);
    }
}
