package org.pikan4j.core.optim;

/**
 * The (s, y) correction pairs of L-BFGS in a ring buffer, and the two-loop recursion
 * (Nocedal &amp; Wright, Algorithm 7.4) computing H g with initial matrix
 * H0 = gamma I, gamma = s'y / y'y of the newest pair.
 */
final class LbfgsHistory implements InverseHessianModel {

    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int newest = -1;
    private int size;

    LbfgsHistory(int capacity, int dimension) {
        s = new double[capacity][dimension];
        y = new double[capacity][dimension];
        rho = new double[capacity];
        alpha = new double[capacity];
    }

    int capacity() {
        return s.length;
    }

    int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        size = 0;
        newest = -1;
    }

    /** Slot of the k-th pair, k = 0 being the oldest. */
    private int slot(int k) {
        return Math.floorMod(newest - size + 1 + k, s.length);
    }

    double[] s(int k) {
        return s[slot(k)];
    }

    double[] y(int k) {
        return y[slot(k)];
    }

    /**
     * Appends a pair, dropping the oldest when full. Pairs with s'y &lt;= 0 (or non-finite)
     * would break positive definiteness and are skipped.
     *
     * @return true if the pair was stored
     */
    boolean add(double[] sNew, double[] yNew) {
        double sy = Vectors.dot(sNew, yNew);
        if (!(sy > 0) || !Double.isFinite(sy) || !(Vectors.dot(yNew, yNew) > 0)) {
            return false;
        }
        newest = (newest + 1) % s.length;
        System.arraycopy(sNew, 0, s[newest], 0, sNew.length);
        System.arraycopy(yNew, 0, y[newest], 0, yNew.length);
        rho[newest] = 1 / sy;
        size = Math.min(size + 1, s.length);
        return true;
    }

    /** Stores the pair (the gradient and step length only matter to a dense model). */
    @Override
    public void update(double[] sNew, double[] yNew, double[] gradient, double stepLength) {
        add(sNew, yNew);
    }

    /** Writes H g into out (out = g when the history is empty). */
    @Override
    public void multiply(double[] g, double[] out) {
        System.arraycopy(g, 0, out, 0, g.length);
        for (int k = size - 1; k >= 0; k--) {
            int j = slot(k);
            alpha[j] = rho[j] * Vectors.dot(s[j], out);
            axpy(-alpha[j], y[j], out);
        }
        if (size > 0) {
            double gamma = Vectors.dot(s[newest], y[newest]) / Vectors.dot(y[newest], y[newest]);
            for (int i = 0; i < out.length; i++) {
                out[i] *= gamma;
            }
        }
        for (int k = 0; k < size; k++) {
            int j = slot(k);
            double beta = rho[j] * Vectors.dot(y[j], out);
            axpy(alpha[j] - beta, s[j], out);
        }
    }

    private static void axpy(double a, double[] x, double[] target) {
        for (int i = 0; i < target.length; i++) {
            target[i] += a * x[i];
        }
    }

    /** The pairs, oldest first, copied. */
    @Override
    public LbfgsState state() {
        double[][] sCopy = new double[size][];
        double[][] yCopy = new double[size][];
        for (int k = 0; k < size; k++) {
            sCopy[k] = s(k);
            yCopy[k] = y(k);
        }
        return new LbfgsState(sCopy, yCopy);
    }

    /** Replaces the pairs by a state's (pairs with s'y &lt;= 0 are skipped, only the newest capacity() kept). */
    @Override
    public void restore(OptimizerState state) {
        if (!(state instanceof LbfgsState pairs)) {
            throw new IllegalArgumentException("state must be an LbfgsState for a limited-memory run, got "
                    + (state == null ? "null" : state.getClass().getSimpleName()));
        }
        double[][] sAll = pairs.s();
        double[][] yAll = pairs.y();
        int dimension = s[0].length;
        for (int k = 0; k < sAll.length; k++) {
            if (sAll[k].length != dimension) {
                throw new IllegalArgumentException("state's pairs must have length " + dimension + ", got "
                        + sAll[k].length + " at pair " + k);
            }
        }
        clear();
        for (int k = 0; k < sAll.length; k++) {
            add(sAll[k], yAll[k]);
        }
    }
}
