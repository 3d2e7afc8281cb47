package org.pikan4j.core.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.util.Arguments;

/**
 * Configuration of a KAN trial solution, e.g. {@code Kan.widths(2, 10, 1).grid(10).degree(3)}.
 * Immutable: each method returns a new configuration.
 */
public final class Kan {

    private final int[] widths;
    private final int grid;
    private final int degree;
    private final double lo;
    private final double hi;
    private final double noise;
    /** Per-input ranges of the first layer's grids, null for {@code [lo, hi]} on every input. */
    private final double[][] inputRanges;

    private Kan(int[] widths, int grid, int degree, double lo, double hi, double noise, double[][] inputRanges) {
        this.widths = widths;
        this.grid = grid;
        this.degree = degree;
        this.lo = lo;
        this.hi = hi;
        this.noise = noise;
        this.inputRanges = inputRanges;
    }

    /**
     * A KAN with the given layer widths, input first: {@code widths(2, 8, 8, 1)}. Defaults:
     * G = 5 intervals, cubic splines, grid range [-1, 1], coefficient noise 0.1.
     */
    public static Kan widths(int... widths) {
        checkWidths(widths);
        return new Kan(widths.clone(), 5, 3, -1.0, 1.0, 0.1, null);
    }

    static void checkWidths(int[] widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("widths must list at least an input and an output width, got "
                    + widths.length + " entries");
        }
        for (int l = 0; l < widths.length; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException("widths[" + l + "] must be >= 1, got " + widths[l]);
            }
        }
    }

    /** Number of grid intervals G per edge, at least 1. */
    public Kan grid(int intervals) {
        Arguments.atLeast("grid (intervals G)", intervals, 1);
        return new Kan(widths, intervals, degree, lo, hi, noise, inputRanges);
    }

    /** Spline degree k, at least 1 (3 = cubic). */
    public Kan degree(int k) {
        Arguments.atLeast("degree", k, 1);
        return new Kan(widths, grid, k, lo, hi, noise, inputRanges);
    }

    /**
     * The interval every edge's grid covers at the start (the first layer's inputs keep the ranges of
     * {@link #inputRanges} if those were set).
     */
    public Kan range(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("range needs finite lo < hi, got lo = " + lo + ", hi = " + hi);
        }
        return new Kan(widths, grid, degree, lo, hi, noise, inputRanges);
    }

    /**
     * Per-input grid ranges of the first layer, e.g. a space-time box {@code [-1, 1] x [0, 1]}: every knot
     * interval then lies inside the domain, where on {@code [-1, 1]} a coordinate in {@code [0, 1]} would use only
     * half of them. Deeper layers keep {@link #range}.
     *
     * @param lo the lower end for each input, finite
     * @param hi the upper end for each input, finite, above {@code lo}
     * @return the new configuration
     * @throws IllegalArgumentException if the lengths are not the input width or a range is empty or not finite
     */
    public Kan inputRanges(double[] lo, double[] hi) {
        if (lo == null || hi == null || lo.length != widths[0] || hi.length != widths[0]) {
            throw new IllegalArgumentException("inputRanges needs one lo and one hi per input (" + widths[0]
                    + "), got " + (lo == null ? null : lo.length) + " and " + (hi == null ? null : hi.length));
        }
        for (int i = 0; i < lo.length; i++) {
            if (!(lo[i] < hi[i]) || !Double.isFinite(lo[i]) || !Double.isFinite(hi[i])) {
                throw new IllegalArgumentException("inputRanges: input " + i + " needs finite lo < hi, got lo = "
                        + lo[i] + ", hi = " + hi[i]);
            }
        }
        return new Kan(widths, grid, degree, this.lo, this.hi, noise, new double[][] {lo.clone(), hi.clone()});
    }

    /** Half-width of the uniform noise of the initial spline coefficients. */
    public Kan noise(double scale) {
        Arguments.nonNegative("noise", scale);
        return new Kan(widths, grid, degree, lo, hi, scale, inputRanges);
    }

    /** The network this configuration describes. */
    public Network build() {
        List<Layer> layers = new ArrayList<>();
        KnotVector knots = KnotVector.uniform(grid, degree, lo, hi);
        for (int l = 0; l + 1 < widths.length; l++) {
            List<KnotVector> grids = Collections.nCopies(widths[l], knots);
            if (l == 0 && inputRanges != null) {
                grids = new ArrayList<>();
                for (int i = 0; i < widths[0]; i++) {
                    grids.add(KnotVector.uniform(grid, degree, inputRanges[0][i], inputRanges[1][i]));
                }
            }
            layers.add(new KanLayer(widths[l], widths[l + 1], grids, noise));
        }
        return new Network(layers);
    }
}
