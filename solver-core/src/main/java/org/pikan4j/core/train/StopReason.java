package org.pikan4j.core.train;

/** Why a training run stopped. */
public enum StopReason {
    /** Every stage used its whole step budget. */
    BUDGET,
    /** The loss fell below the configured loss tolerance. */
    TOLERANCE,
    /** The last stage's optimizer converged or could make no further progress. */
    CONVERGED,
    /** The loss or a term became NaN or infinite; the parameters were restored to a finite state. */
    NON_FINITE,
    /**
     * The loss diverged (NaN, infinity or a blow-up) and a {@link DivergenceGuard} ran out of retries; the
     * parameters are those of the lowest finite loss.
     */
    DIVERGED,
    /** The wall-clock deadline passed ({@link Training#withDeadline}). */
    TIME_LIMIT,
    /** A listener asked to stop, or the training thread was interrupted. */
    INTERRUPTED
}
