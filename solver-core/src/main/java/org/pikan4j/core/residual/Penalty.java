package org.pikan4j.core.residual;

/**
 * A term added to a {@link PinnLoss} that is not a mean of squared residuals, e.g. the sparsity
 * or smoothness regularization of a KAN: a scalar function of the parameters with its exact
 * gradient. Gradient optimizers (Adam, L-BFGS) see it; the residual vector of Levenberg-Marquardt
 * cannot hold it.
 */
public interface Penalty {

    /** The name shown in histories beside the residual terms, e.g. {@code "sparsity"}. */
    String name();

    /**
     * The penalty at θ, adding its gradient into {@code gradient}.
     *
     * @param theta    the loss's parameters (the network's, then any extra ones); not modified
     * @param gradient the loss's gradient so far, same length; this penalty's gradient is added
     * @return the penalty's value
     */
    double evaluate(double[] theta, double[] gradient);
}
