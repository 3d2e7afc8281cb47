package org.pikan4j.core.residual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.core.train.AttentionUpdate;
import org.pikan4j.core.train.StageInfo;
import org.pikan4j.core.train.StepReport;

class ResidualAttentionTest {

    private static final double GAMMA = 0.9;
    private static final double ETA = 0.5;
    private final Network network = Kan.widths(2, 3, 1).grid(4).build();
    private final double[] theta = network.initialParameters(5);

    private static double[][] points(int count, long seed) {
        Random random = new Random(seed);
        double[][] p = new double[count][2];
        for (double[] row : p) {
            row[0] = random.nextDouble() * 2 - 1;
            row[1] = random.nextDouble() * 2 - 1;
        }
        return p;
    }

    private PinnLoss loss(double[][] interior, int threads) {
        ResidualTerm pde = ResidualTerm.of("pde", interior, List.of(MultiIndex.of(2, 0), MultiIndex.of(0, 2)),
                b -> b.d(b.field(0), "xx").plus(b.d(b.field(0), "yy")).plus(b.source(p -> p[0] * p[1])))
                .withWeight(2.0);
        ResidualTerm boundary = ResidualTerm.of("boundary", new double[][] {{1, 0}, {-1, 0.5}, {0, 1}},
                List.of(), b -> b.field(0));
        return new PinnLoss(network, new JvmBackend(16), List.of(pde, boundary), List.of("x", "y"), 0, threads);
    }

    /** The plain residual r_n of the pde term at every point, from the unweighted residual vector. */
    private double[] plainPdeResiduals(PinnLoss plain) {
        double[] all = new double[plain.residualCount()];
        plain.residuals(theta, all, null);
        int n = plain.terms().get(0).size();
        double scale = Math.sqrt(plain.terms().get(0).weight() / n);
        return Arrays.stream(Arrays.copyOf(all, n)).map(v -> v / scale).toArray();
    }

    @Test
    void theUpdateFollowsTheRbaFormulaAndTheLossWeightsEachResidual() {
        double[][] interior = points(200, 1);
        PinnLoss plain = loss(interior, 1);
        double[] r = plainPdeResiduals(plain);
        double max = Arrays.stream(r).map(Math::abs).max().orElseThrow();
        ResidualAttention rba = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        PinnLoss weighted = plain.withAttention(rba);

        double[] gradient = new double[theta.length];
        double before = weighted.evaluate(theta, gradient);
        assertEquals(plain.evaluate(theta, new double[theta.length]), before, 1e-13 * before, "weights start at 1");
        rba.update();
        double[] lambda = rba.weights("pde");
        for (int n = 0; n < r.length; n++) {
            assertEquals(GAMMA + ETA * Math.abs(r[n]) / max, lambda[n], 1e-13, "weight of point " + n);
        }
        double expected = 0.0;
        for (int n = 0; n < r.length; n++) {
            expected += lambda[n] * lambda[n] * r[n] * r[n];
        }
        expected = 2.0 / r.length * expected + plain.termValues()[1];
        assertEquals(expected, weighted.evaluate(theta, gradient), 1e-12 * expected);
        // a second update uses the latest evaluation's |r| (the same θ here): γ λ + η |r| / max
        rba.update();
        double[] again = rba.weights("pde");
        for (int n = 0; n < r.length; n++) {
            assertEquals(GAMMA * lambda[n] + ETA * Math.abs(r[n]) / max, again[n], 1e-13);
        }
    }

    @Test
    void theGradientIsExactForFixedWeights() {
        ResidualAttention rba = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        PinnLoss weighted = loss(points(60, 2), 1).withAttention(rba);
        double[] gradient = new double[theta.length];
        for (int k = 0; k < 3; k++) {
            weighted.evaluate(theta, gradient);
            rba.update();
        }
        weighted.evaluate(theta, gradient);
        double h = 1e-6;
        for (int p = 0; p < theta.length; p += 7) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[p] += h;
            minus[p] -= h;
            double[] scratch = new double[theta.length];
            double fd = (weighted.evaluate(plus, scratch) - weighted.evaluate(minus, scratch)) / (2 * h);
            assertEquals(fd, gradient[p], 1e-6 * (1 + Math.abs(fd)), "gradient entry " + p);
        }
    }

    @Test
    void twoThreadsRecordTheSameResidualsAsOne() {
        double[][] interior = points(301, 3);
        ResidualAttention one = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        ResidualAttention two = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        loss(interior, 1).withAttention(one).evaluate(theta, new double[theta.length]);
        PinnLoss threaded = loss(interior, 2).withAttention(two);
        assertEquals(2, threaded.activeThreads());
        threaded.evaluate(theta, new double[theta.length]);
        one.update();
        two.update();
        assertArrayEquals(one.weights("pde"), two.weights("pde"), 1e-12);
    }

    @Test
    void keptPointsKeepTheirWeightsAndAddedOnesTakeTheirNearestOldPointsWeight() {
        ResidualAttention rba = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        PinnLoss weighted = loss(points(50, 4), 1).withAttention(rba);
        weighted.evaluate(theta, new double[theta.length]);
        rba.update();
        double[] before = rba.weights("pde");
        double[][] old = weighted.terms().get(0).points();
        // a copy of the same points (a refined loss rebuilt on them) keeps every weight
        PinnLoss copied = weighted.withTerms(List.of(weighted.terms().get(0).withPoints(old),
                weighted.terms().get(1)));
        assertArrayEquals(before, rba.weights("pde"), 0.0);
        // residuals at a candidate pool, read without the attention, leave the weights where they are
        PinnLoss probe = copied.withoutAttention();
        assertTrue(probe.attention().isEmpty());
        probe.withTerms(List.of(probe.terms().get(0).withPoints(points(30, 9)), probe.terms().get(1)))
                .evaluate(theta, new double[theta.length]);
        assertArrayEquals(before, rba.weights("pde"), 0.0);
        // RAR appends: two points, each 1e-4 from an old point whose weight differs from the other's
        int near7 = 7;
        int near20 = 20;
        assertNotEquals(before[near7], before[near20]);
        double[][] grown = Arrays.copyOf(old, 52);
        grown[50] = new double[] {old[near7][0] + 1e-4, old[near7][1]};
        grown[51] = new double[] {old[near20][0], old[near20][1] - 1e-4};
        copied.withTerms(List.of(copied.terms().get(0).withPoints(grown), copied.terms().get(1)));
        double[] after = rba.weights("pde");
        assertEquals(52, after.length);
        assertArrayEquals(before, Arrays.copyOf(after, 50), 0.0);
        assertEquals(before[near7], after[50], 0.0);
        assertEquals(before[near20], after[51], 0.0);
    }

    @Test
    void replacedPointsStartOverAtOne() {
        ResidualAttention rba = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        PinnLoss weighted = loss(points(50, 4), 1).withAttention(rba);
        weighted.evaluate(theta, new double[theta.length]);
        rba.update();
        assertTrue(Arrays.stream(rba.weights("pde")).anyMatch(l -> l != 1.0));
        PinnLoss moved = weighted.withTerms(List.of(weighted.terms().get(0).withPoints(points(40, 5)),
                weighted.terms().get(1)));
        assertEquals(rba, moved.attention().orElseThrow());
        double[] ones = new double[40];
        Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, rba.weights("pde"), 0.0);
    }

    @Test
    void theListenerUpdatesAfterAdamStepsOnly() {
        ResidualAttention rba = ResidualAttention.of(GAMMA, ETA, List.of("pde"));
        loss(points(30, 6), 1).withAttention(rba).evaluate(theta, new double[theta.length]);
        AttentionUpdate listener = AttentionUpdate.afterAdamSteps(rba);
        double[] ones = new double[30];
        Arrays.fill(ones, 1.0);
        listener.onStep(report("lbfgs"));
        assertArrayEquals(ones, rba.weights("pde"), 0.0, "L-BFGS steps leave the weights frozen");
        listener.onStep(report("adam"));
        assertTrue(Arrays.stream(rba.weights("pde")).allMatch(l -> l >= GAMMA && l <= GAMMA + ETA));
        assertEquals(GAMMA + ETA, Arrays.stream(rba.weights("pde")).max().orElseThrow(), 1e-15);
    }

    private StepReport report(String stage) {
        return new StepReport(1, new StageInfo(0, 1, stage, 10), 1, 0.5, List.of("pde"), new double[] {0.5}, 1e-3,
                0.0, theta);
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResidualAttention.of(1.0, 0.01,
                List.of("pde"))).getMessage().contains("γ must be in [0, 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResidualAttention.of(-0.1, 0.01,
                List.of("pde"))).getMessage().contains("got -0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResidualAttention.of(0.9, 0,
                List.of("pde"))).getMessage().contains("η must be positive"));
        ResidualAttention unknown = ResidualAttention.of(0.9, 0.01, List.of("interior"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> loss(points(5, 1), 1).withAttention(unknown))
                .getMessage().contains("[interior]"));
    }
}
