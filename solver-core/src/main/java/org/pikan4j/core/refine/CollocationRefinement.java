package org.pikan4j.core.refine;

import org.pikan4j.core.util.Arguments;

/**
 * Refinement of the collocation points from residuals at a pool of candidate points (Wu et al. 2023,
 * "A comprehensive study of non-adaptive and residual-based adaptive sampling for PINNs"). Implementations are
 * immutable values.
 */
public interface CollocationRefinement {

    /**
     * Residual-based adaptive refinement (RAR): keep the current points and add the {@code count} pool points
     * with the largest {@code |r|} (ties: lower pool index first). The pool should not contain the current
     * points, or a point may appear twice.
     *
     * @param count the number k of points to add, at least 0
     * @return the refinement
     */
    static CollocationRefinement rar(int count) {
        return new ResidualAdaptiveRefinement(count);
    }

    /**
     * Residual-based adaptive distribution (RAD): replace the points by {@code count} distinct pool points drawn
     * with probability proportional to {@code |r|^exponent / mean(|r|^exponent) + offset}, reproducibly from the
     * seed.
     *
     * @param count    the number N of points to draw, at least 1 (and at most the pool size when applied)
     * @param exponent k &gt;= 0 (0: uniform; larger: more concentrated where |r| is large)
     * @param offset   c &gt;= 0 (keeps a share of the points spread out; 0: none)
     * @param seed     the seed of the random stream
     * @return the refinement
     */
    static CollocationRefinement rad(int count, double exponent, double offset, long seed) {
        return new ResidualAdaptiveDistribution(count, exponent, offset, seed);
    }

    /**
     * Refines a point set.
     *
     * @param current       the current points (RAR keeps them; RAD replaces them), all of the pool's dimension
     * @param pool          the candidate points, at least one
     * @param poolResiduals the residual at every pool point, finite
     * @return the new points and a record of the change
     * @throws IllegalArgumentException if an argument is invalid
     */
    CollocationChange refine(double[][] current, double[][] pool, double[] poolResiduals);

    /** Checks the arguments every refinement shares and returns the point dimension. */
    static int checkArguments(double[][] current, double[][] pool, double[] poolResiduals) {
        Arguments.notNull("pool", pool);
        if (pool.length == 0) {
            throw new IllegalArgumentException("pool must hold at least one candidate point, got none");
        }
        Arguments.notNull("pool[0]", pool[0]);
        int dimension = pool[0].length;
        Checks.points("pool", pool, dimension);
        Arguments.notNull("current", current);
        if (current.length > 0) {
            Checks.points("current", current, dimension);
        }
        Checks.residuals("poolResiduals", poolResiduals, pool.length, "pool");
        return dimension;
    }
}
