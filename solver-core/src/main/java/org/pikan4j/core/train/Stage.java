package org.pikan4j.core.train;

import org.pikan4j.core.optim.AdamRun;
import org.pikan4j.core.optim.LevenbergMarquardt;
import org.pikan4j.core.optim.Optimizer;
import org.pikan4j.core.optim.OptimizerRun;

/**
 * One stage of a training chain: an optimizer with its step budget. A gradient optimizer
 * ({@link org.pikan4j.core.optim.Adam}, {@link org.pikan4j.core.optim.Lbfgs}) minimizes the scalar
 * loss; a {@link LevenbergMarquardt} stage minimizes the same loss as a sum of squared residuals
 * with their Jacobian, step by step, so listeners see every step. Immutable.
 *
 * <p>The Levenberg-Marquardt stage builds the full residual Jacobian (points &times; parameters)
 * and solves a parameters &times; parameters system each step: meant for small models.
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
        return new OptimizerStage(Checks.notNull("optimizer", optimizer));
    }

    /**
     * A stage running damped Gauss-Newton (Levenberg-Marquardt) steps on the loss's residual vector.
     *
     * @param method the configuration; its {@code steps()} is the stage budget and its initial
     *               damping starts the run
     * @return the stage
     */
    public static Stage of(LevenbergMarquardt method) {
        return new GaussNewtonStage(Checks.notNull("method", method));
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

    /** A gradient optimizer stage. */
    private static final class OptimizerStage extends Stage {

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
            return optimizer.start(loss, theta);
        }

        @Override
        double learningRate(OptimizerRun run) {
            if (run instanceof AdamRun adam && adam.iterations() > 0) {
                return adam.config().schedule().rate(adam.iterations() - 1, adam.config().learningRate());
            }
            return Double.NaN;
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
        public String toString() {
            return method.toString();
        }
    }
}
