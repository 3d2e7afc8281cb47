package org.pikan4j.core.refine;

import org.pikan4j.core.nn.Network;

/**
 * The error of a network against a known solution, e.g. its relative L2 error on a coarse grid: lets
 * {@link RefinedTraining} record the error, not only the loss, right before and after every refinement.
 */
@FunctionalInterface
public interface ErrorProbe {

    /**
     * @param network the network
     * @param theta   its parameters (the loss's vector: the network's, then any extra ones); not to be modified
     * @return the error, e.g. a relative L2 norm
     */
    double error(Network network, double[] theta);
}
