package org.pikan4j.core.residual;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pikan4j.core.LossDifferences;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.refine.LocalRefinement;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * Causal weighting: the slab weights follow exp(-ε Σ_{k<i} L_k) of the current residuals, the loss is the
 * weighted mean, and the gradient is exact for the weights held fixed (vs finite differences of the same
 * loss with the weights frozen into per-slab terms).
 */
class CausalWeightingTest {

    private static final int SLABS = 4;
    private static final double EPSILON = 3.0;
    private static final double H = 1e-6;
    private static final Network NETWORK = Kan.widths(2, 3, 1).grid(5).noise(0.3).build();
    private static final List<String> NAMES = List.of("x", "t");

    /** u_t - 0.1 u_xx + u: any residual with derivatives will do. */
    private static final Residual PDE = b -> b.d(b.field(0), "t").minus(b.d(b.field(0), "xx").times(0.1))
            .plus(b.field(0));
    private static final List<MultiIndex> READS = List.of(MultiIndex.of(0, 1), MultiIndex.of(2, 0));

    private static CausalWeighting weighting() {
        return new CausalWeighting(List.of("pde"), 1, 0.0, 1.0, SLABS, EPSILON);
    }

    @ParameterizedTest(name = "decay {0}")
    @ValueSource(doubles = {0.0, 2.5})
    void weightsAndLossFollowTheFormula(double decay) {
        double[][] x = SpaceTimePoints.of(40, 1);
        ResidualTerm pde = ResidualTerm.of("pde", x, READS, PDE).withWeight(2.0);
        PinnLoss plain = new PinnLoss(NETWORK, new JvmBackend(7), List.of(pde), NAMES);
        PinnLoss causal = plain.withCausalWeighting(weighting().withDecay(decay));
        double[] theta = NETWORK.initialParameters(5);
        double[] r = new double[x.length];
        plain.residuals(theta, r, null);   // sqrt(2/N) r_n
        int[] slab = new int[x.length];
        double[] sum = new double[SLABS];
        int[] count = new int[SLABS];
        for (int n = 0; n < x.length; n++) {
            slab[n] = Math.min(SLABS - 1, (int) Math.floor(x[n][1] * SLABS));
            sum[slab[n]] += r[n] * r[n] * x.length / 2.0;
            count[slab[n]]++;
        }
        double[] expected = new double[SLABS];
        double before = 0.0;
        for (int i = 0; i < SLABS; i++) {
            assertTrue(count[i] > 0, "every slab needs points for the check, slab " + i);
            expected[i] = Math.exp(-EPSILON * before);   // the slab losses are the plain means, undecayed
            before += sum[i] / count[i];
        }
        double value = causal.evaluate(theta, new double[theta.length]);
        double[] weights = causal.causalWeights();
        for (int i = 0; i < SLABS; i++) {
            assertEquals(expected[i], weights[i], 1e-12 * expected[i], "weight of slab " + i);
        }
        double expectedLoss = 0.0;
        for (int n = 0; n < x.length; n++) {
            double g = decay == 0.0 ? 1.0 : decay * Math.exp(-decay * x[n][1]) / (1.0 - Math.exp(-decay));
            expectedLoss += expected[slab[n]] * g * r[n] * r[n];
        }
        assertEquals(expectedLoss, value, 1e-12 * expectedLoss, "loss = w/N Σ c_n g(t_n) r_n²");
        assertTrue(weights[SLABS - 1] < 0.99, "the check needs weights visibly below 1: " + weights[SLABS - 1]);
    }

    @ParameterizedTest(name = "ε = {0}, {1} slabs")
    @CsvSource({"0.0, 4", "3.0, 1"})
    void decayAloneNeedsNoResidualsForItsWeights(double epsilon, int slabs) {
        double[][] x = SpaceTimePoints.of(40, 3);
        PinnLoss plain = new PinnLoss(NETWORK, new JvmBackend(7), List.of(ResidualTerm.of("pde", x, READS, PDE)),
                NAMES);
        CausalWeighting decayOnly = new CausalWeighting(List.of("pde"), 1, 0.0, 1.0, slabs, epsilon, 2.5);
        PinnLoss causal = plain.withCausalWeighting(decayOnly);
        double[] ones = new double[slabs];
        Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, causal.causalWeights(), 0.0, "slab weights known before any evaluation");
        double[] theta = NETWORK.initialParameters(8);
        double[] r = new double[x.length];
        plain.residuals(theta, r, null);   // sqrt(1/N) r_n
        double expected = 0.0;
        for (int n = 0; n < x.length; n++) {
            expected += decayOnly.decayFactor(x[n][1]) * r[n] * r[n];
        }
        double[] gradient = new double[theta.length];
        double[] held = new double[theta.length];
        assertEquals(expected, causal.evaluate(theta, gradient), 1e-12 * expected, "loss = 1/N Σ g(t_n) r_n²");
        assertEquals(expected, causal.evaluateWithHeldWeights(theta, held), 1e-12 * expected, "held: the same");
        assertArrayEquals(gradient, held, 0.0, "held weights change nothing: the weights never depend on θ");
    }

    @Test
    void decayFactorsAverageOneOverTheInterval() {
        CausalWeighting w = new CausalWeighting(List.of("pde"), 1, 2.0, 4.0, SLABS, EPSILON, 3.0);
        int n = 100_000;
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            mean += w.decayFactor(2.0 + 2.0 * (i + 0.5) / n) / n;   // midpoint rule, error ~ (2/n)² β² / 24
        }
        assertEquals(1.0, mean, 1e-8, "mean of g over [t0, t1]");
        assertEquals(3.0 / (1.0 - Math.exp(-3.0)), w.decayFactor(2.0), 1e-14, "g at t0");
        assertEquals(Math.exp(-3.0) * w.decayFactor(2.0), w.decayFactor(4.0), 1e-14, "g at t1 = e^-β g(t0)");
        assertEquals(w.decayFactor(4.0), w.decayFactor(9.0), 0.0, "times past t1 take t1's factor");
        assertEquals(1.0, weighting().decayFactor(0.3), 0.0, "no decay: 1");
    }

    @Test
    void gradientIsExactForTheWeightsHeldFixed() {
        double[][] x = SpaceTimePoints.of(40, 2);
        PinnLoss causal = new PinnLoss(NETWORK, new JvmBackend(7), List.of(ResidualTerm.of("pde", x, READS, PDE)),
                NAMES).withCausalWeighting(weighting());
        double[] theta = NETWORK.initialParameters(6);
        double[] gradient = new double[theta.length];
        double value = causal.evaluate(theta, gradient);
        PinnLoss frozen = frozen(x, weighting(), causal.causalWeights());
        double[] scratch = new double[theta.length];
        assertEquals(value, frozen.evaluate(theta, scratch), 1e-12 * value, "frozen loss at θ");
        double scale = LossDifferences.maxAbs(gradient);
        for (int p = 0; p < theta.length; p++) {
            double fd = LossDifferences.centralDifference(t -> frozen.evaluate(t, scratch), theta, p, H);
            // 1e-6 of the largest entry, as the other gradient checks (measured ~1e-10)
            assertEquals(fd, gradient[p], 1e-6 * scale, "gradient " + p);
        }
    }

    @Test
    void heldWeightsMakeTheGradientThatOfTheFunction() {
        double[][] x = SpaceTimePoints.of(40, 4);
        PinnLoss causal = new PinnLoss(NETWORK, new JvmBackend(7), List.of(ResidualTerm.of("pde", x, READS, PDE)),
                NAMES).withCausalWeighting(weighting());
        double[] theta0 = NETWORK.initialParameters(8);
        double[] scratch = new double[theta0.length];
        double first = causal.evaluateWithHeldWeights(theta0, scratch);   // no weights yet: computes them
        double[] weights = causal.causalWeights();
        assertEquals(causal.evaluate(theta0, scratch), first, 0.0, "held at the weights' own θ");
        double[] theta = theta0.clone();
        for (int p = 0; p < theta.length; p++) {
            theta[p] += 0.05 * Math.sin(3.0 * p);
        }
        double[] gradient = new double[theta.length];
        double value = causal.evaluateWithHeldWeights(theta, gradient);
        assertArrayEquals(weights, causal.causalWeights(), 0.0, "held weights stay those of θ0");
        PinnLoss frozen = frozen(x, weighting(), weights);
        assertEquals(frozen.evaluate(theta, scratch), value, 1e-12 * value, "held loss = frozen loss");
        double scale = LossDifferences.maxAbs(gradient);
        for (int p = 0; p < theta.length; p++) {
            double fd = LossDifferences.centralDifference(t -> causal.evaluateWithHeldWeights(t, scratch), theta, p, H);
            assertEquals(fd, gradient[p], 1e-6 * scale, "gradient " + p);
        }
        double liveMismatch = 0.0;
        double[] liveGradient = new double[theta.length];
        causal.evaluate(theta, liveGradient);
        for (int p = 0; p < theta.length; p++) {
            double liveFd = LossDifferences.centralDifference(t -> causal.evaluate(t, scratch), theta, p, H);
            liveMismatch = Math.max(liveMismatch, Math.abs(liveFd - liveGradient[p]));
        }
        // the live loss's gradient holds weights that move with θ: not the derivative of its values (measured
        // 0.18 of the largest entry here), which is why line searches hold them
        assertTrue(liveMismatch > 1e-3 * scale, "live mismatch " + liveMismatch + " vs scale " + scale);
    }

    @Test
    void decayedGradientIsThatOfTheHeldFunction() {
        double[][] x = SpaceTimePoints.of(40, 5);
        PinnLoss causal = new PinnLoss(NETWORK, new JvmBackend(7), List.of(ResidualTerm.of("pde", x, READS, PDE)),
                NAMES).withCausalWeighting(weighting().withDecay(2.5));
        double[] theta = NETWORK.initialParameters(9);
        double[] scratch = new double[theta.length];
        causal.evaluate(theta, scratch);   // computes the slab weights, which the decay multiplies
        double[] gradient = new double[theta.length];
        causal.evaluateWithHeldWeights(theta, gradient);
        double scale = LossDifferences.maxAbs(gradient);
        for (int p = 0; p < theta.length; p++) {
            double fd = LossDifferences.centralDifference(t -> causal.evaluateWithHeldWeights(t, scratch), theta, p, H);
            assertEquals(fd, gradient[p], 1e-6 * scale, "gradient " + p);
        }
    }

    /** The causal loss with the weights frozen: one term per slab, weight c_i · N_i / N. */
    private static PinnLoss frozen(double[][] x, CausalWeighting c, double[] weights) {
        List<ResidualTerm> terms = new ArrayList<>();
        for (int i = 0; i < c.slabs(); i++) {
            List<double[]> slab = new ArrayList<>();
            for (double[] p : x) {
                if (c.slab(p[1]) == i) {
                    slab.add(p);
                }
            }
            terms.add(ResidualTerm.of("slab" + i, slab.toArray(new double[0][]), READS, PDE)
                    .withWeight(weights[i] * slab.size() / x.length));
        }
        return new PinnLoss(NETWORK, new JvmBackend(7), terms, NAMES);
    }

    @Test
    void twoThreadsGiveTheSameWeightsAsOne() {
        double[][] x = SpaceTimePoints.of(400, 3);
        ResidualTerm pde = ResidualTerm.of("pde", x, READS, PDE);
        double[] theta = NETWORK.initialParameters(7);
        double[][] weights = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            PinnLoss loss = new PinnLoss(NETWORK, new JvmBackend(7), List.of(pde), NAMES, 0, threads)
                    .withCausalWeighting(weighting());
            loss.evaluate(theta, new double[theta.length]);
            weights[threads - 1] = loss.causalWeights();
        }
        for (int i = 0; i < SLABS; i++) {
            assertEquals(weights[0][i], weights[1][i], 1e-14, "weight of slab " + i);
        }
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertMessage(() -> new CausalWeighting(List.of("pde"), 1, 0, 1, 0, 1.0), "slabs", ">= 1", "got 0");
        assertMessage(() -> new CausalWeighting(List.of("pde"), 1, 0, 1, 4, -1.0), "epsilon", ">= 0", "got -1.0");
        assertMessage(() -> new CausalWeighting(List.of("pde"), 1, 0, 1, 4, 1.0, Double.NaN), "decay", ">= 0",
                "got NaN");
        assertMessage(() -> new CausalWeighting(List.of("pde"), 1, 1, 1, 4, 1.0), "t0 < t1");
        assertMessage(() -> new CausalWeighting(List.of(), 1, 0, 1, 4, 1.0), "at least one term");
        PinnLoss loss = new PinnLoss(NETWORK, new JvmBackend(7),
                List.of(ResidualTerm.of("pde", SpaceTimePoints.of(5, 4), READS, PDE)), NAMES);
        assertMessage(() -> loss.withCausalWeighting(new CausalWeighting(List.of("pde"), 2, 0, 1, 4, 1.0)),
                "time axis 2", "0 to 1");
        assertMessage(() -> loss.withCausalWeighting(new CausalWeighting(List.of("bc"), 1, 0, 1, 4, 1.0)),
                "term \"bc\"", "[pde]");
        PinnLoss causal = loss.withCausalWeighting(weighting());
        double[] theta = NETWORK.initialParameters(1);
        assertThrows(IllegalStateException.class, () -> causal.residuals(theta, new double[5], null));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
    }

    /** Refinement indicators (RAD, knot insertion) read the plain residuals of a causally weighted loss. */
    @Test
    void refinementReadsThePlainResiduals() {
        double[][] x = SpaceTimePoints.of(40, 2);
        PinnLoss plain = new PinnLoss(NETWORK, new JvmBackend(7), List.of(ResidualTerm.of("pde", x, READS, PDE)),
                NAMES);
        PinnLoss causal = plain.withCausalWeighting(weighting());
        double[] theta = NETWORK.initialParameters(5);
        assertThrows(IllegalStateException.class, () -> causal.residuals(theta, new double[x.length], null));
        double[] expected = new double[x.length];
        plain.residuals(theta, expected, null);
        double[] actual = new double[x.length];
        causal.residualProbe().residuals(theta, actual, null);
        assertArrayEquals(expected, actual, 0.0);
        assertSame(plain, plain.residualProbe());
        assertEquals(LocalRefinement.dorfler(0.5).refine(NETWORK, theta, plain).map(r -> r.network().parameterCount()),
                LocalRefinement.dorfler(0.5).refine(NETWORK, theta, causal).map(r -> r.network().parameterCount()));
    }
}
