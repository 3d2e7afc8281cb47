package org.pikan4j.validation.reference;

import java.util.Arrays;
import org.pikan4j.core.util.Arguments;

/**
 * A solution u(x, t) tabulated on a uniform grid of {@code nx} points in x (both ends included)
 * and {@code nt} points in t (both ends included), interpolated at arbitrary points.
 *
 * <p>Interpolation is tensor-product cubic Lagrange on four nodes per direction (one-sided near
 * a non-periodic edge, wrapped across a periodic one), or bilinear. Cubic is fourth-order
 * accurate on smooth solutions; near a front only a few grid points wide it overshoots, where
 * bilinear stays within the tabulated values. Immutable; {@link #withInterpolation} returns a
 * copy that shares the table.
 */
public final class GridSolution {

    /** How values between grid points are reconstructed. */
    public enum Interpolation {
        /** Bilinear: second order, never leaves the range of its four neighbours. */
        LINEAR,
        /** Tensor-product cubic Lagrange on 4 x 4 nodes: fourth order on smooth data. */
        CUBIC
    }

    private final double xMin;
    private final double xMax;
    private final double tMin;
    private final double tMax;
    private final boolean periodic;
    private final double[][] values;
    private final Interpolation interpolation;

    /**
     * Wraps a table {@code values[it][ix]} without copying it; callers hand over ownership.
     *
     * @param periodic whether u is periodic in x with period {@code xMax - xMin}; the first and
     *                 last columns then hold the same point
     */
    GridSolution(double xMin, double xMax, double tMin, double tMax, boolean periodic, double[][] values) {
        this(xMin, xMax, tMin, tMax, periodic, values, Interpolation.CUBIC);
    }

    private GridSolution(double xMin, double xMax, double tMin, double tMax, boolean periodic,
                         double[][] values, Interpolation interpolation) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.tMin = tMin;
        this.tMax = tMax;
        this.periodic = periodic;
        this.values = values;
        this.interpolation = interpolation;
    }

    /** A copy interpolating by {@code method}; the table is shared, not copied. */
    public GridSolution withInterpolation(Interpolation method) {
        return new GridSolution(xMin, xMax, tMin, tMax, periodic, values, method);
    }

    /** Number of grid points in x, both ends included. */
    public int nx() {
        return values[0].length;
    }

    /** Number of grid points (snapshots) in t, both ends included. */
    public int nt() {
        return values.length;
    }

    /** The {@code ix}-th grid abscissa, from {@code xMin} (0) to {@code xMax} ({@code nx - 1}). */
    public double x(int ix) {
        return xMin + (xMax - xMin) * ix / (nx() - 1);
    }

    /** The {@code it}-th snapshot time, from {@code tMin} (0) to {@code tMax} ({@code nt - 1}). */
    public double t(int it) {
        return tMin + (tMax - tMin) * it / (nt() - 1);
    }

    /** The tabulated value at grid point ({@code ix}, {@code it}). */
    public double gridValue(int ix, int it) {
        return values[it][ix];
    }

    /** A copy of the snapshot at time index {@code it}, {@code nx} values. */
    public double[] snapshot(int it) {
        return values[it].clone();
    }

    /**
     * The interpolated solution at (x, t).
     *
     * @throws IllegalArgumentException when x or t lies outside the grid or is NaN
     */
    public double value(double x, double t) {
        Arguments.within("x", x, xMin, xMax);
        Arguments.within("t", t, tMin, tMax);
        double px = (x - xMin) / (xMax - xMin) * (nx() - 1);
        double pt = (t - tMin) / (tMax - tMin) * (nt() - 1);
        return interpolation == Interpolation.LINEAR ? bilinear(px, pt) : bicubic(px, pt);
    }

    private double bilinear(double px, double pt) {
        int ix = Math.min((int) px, nx() - 2);
        int it = Math.min((int) pt, nt() - 2);
        double sx = px - ix;
        double st = pt - it;
        double lower = (1 - sx) * values[it][ix] + sx * values[it][ix + 1];
        double upper = (1 - sx) * values[it + 1][ix] + sx * values[it + 1][ix + 1];
        return (1 - st) * lower + st * upper;
    }

    private double bicubic(double px, double pt) {
        int[] xi = new int[4];
        double[] wx = new double[4];
        stencil(px, nx(), periodic, xi, wx);
        int[] ti = new int[4];
        double[] wt = new double[4];
        stencil(pt, nt(), false, ti, wt);
        double sum = 0;
        for (int a = 0; a < 4; a++) {
            double[] row = values[ti[a]];
            double inner = 0;
            for (int b = 0; b < 4; b++) {
                inner += wx[b] * row[xi[b]];
            }
            sum += wt[a] * inner;
        }
        return sum;
    }

    /** Four node indices around fractional position p and their Lagrange weights. */
    private static void stencil(double p, int n, boolean periodic, int[] index, double[] weight) {
        if (n < 4) {
            // Too few points for a cubic: fall back to linear weights on a padded stencil.
            int i = Math.min((int) p, n - 2);
            double s = p - i;
            Arrays.fill(weight, 0);
            index[0] = i;
            index[1] = i + 1;
            index[2] = i;
            index[3] = i + 1;
            weight[0] = 1 - s;
            weight[1] = s;
            return;
        }
        int start = (int) Math.floor(p) - 1;
        if (!periodic) {
            start = Math.max(0, Math.min(start, n - 4));
        }
        double s = p - start;
        weight[0] = -(s - 1) * (s - 2) * (s - 3) / 6;
        weight[1] = s * (s - 2) * (s - 3) / 2;
        weight[2] = -s * (s - 1) * (s - 3) / 2;
        weight[3] = s * (s - 1) * (s - 2) / 6;
        int period = n - 1;
        for (int k = 0; k < 4; k++) {
            index[k] = periodic ? Math.floorMod(start + k, period) : start + k;
        }
    }
}
