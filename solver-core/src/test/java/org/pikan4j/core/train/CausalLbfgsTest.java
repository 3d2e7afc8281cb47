package org.pikan4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.pikan4j.core.backend.jvm.JvmBackend;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LbfgsRun;
import org.pikan4j.core.residual.CausalWeighting;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.Residual;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * L-BFGS on a causally weighted loss: with the weights recomputed at every evaluation the line search sees a
 * function whose slope is not the gradient and L-BFGS stalls within a few steps; training holds the weights
 * between renewals and runs its whole budget down to a small loss.
 */
class CausalLbfgsTest {

    private static final int STEPS = 300;
    /** u_t - 0.1 u_xx + u = 1 on [-0.9, 0.9] x [0, 1]: any residual with derivatives and a nonzero solution. */
    private static final Residual PDE = b -> b.d(b.field(0), "t").minus(b.d(b.field(0), "xx").times(0.1))
            .plus(b.field(0)).minus(1.0);

    private static PinnLoss causalLoss(Network network, long seed) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] points = new double[200][];
        for (int n = 0; n < points.length; n++) {
            points[n] = new double[] {-0.9 + 1.8 * random.nextDouble(), random.nextDouble()};
        }
        ResidualTerm pde = ResidualTerm.of("pde", points, List.of(MultiIndex.of(0, 1), MultiIndex.of(2, 0)), PDE);
        return new PinnLoss(network, new JvmBackend(7), List.of(pde), List.of("x", "t"))
                .withCausalWeighting(new CausalWeighting(List.of("pde"), 1, 0, 1, 8, 10.0));
    }

    @Test
    void heldWeightsLetLbfgsRunItsBudget() {
        Network network = Kan.widths(2, 4, 1).grid(5).noise(0.3).build();
        for (long seed = 1; seed <= 2; seed++) {
            PinnLoss loss = causalLoss(network, seed);
            double[] start = network.initialParameters(seed);
            // measured, ε = 10: live weights stall after 6 iterations at loss 1.9e-2 (seed 1); seed 2's stall (after
            // 3) the last-resort backtracking of L-BFGS gets past since session 15 (300 steps to 1.9e-8)
            LbfgsRun live = Lbfgs.steps(STEPS).start(loss::evaluate, start.clone());
            for (int i = 0; i < STEPS && !live.converged(); i++) {
                live.step();
            }
            assertTrue(seed != 1 || live.stalled() && live.iterations() < 20, "the set-up must be one where live"
                    + " weights stall, got " + live.iterations() + " iterations");
            // measured: 300 steps to 3.3e-8 and 2.5e-8; bound 1e-6
            TrainingResult held = Training.of(Lbfgs.steps(STEPS)).train(loss, start.clone());
            assertEquals(StopReason.BUDGET, held.stopReason(), "seed " + seed + ": " + held.diagnosis());
            assertEquals(STEPS, held.steps(), "seed " + seed);
            assertTrue(held.loss() < 1e-6, "seed " + seed + ": loss " + held.loss());
        }
    }
}
