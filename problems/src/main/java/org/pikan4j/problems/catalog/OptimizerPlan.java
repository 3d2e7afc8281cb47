package org.pikan4j.problems.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.train.Stage;
import org.pikan4j.core.train.Training;

/**
 * The optimizer chain a PINN is trained with: Adam for {@code adamSteps} at {@code learningRate},
 * then L-BFGS for {@code lbfgsSteps} with {@code lbfgsHistory} correction pairs (or, {@code denseInverse}, full
 * BFGS with a dense self-scaled inverse Hessian: {@link Lbfgs#withDenseInverse()}), then
 * Levenberg-Marquardt for {@code lmSteps} (small models: it solves a parameters x parameters
 * system per step). Any stage may be skipped with 0 steps, not all. Immutable.
 *
 * @param adamSteps    Adam steps, {@code >= 0}
 * @param learningRate Adam's learning rate, finite and {@code > 0}
 * @param lbfgsSteps   L-BFGS steps, {@code >= 0}
 * @param lbfgsHistory L-BFGS history size, {@code >= 1}; with a dense inverse it has no pairs and reads 0
 * @param lmSteps      Levenberg-Marquardt steps, {@code >= 0}
 * @param denseInverse whether the L-BFGS stage keeps a dense inverse Hessian instead of the pairs
 */
public record OptimizerPlan(int adamSteps, double learningRate, int lbfgsSteps, int lbfgsHistory, int lmSteps,
                            boolean denseInverse) {

    /** Checks the values. */
    public OptimizerPlan {
        if (adamSteps < 0 || lbfgsSteps < 0 || lmSteps < 0 || adamSteps + lbfgsSteps + lmSteps == 0) {
            throw new IllegalArgumentException("adam, lbfgs and lm steps must be >= 0 and not all 0, got adam = "
                    + adamSteps + ", lbfgs = " + lbfgsSteps + ", lm = " + lmSteps);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (denseInverse) {
            lbfgsHistory = 0;
        } else if (lbfgsHistory < 1) {
            throw new IllegalArgumentException("lbfgs history must be >= 1, got " + lbfgsHistory);
        }
    }

    /** A plan whose L-BFGS stage keeps the newest {@code lbfgsHistory} pairs (the usual limited memory). */
    public OptimizerPlan(int adamSteps, double learningRate, int lbfgsSteps, int lbfgsHistory, int lmSteps) {
        this(adamSteps, learningRate, lbfgsSteps, lbfgsHistory, lmSteps, false);
    }

    /** The same plan with another number of Adam steps. */
    public OptimizerPlan withAdamSteps(int n) {
        return new OptimizerPlan(n, learningRate, lbfgsSteps, lbfgsHistory, lmSteps, denseInverse);
    }

    /** The same plan with another Adam learning rate. */
    public OptimizerPlan withLearningRate(double rate) {
        return new OptimizerPlan(adamSteps, rate, lbfgsSteps, lbfgsHistory, lmSteps, denseInverse);
    }

    /** The same plan with another number of L-BFGS steps. */
    public OptimizerPlan withLbfgsSteps(int n) {
        return new OptimizerPlan(adamSteps, learningRate, n, lbfgsHistory, lmSteps, denseInverse);
    }

    /** The same plan with another number of Levenberg-Marquardt steps. */
    public OptimizerPlan withLmSteps(int n) {
        return new OptimizerPlan(adamSteps, learningRate, lbfgsSteps, lbfgsHistory, n, denseInverse);
    }

    /** The same plan with the L-BFGS stage keeping a dense inverse Hessian (full BFGS) instead of pairs. */
    public OptimizerPlan withDenseInverse() {
        return new OptimizerPlan(adamSteps, learningRate, lbfgsSteps, 0, lmSteps, true);
    }

    /** The same plan with the L-BFGS stage keeping the newest {@code pairs} correction pairs. */
    public OptimizerPlan withLbfgsHistory(int pairs) {
        return new OptimizerPlan(adamSteps, learningRate, lbfgsSteps, pairs, lmSteps, false);
    }

    /** The training chain, without listeners. */
    public Training training() {
        List<Stage> chain = new ArrayList<>();
        if (adamSteps > 0) {
            chain.add(Stage.of(Adam.steps(adamSteps).withLearningRate(learningRate)));
        }
        if (lbfgsSteps > 0) {
            Lbfgs lbfgs = Lbfgs.steps(lbfgsSteps);
            chain.add(Stage.of(denseInverse ? lbfgs.withDenseInverse() : lbfgs.withHistorySize(lbfgsHistory)));
        }
        if (lmSteps > 0) {
            chain.add(Stage.of(LevenbergMarquardt.steps(lmSteps)));
        }
        return Training.of(chain.toArray(new Stage[0]));
    }

    /** E.g. {@code adam 1000 (lr 0.01) -> lbfgs 3000 (history 30)}, or {@code ... -> bfgs 3000 (dense)}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (adamSteps > 0) {
            parts.add(String.format(Locale.ROOT, "adam %d (lr %g)", adamSteps, learningRate));
        }
        if (lbfgsSteps > 0) {
            parts.add(denseInverse ? "bfgs " + lbfgsSteps + " (dense)"
                    : String.format(Locale.ROOT, "lbfgs %d (history %d)", lbfgsSteps, lbfgsHistory));
        }
        if (lmSteps > 0) {
            parts.add("lm " + lmSteps);
        }
        return String.join(" -> ", parts);
    }
}
