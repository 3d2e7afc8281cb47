package org.pikan4j.core.optim;

/**
 * The state of an optimizer run as an immutable value: what a checkpoint must hold, besides the parameters, for
 * a restarted run to take exactly the steps the original one would have taken. One kind per method.
 */
public sealed interface OptimizerState permits AdamState, LbfgsState, BfgsState, DampingState {
}
