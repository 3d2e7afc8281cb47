package org.pikan4j.core.train;

import org.pikan4j.core.util.Arguments;

/**
 * What training does when the loss diverges: a NaN or infinite loss or term, or a loss above
 * {@code blowUpFactor} times the lowest loss seen in the run. The run rolls back to its last good state, takes
 * smaller steps from there (Adam's learning rate times {@code stepFactor}, Levenberg-Marquardt's damping divided
 * by it, L-BFGS's correction pairs dropped) and goes on; after {@code retries} roll-backs the next divergence
 * stops it with {@link StopReason#DIVERGED} and a {@link Divergence} diagnosis. Immutable.
 *
 * <p>Defaults ({@link #standard()}): blow-up factor 1000, 4 retries, step factor 0.25 (so Adam's rate may fall
 * to 1/256 of the configured one).
 */
public final class DivergenceGuard {

    private final double blowUpFactor;
    private final int retries;
    private final double stepFactor;

    private DivergenceGuard(double blowUpFactor, int retries, double stepFactor) {
        this.blowUpFactor = blowUpFactor;
        this.retries = retries;
        this.stepFactor = stepFactor;
    }

    /**
     * The default guard: blow-up factor 1000, 4 retries, step factor 0.25.
     *
     * @return the guard
     */
    public static DivergenceGuard standard() {
        return new DivergenceGuard(1000.0, 4, 0.25);
    }

    /**
     * Returns a copy that counts a loss above {@code factor} times the best loss of the run as a blow-up.
     *
     * @param factor &gt; 1 and finite
     * @return the new guard
     */
    public DivergenceGuard withBlowUpFactor(double factor) {
        if (!(factor > 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("blowUpFactor (loss / best loss counted as divergence) must be finite"
                    + " and > 1, got " + factor);
        }
        return new DivergenceGuard(factor, retries, stepFactor);
    }

    /**
     * Returns a copy with another roll-back budget.
     *
     * @param n the roll-backs allowed in one run, &gt;= 0 (0: stop at the first divergence)
     * @return the new guard
     */
    public DivergenceGuard withRetries(int n) {
        Arguments.atLeast("retries", n, 0);
        return new DivergenceGuard(blowUpFactor, n, stepFactor);
    }

    /**
     * Returns a copy that shrinks steps by another factor on every roll-back.
     *
     * @param factor in (0, 1)
     * @return the new guard
     */
    public DivergenceGuard withStepFactor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("stepFactor (step size multiplier per roll-back) must be in (0, 1), got "
                    + factor);
        }
        return new DivergenceGuard(blowUpFactor, retries, factor);
    }

    /** @return the loss / best-loss ratio counted as a blow-up */
    public double blowUpFactor() {
        return blowUpFactor;
    }

    /** @return the roll-backs allowed in one run */
    public int retries() {
        return retries;
    }

    /** @return the step size multiplier per roll-back */
    public double stepFactor() {
        return stepFactor;
    }

    /**
     * Whether a finite loss counts as a blow-up against the best finite loss.
     *
     * @param loss the loss just seen
     * @param best the lowest loss to compare with, NaN when none was seen (nothing is a blow-up then)
     * @return true when {@code loss} is above the blow-up factor times {@code best}
     */
    public boolean blownUp(double loss, double best) {
        return Double.isFinite(best) && loss > blowUpFactor * best;
    }

    @Override
    public String toString() {
        return "DivergenceGuard[blowUpFactor=" + blowUpFactor + ", retries=" + retries + ", stepFactor=" + stepFactor
                + "]";
    }
}
