package org.pikan4j.core.optim;

/**
 * A residual vector r(&theta;) with its Jacobian, for Gauss-Newton / Levenberg-Marquardt methods.
 *
 * <p><b>Loss convention:</b> the loss minimized is the plain sum of squares
 * L(&theta;) = &Sigma;<sub>i</sub> r<sub>i</sub>(&theta;)<sup>2</sup> (no factor 1/2, no mean).
 * Its gradient is therefore 2 J<sup>T</sup>r. Weights, if any, must be folded into the residuals.
 */
public interface LeastSquaresObjective {

    /**
     * Returns the number of residuals.
     *
     * @return the length of r(&theta;), at least 1
     */
    int residualCount();

    /**
     * Returns the number of parameters.
     *
     * @return the length of &theta;, at least 1
     */
    int parameterCount();

    /**
     * Evaluates the residuals and their Jacobian.
     *
     * @param theta     the parameters (length {@link #parameterCount()}); must not be modified
     * @param residuals output array of length {@link #residualCount()}; receives r(&theta;)
     * @param jacobian  output matrix {@code [residualCount][parameterCount]}; receives
     *                  &part;r<sub>i</sub>/&part;&theta;<sub>j</sub> in {@code jacobian[i][j]}
     */
    void evaluate(double[] theta, double[] residuals, double[][] jacobian);
}
