package org.pikan4j.core.train;

import java.util.Locale;
import org.pikan4j.core.optim.Adam;
import org.pikan4j.core.optim.AdamRun;
import org.pikan4j.core.optim.AdamState;
import org.pikan4j.core.optim.BfgsState;
import org.pikan4j.core.optim.DampedGaussNewtonRun;
import org.pikan4j.core.optim.DampingState;
import org.pikan4j.core.optim.Lbfgs;
import org.pikan4j.core.optim.LbfgsRun;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.optim.Optimizer;
import org.pikan4j.core.optim.OptimizerRun;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.util.Arguments;

/**
 * One stage of a training chain: an optimizer with its step budget. A gradient optimizer
 * ({@link org.pikan4j.core.optim.Adam}, {@link org.pikan4j.core.optim.Lbfgs}) minimizes the scalar
 * loss; a {@link LevenbergMarquardt} stage minimizes the same loss as a sum of squared residuals
 * with their Jacobian, step by step, so listeners see every step. Immutable.
 *
 * <p>The Levenberg-Marquardt stage builds the full residual Jacobian (points &times; parameters)
 * and solves a parameters &times; parameters system each step: meant for small models.
 *
 * <p>Adam, L-BFGS and Levenberg-Marquardt stages can hand out their run's state and start a run from one
 * (checkpoints, divergence roll-backs); a stage of another {@link Optimizer} implementation cannot.
 */
public abstract class Stage {

    Stage() {
    }

    /**
     * A stage running a gradient optimizer on the loss.
     *
     * @param optimizer the optimizer with its step budget, not null
     * @return the stage
     */
    public static Stage of(Optimizer optimizer) {
        return new OptimizerStage(Arguments.notNull("optimizer", optimizer));
    }

    /**
     * A stage running damped Gauss-Newton (Levenberg-Marquardt) steps on the loss's residual vector.
     *
     * @param method the configuration; its {@code steps()} is the stage budget and its initial
     *               damping starts the run
     * @return the stage
     */
    public static Stage of(LevenbergMarquardt method) {
        return new GaussNewtonStage(Arguments.notNull("method", method));
    }

    /**
     * Returns the optimizer's short name, shown in histories and progress lines.
     *
     * @return e.g. {@code "adam"}, {@code "lbfgs"}, {@code "lm"}
     */
    public abstract String name();

    /**
     * Returns the step budget.
     *
     * @return the most steps the stage takes, at least 1
     */
    public abstract int steps();

    /** Starts a run on {@code theta} (updated in place); may evaluate the loss once. */
    abstract OptimizerRun start(WatchedLoss loss, double[] theta);

    /** The learning rate of the step the run just took, NaN where the method has none. */
    abstract double learningRate(OptimizerRun run);

    /** Whether a step reports the loss of the parameters before its update (Adam) rather than after. */
    boolean evaluatesBeforeUpdate() {
        return false;
    }

    /**
     * Steps between the roll-back marks the trainer takes of this stage under a divergence guard or checkpoints
     * (and at every checkpoint): 1, except for full BFGS, whose state is n(n + 1) / 2 numbers, a copy of which cost
     * a fifth of a step at 2,400 and 3,250 parameters. A roll-back then replays up to that many steps, and as it
     * drops the quasi-Newton model ({@link #slower}) the copies bought nothing else.
     */
    int markEvery() {
        return 1;
    }

    /** Whether {@link #capture} and {@link #resume} work for this stage. */
    boolean hasState() {
        return true;
    }

    /** The state of a run this stage started. */
    abstract OptimizerState capture(OptimizerRun run);

    /**
     * Starts a run on {@code theta} (updated in place) that continues from {@code state}; may evaluate the loss
     * (L-BFGS and Levenberg-Marquardt do, at {@code theta}), which gives the bits the original run held.
     */
    abstract OptimizerRun resume(WatchedLoss loss, double[] theta, OptimizerState state);

    /** The state with smaller steps: Adam's rate times {@code factor}, L-BFGS without pairs, more damping. */
    abstract OptimizerState slower(OptimizerState state, double factor);

    /** The step size a state uses, for messages, e.g. "learning rate 0.01". */
    abstract String stepSize(OptimizerState state);

    /** Casts a state, naming the stage when it is of another method (a checkpoint of another chain). */
    final <T extends OptimizerState> T expect(Class<T> kind, OptimizerState state) {
        if (!kind.isInstance(state)) {
            throw new IllegalArgumentException("stage " + name() + " needs a " + kind.getSimpleName() + ", got "
                    + (state == null ? "none" : state.getClass().getSimpleName()));
        }
        return kind.cast(state);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** A gradient optimizer stage. */
    private static final class OptimizerStage extends Stage {

        /** Steps between full BFGS's marks: copying its matrix costs about 1% of the steps then. */
        private static final int DENSE_MARK_EVERY = 20;

        private final Optimizer optimizer;

        OptimizerStage(Optimizer optimizer) {
            this.optimizer = optimizer;
        }

        @Override
        public String name() {
            return optimizer.name();
        }

        @Override
        public int steps() {
            return optimizer.steps();
        }

        @Override
        OptimizerRun start(WatchedLoss loss, double[] theta) {
            return optimizer instanceof Lbfgs lbfgs ? startLbfgs(lbfgs, loss, theta) : optimizer.start(loss, theta);
        }

        /** L-BFGS on the loss, with its causal weights held between renewals when it has them. */
        private static LbfgsRun startLbfgs(Lbfgs lbfgs, WatchedLoss loss, double[] theta) {
            return loss.causallyWeighted() ? HeldCausalWeights.start(lbfgs, loss, theta) : lbfgs.start(loss, theta);
        }

        @Override
        int markEvery() {
            return optimizer instanceof Lbfgs lbfgs && lbfgs.denseInverse() ? DENSE_MARK_EVERY : 1;
        }

        @Override
        double learningRate(OptimizerRun run) {
            if (run instanceof AdamRun adam && adam.iterations() > 0) {
                return adam.config().schedule().rate(adam.iterations() - 1, adam.config().learningRate());
            }
            return Double.NaN;
        }

        @Override
        boolean evaluatesBeforeUpdate() {
            return optimizer instanceof Adam;
        }

        @Override
        boolean hasState() {
            return optimizer instanceof Adam || optimizer instanceof Lbfgs;
        }

        @Override
        OptimizerState capture(OptimizerRun run) {
            if (run instanceof AdamRun adam) {
                return adam.state();
            }
            if (run instanceof LbfgsRun lbfgs) {
                return lbfgs.state();
            }
            throw unsupported();
        }

        @Override
        OptimizerRun resume(WatchedLoss loss, double[] theta, OptimizerState state) {
            if (optimizer instanceof Adam adam) {
                AdamState a = expect(AdamState.class, state);
                AdamRun run = adam.withLearningRate(a.learningRate()).start(loss, theta);
                run.restore(a);
                return run;
            }
            if (optimizer instanceof Lbfgs lbfgs) {
                LbfgsRun run = startLbfgs(lbfgs, loss, theta);
                Class<? extends OptimizerState> kind = lbfgs.denseInverse() ? BfgsState.class : LbfgsState.class;
                run.restore(expect(kind, state));
                return run;
            }
            throw unsupported();
        }

        @Override
        OptimizerState slower(OptimizerState state, double factor) {
            if (state instanceof AdamState a) {
                return a.withLearningRateTimes(factor);
            }
            if (state instanceof LbfgsState) {
                return LbfgsState.empty();
            }
            if (state instanceof BfgsState) {
                return BfgsState.empty();
            }
            throw unsupported();
        }

        @Override
        String stepSize(OptimizerState state) {
            if (state instanceof AdamState a) {
                return "learning rate " + number(a.learningRate());
            }
            if (state instanceof LbfgsState l) {
                return l.pairs() + " L-BFGS pairs";
            }
            if (state instanceof BfgsState b) {
                return b.isEmpty() ? "no BFGS curvature" : "a dense BFGS inverse Hessian";
            }
            return "no step size";
        }

        private UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("stage " + name() + " (" + optimizer.getClass().getName()
                    + ") has no state to checkpoint or roll back; Adam, L-BFGS and Levenberg-Marquardt stages do");
        }

        @Override
        public String toString() {
            return optimizer.toString();
        }
    }

    /** A Levenberg-Marquardt stage on the residual vector. */
    private static final class GaussNewtonStage extends Stage {

        private final LevenbergMarquardt method;

        GaussNewtonStage(LevenbergMarquardt method) {
            this.method = method;
        }

        @Override
        public String name() {
            return method.name();
        }

        @Override
        public int steps() {
            return method.steps();
        }

        @Override
        OptimizerRun start(WatchedLoss loss, double[] theta) {
            return method.start(loss, theta);
        }

        @Override
        double learningRate(OptimizerRun run) {
            return Double.NaN;
        }

        @Override
        OptimizerState capture(OptimizerRun run) {
            return ((DampedGaussNewtonRun) run).state();
        }

        @Override
        OptimizerRun resume(WatchedLoss loss, double[] theta, OptimizerState state) {
            DampingState d = expect(DampingState.class, state);
            DampedGaussNewtonRun run = method.start(loss, theta);
            run.setDamping(d.damping());
            return run;
        }

        @Override
        OptimizerState slower(OptimizerState state, double factor) {
            return expect(DampingState.class, state).withDampingOver(factor);
        }

        @Override
        String stepSize(OptimizerState state) {
            return "damping " + number(expect(DampingState.class, state).damping());
        }

        @Override
        public String toString() {
            return method.toString();
        }
    }
}
