package org.pikan4j.core.residual;

import org.pikan4j.core.tensor.Jet;

/**
 * A pointwise residual expression: from the network's output fields (as jets) and the
 * coordinates at a block of points, the residual whose square the loss penalizes, e.g.
 * {@code f -> f.field(0).d("xx").plus(f.field(0).d("yy")).plus(f.source(...))}.
 */
@FunctionalInterface
public interface Residual {

    /** The residual jet at the block's points; only its value enters the loss. */
    Jet evaluate(BlockContext block);
}
