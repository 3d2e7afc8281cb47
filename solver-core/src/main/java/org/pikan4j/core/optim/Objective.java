package org.pikan4j.core.optim;

/**
 * A differentiable scalar objective f(&theta;).
 */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates the objective and its gradient.
     *
     * @param theta    the parameters; must not be modified by the implementation
     * @param gradient output array of the same length as {@code theta}; receives &nabla;f(&theta;)
     * @return f(&theta;)
     */
    double evaluate(double[] theta, double[] gradient);
}
