package org.pikan4j.core.train;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pikan4j.core.optim.OptimizerState;
import org.pikan4j.core.util.Arguments;

/**
 * Holds an optimizer's state between trainings ({@link Training#withStateRelay}): a training leaves its last stage's
 * state here when it stops, and the next one starts its first stage from it. This is how a dense BFGS inverse
 * Hessian, mapped by {@code ParameterTransfer.transferCurvature}, survives a grid refinement, and how trainings
 * split into rounds take the steps of one run. Mutable, one per chain of trainings; not thread-safe.
 */
public final class OptimizerStateRelay {

    private OptimizerState state;

    /** @return the state held, empty before the first training stopped or after {@link #clear()} */
    public Optional<OptimizerState> state() {
        return Optional.ofNullable(state);
    }

    /**
     * Replaces the state held.
     *
     * @param next the state for the next training, not null
     */
    public void hold(OptimizerState next) {
        state = Arguments.notNull("next", next);
    }

    /**
     * Replaces the state held by a function of it, e.g. its map across a refinement; nothing happens when the relay
     * holds none.
     *
     * @param map the function, not null; it must not return null
     */
    public void map(UnaryOperator<OptimizerState> map) {
        Arguments.notNull("map", map);
        if (state != null) {
            hold(map.apply(state));
        }
    }

    /** Drops the state held, so the next training starts afresh. */
    public void clear() {
        state = null;
    }

    @Override
    public String toString() {
        return "OptimizerStateRelay[" + (state == null ? "empty" : state.getClass().getSimpleName()) + "]";
    }
}
