package org.pikan4j.core.train;

/**
 * Thrown by {@link TrainingResult#requireFinite()} for a run that stopped on a NaN or infinite
 * loss, for callers that prefer an exception to inspecting the result.
 */
public final class NonFiniteLossException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient TrainingResult result;

    NonFiniteLossException(TrainingResult result) {
        super(result.diagnosis());
        this.result = result;
    }

    /**
     * Returns the result, whose parameters are the restored finite ones.
     *
     * @return the result
     */
    public TrainingResult result() {
        return result;
    }
}
