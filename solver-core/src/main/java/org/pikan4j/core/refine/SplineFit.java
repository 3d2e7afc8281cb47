package org.pikan4j.core.refine;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.pikan4j.core.spline.KnotVector;

/**
 * Weighted least-squares transfer of splines from one knot vector to another: the matrix {@code A} with
 * {@code c' = A c} minimizing {@code Σ_n w_n (s'(x_n) - s(x_n))² + ridge·scale·|c'|²} for every coefficient
 * vector c at once, solved by Householder QR (no normal equations, so the conditioning is not squared).
 * The tiny ridge only matters when some new basis function sees (almost) no points.
 */
final class SplineFit {

    private SplineFit() {
    }

    /**
     * @param from   the old knot vector
     * @param to     the new knot vector
     * @param points fit points and weights
     * @param ridge  relative Tikhonov weight, &gt;= 0 (0: plain least squares, needs full column rank)
     * @return A, {@code [to.basisCount()][from.basisCount()]}
     */
    static double[][] matrix(KnotVector from, KnotVector to, QuadraturePoints points, double ridge) {
        double[] x = points.nodes();
        double[] w = points.weights();
        int newCount = to.basisCount();
        int oldCount = from.basisCount();
        int rows = x.length + (ridge > 0 ? newCount : 0);
        double[][] design = new double[rows][newCount];
        double[][] target = new double[rows][oldCount];
        double[][] newBasis = to.evaluateDense(x, 0)[0];
        double[][] oldBasis = from.evaluateDense(x, 0)[0];
        double trace = 0.0;
        for (int n = 0; n < x.length; n++) {
            double s = Math.sqrt(w[n]);
            for (int i = 0; i < newCount; i++) {
                design[n][i] = s * newBasis[n][i];
                trace += design[n][i] * design[n][i];
            }
            for (int j = 0; j < oldCount; j++) {
                target[n][j] = s * oldBasis[n][j];
            }
        }
        if (ridge > 0) {
            double diagonal = Math.sqrt(ridge * trace / newCount);
            for (int i = 0; i < newCount; i++) {
                design[x.length + i][i] = diagonal;
            }
        }
        if (rows < newCount) {
            throw new IllegalArgumentException("a least-squares fit of " + newCount + " coefficients needs at least"
                    + " as many points, got " + x.length);
        }
        RealMatrix solution = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                .solve(new Array2DRowRealMatrix(target, false));
        return solution.getData();
    }
}
