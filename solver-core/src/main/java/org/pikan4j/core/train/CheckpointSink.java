package org.pikan4j.core.train;

/**
 * Receives the training states a run hands out for checkpoints ({@link Training#withCheckpoints}), e.g. to write
 * them to a file with {@code org.pikan4j.core.io.CheckpointFile}. Called on the training thread between steps; an
 * exception ends training and propagates to the caller, so a sink that should not stop training on a full disk
 * must catch and report the failure itself.
 */
@FunctionalInterface
public interface CheckpointSink {

    /**
     * Takes a state.
     *
     * @param state a confirmed-good state of the run
     */
    void write(TrainingState state);
}
