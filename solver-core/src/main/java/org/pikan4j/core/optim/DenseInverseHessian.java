package org.pikan4j.core.optim;

import java.util.Arrays;

/**
 * The inverse Hessian as a dense symmetric matrix, updated by the self-scaled BFGS formula (Al-Baali's scaling, as
 * Urbán et al. use for PINNs): before each update H is multiplied by max(1, b), b = s'H<sup>-1</sup>s / s'y, so
 * that a model which underestimates the step (b &gt; 1) catches up at once, then
 * <pre>
 *   H' = H - rho (H y s' + s y'H) + rho (1 + rho y'H y) s s',   rho = 1 / s'y.
 * </pre>
 * The first step sets H = (s'y / y'y) I before its update. Only the upper triangle is stored (row by row), so one
 * product or update reads n(n + 1) / 2 numbers: the whole model costs 4 n<sup>2</sup> bytes, 35 MB for 3,000
 * parameters, and each step about three passes over it. Unlike a limited history, it keeps all the curvature it
 * has seen, which on PINN losses reaches far smaller losses per step.
 */
final class DenseInverseHessian implements InverseHessianModel {

    private final int n;
    private final double[] upper;
    private final double[] hy;
    private boolean empty = true;

    DenseInverseHessian(int dimension) {
        this.n = dimension;
        this.upper = new double[Math.toIntExact(BfgsState.upperTriangleLength(dimension))];
        this.hy = new double[dimension];
    }

    @Override
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public void clear() {
        empty = true;
    }

    @Override
    public void multiply(double[] g, double[] out) {
        Arrays.fill(out, 0);
        int k = 0;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double sum = upper[k++] * gi;
            for (int j = i + 1; j < n; j++, k++) {
                double h = upper[k];
                sum += h * g[j];
                out[j] += h * gi;
            }
            out[i] += sum;
        }
    }

    @Override
    public void update(double[] s, double[] y, double[] gradient, double stepLength) {
        double sy = Vectors.dot(s, y);
        if (!(sy > 0) || !Double.isFinite(sy) || !(Vectors.dot(y, y) > 0)) {
            return;
        }
        double rho = 1 / sy;
        double scale = 1;
        if (empty) {
            setDiagonal(sy / Vectors.dot(y, y));
            empty = false;
        } else {
            scale = Math.max(1, -stepLength * rho * Vectors.dot(s, gradient));
        }
        multiply(y, hy);
        double c = rho * (1 + rho * scale * Vectors.dot(y, hy));
        double r = rho * scale;
        int k = 0;
        for (int i = 0; i < n; i++) {
            double si = s[i];
            double hyi = hy[i];
            for (int j = i; j < n; j++, k++) {
                upper[k] = scale * upper[k] - r * (hyi * s[j] + si * hy[j]) + c * si * s[j];
            }
        }
    }

    private void setDiagonal(double gamma) {
        Arrays.fill(upper, 0);
        int k = 0;
        for (int i = 0; i < n; i++) {
            upper[k] = gamma;
            k += n - i;
        }
    }

    @Override
    public BfgsState state() {
        return empty ? BfgsState.empty() : new BfgsState(upper);
    }

    @Override
    public void restore(OptimizerState state) {
        if (!(state instanceof BfgsState dense)) {
            throw new IllegalArgumentException("state must be a BfgsState for a run with a dense inverse Hessian, got "
                    + (state == null ? "null" : state.getClass().getSimpleName()));
        }
        if (dense.isEmpty()) {
            clear();
            return;
        }
        double[] packed = dense.upperTriangle();
        if (packed.length != upper.length) {
            throw new IllegalArgumentException("state's upper triangle must hold " + upper.length + " numbers for "
                    + n + " parameters, got " + packed.length);
        }
        System.arraycopy(packed, 0, upper, 0, upper.length);
        empty = false;
    }
}
