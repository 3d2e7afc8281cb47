package org.pikan4j.core.refine;

import java.util.Arrays;
import org.pikan4j.core.optim.AdamRun;
import org.pikan4j.core.optim.BfgsState;
import org.pikan4j.core.optim.LbfgsState;
import org.pikan4j.core.optim.OptimizerState;

/**
 * The linear map {@code θ' = A θ} from a network's parameter vector to the refined network's, as a sparse
 * matrix: coefficient blocks of refined layers are mapped by the per-input spline maps, every other parameter
 * (base and spline scales, other layers, trailing PDE coefficients) is copied. Immutable.
 *
 * <p>The same map carries optimizer state across a refinement, so that training resumes without a loss spike:
 * <ul>
 *   <li>Adam's first moment maps like θ: {@code m' = A m}. It is a (decayed) average of gradients, i.e. a
 *       direction in parameter space, and {@code A} maps coarse directions to the fine directions that move the
 *       network function the same way.</li>
 *   <li>Adam's second moment maps as the square of the mapped root-mean-square gradient:
 *       {@code v' = (|A| sqrt(v))²}. For the rows of a knot insertion (non-negative weights that sum to 1) the new
 *       parameter's normalized step {@code m'/sqrt(v')} is then the same weighted average of its coarse
 *       neighbours' steps whenever those are alike, so the first fine step moves the function like the coarse
 *       step would; mapping {@code v} linearly ({@code A v}) would give steps smaller by Jensen's inequality,
 *       and zero moments would make the first step {@code lr·sign(g)} on every new coefficient.
 *       Taking {@code |A|} keeps {@code v'} non-negative for least-squares rows with negative weights.</li>
 *   <li>The iteration count stays, so Adam's bias corrections stay consistent with the moments.</li>
 *   <li>A dense BFGS inverse Hessian maps as {@code A H A'} plus a scaled identity on the directions {@code A}
 *       does not reach ({@link #transferCurvature}), so the first refined step is the old quasi-Newton step.</li>
 *   <li>L-BFGS curvature pairs cannot be mapped: {@code A s} is a step in the new coordinates, but the gradient
 *       change {@code y'} with {@code A' y' = y} is not unique. The refined run starts with an empty history.</li>
 * </ul>
 */
public final class ParameterTransfer {

    private final int sourceLength;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] weights;

    private ParameterTransfer(int sourceLength, int[] rowStart, int[] columns, double[] weights) {
        this.sourceLength = sourceLength;
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
    }

    /** Collects the rows of a map in order; package-private, the grid operations build maps. */
    static final class Builder {
        private final int sourceLength;
        private int[] rowStart = new int[16];
        private int rows;
        private int[] columns = new int[64];
        private double[] weights = new double[64];
        private int entries;

        Builder(int sourceLength) {
            this.sourceLength = sourceLength;
        }

        /** Appends the row {@code θ'_p = θ_source}. */
        Builder copyRow(int source) {
            return row(new int[] {source}, new double[] {1.0});
        }

        /** Appends the row {@code θ'_p = Σ_q w[q] θ_{cols[q]}}, dropping exact zeros. */
        Builder row(int[] cols, double[] w) {
            if (rows + 1 >= rowStart.length) {
                rowStart = Arrays.copyOf(rowStart, 2 * rowStart.length);
            }
            for (int q = 0; q < cols.length; q++) {
                if (w[q] == 0.0) {
                    continue;
                }
                if (cols[q] < 0 || cols[q] >= sourceLength) {
                    throw new IllegalArgumentException("source column must be in [0, " + sourceLength
                            + "), got " + cols[q]);
                }
                if (entries == columns.length) {
                    columns = Arrays.copyOf(columns, 2 * entries);
                    weights = Arrays.copyOf(weights, 2 * entries);
                }
                columns[entries] = cols[q];
                weights[entries] = w[q];
                entries++;
            }
            rows++;
            rowStart[rows] = entries;
            return this;
        }

        ParameterTransfer build() {
            return new ParameterTransfer(sourceLength, Arrays.copyOf(rowStart, rows + 1),
                    Arrays.copyOf(columns, entries), Arrays.copyOf(weights, entries));
        }
    }

    /**
     * The identity map on vectors of the given length.
     *
     * @param length the vector length, at least 0
     * @return the identity
     */
    public static ParameterTransfer identity(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        Builder b = new Builder(length);
        for (int p = 0; p < length; p++) {
            b.copyRow(p);
        }
        return b.build();
    }

    /** @return the length of the vectors this map takes (the old parameter count) */
    public int sourceLength() {
        return sourceLength;
    }

    /** @return the length of the vectors this map gives (the new parameter count) */
    public int targetLength() {
        return rowStart.length - 1;
    }

    /**
     * The weights of row p as a dense vector, for inspection and tests.
     *
     * @param p the row (new parameter index)
     * @return {@code A[p][*]}, length {@link #sourceLength()}
     */
    public double[] row(int p) {
        if (p < 0 || p >= targetLength()) {
            throw new IllegalArgumentException("row must be in [0, " + targetLength() + "), got " + p);
        }
        double[] dense = new double[sourceLength];
        for (int e = rowStart[p]; e < rowStart[p + 1]; e++) {
            dense[columns[e]] += weights[e];
        }
        return dense;
    }

    /**
     * Maps a parameter vector or a first moment: {@code A x}.
     *
     * @param x a vector of length {@link #sourceLength()}
     * @return {@code A x}, length {@link #targetLength()}
     */
    public double[] apply(double[] x) {
        checkSource("x", x);
        double[] y = new double[targetLength()];
        for (int p = 0; p < y.length; p++) {
            double sum = 0.0;
            for (int e = rowStart[p]; e < rowStart[p + 1]; e++) {
                sum += weights[e] * x[columns[e]];
            }
            y[p] = sum;
        }
        return y;
    }

    /**
     * Maps a second moment (a mean of squared gradients): {@code (|A| sqrt(v))²}, see the class comment.
     *
     * @param v a vector of length {@link #sourceLength()} with entries &gt;= 0
     * @return the mapped second moment, entries &gt;= 0
     */
    public double[] applyToSecondMoment(double[] v) {
        checkSource("v", v);
        double[] y = new double[targetLength()];
        for (int p = 0; p < y.length; p++) {
            double sum = 0.0;
            for (int e = rowStart[p]; e < rowStart[p + 1]; e++) {
                double vq = v[columns[e]];
                if (!(vq >= 0.0)) {
                    throw new IllegalArgumentException("v[" + columns[e] + "] (second moment) must be >= 0, got "
                            + vq);
                }
                sum += Math.abs(weights[e]) * Math.sqrt(vq);
            }
            y[p] = sum * sum;
        }
        return y;
    }

    /**
     * Carries Adam's state from a run on the old parameters to a run on the new ones: moments mapped as in
     * the class comment, the iteration count kept. The target run's parameters are not touched (start it from
     * {@link GridRefinement#theta()}).
     *
     * @param from the run before refinement, on {@link #sourceLength()} parameters
     * @param to   a run on the refined parameters, {@link #targetLength()} of them
     */
    public void transferAdam(AdamRun from, AdamRun to) {
        if (to.theta().length != targetLength()) {
            throw new IllegalArgumentException("target run must have " + targetLength() + " parameters, got "
                    + to.theta().length);
        }
        to.restore(from.iterations(), apply(from.firstMoment()), applyToSecondMoment(from.secondMoment()));
    }

    /**
     * Carries a quasi-Newton run's curvature to the refined parameters, see the class comment: a dense inverse
     * Hessian ({@link BfgsState}) is mapped, L-BFGS pairs are dropped (an empty {@link LbfgsState}).
     *
     * @param state the state of an L-BFGS or BFGS run on {@link #sourceLength()} parameters
     * @return the state for a run on {@link #targetLength()} parameters
     * @throws IllegalArgumentException for another kind of state or a dense state of another size
     */
    public OptimizerState transferCurvature(OptimizerState state) {
        if (state instanceof BfgsState dense) {
            return new InverseHessianTransfer(sourceLength, rowStart, columns, weights).apply(dense);
        }
        if (state instanceof LbfgsState) {
            return LbfgsState.empty();
        }
        throw new IllegalArgumentException("state must be a BfgsState or LbfgsState (quasi-Newton curvature), got "
                + (state == null ? "null" : state.getClass().getSimpleName()));
    }

    /**
     * The composition "this map, then {@code next}": {@code next.A · this.A}.
     *
     * @param next a map whose source length is this map's target length
     * @return the composed map
     */
    public ParameterTransfer then(ParameterTransfer next) {
        if (next.sourceLength != targetLength()) {
            throw new IllegalArgumentException("next map takes vectors of length " + next.sourceLength
                    + " but this map gives " + targetLength());
        }
        Builder b = new Builder(sourceLength);
        double[] accumulator = new double[sourceLength];
        boolean[] touched = new boolean[sourceLength];
        int[] list = new int[sourceLength];
        for (int p = 0; p < next.targetLength(); p++) {
            int count = 0;
            for (int e = next.rowStart[p]; e < next.rowStart[p + 1]; e++) {
                int q = next.columns[e];
                for (int f = rowStart[q]; f < rowStart[q + 1]; f++) {
                    int c = columns[f];
                    if (!touched[c]) {
                        touched[c] = true;
                        list[count++] = c;
                    }
                    accumulator[c] += next.weights[e] * weights[f];
                }
            }
            int[] cols = Arrays.copyOf(list, count);
            Arrays.sort(cols);
            double[] w = new double[count];
            for (int i = 0; i < count; i++) {
                w[i] = accumulator[cols[i]];
                accumulator[cols[i]] = 0.0;
                touched[cols[i]] = false;
            }
            b.row(cols, w);
        }
        return b.build();
    }

    private void checkSource(String name, double[] x) {
        if (x.length != sourceLength) {
            throw new IllegalArgumentException(name + " must have length " + sourceLength
                    + " (the parameter count before refinement), got " + x.length);
        }
    }

    @Override
    public String toString() {
        return "ParameterTransfer[" + sourceLength + " -> " + targetLength() + ", " + weights.length + " entries]";
    }
}
