package org.pikan4j.core.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pikan4j.core.spline.KnotVector;

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

    private Kan(int[] widths, int grid, int degree, double lo, double hi, double noise) {
        this.widths = widths;
        this.grid = grid;
        this.degree = degree;
        this.lo = lo;
        this.hi = hi;
        this.noise = noise;
    }

    /**
     * A KAN with the given layer widths, input first: {@code widths(2, 8, 8, 1)}. Defaults:
     * G = 5 intervals, cubic splines, grid range [-1, 1], coefficient noise 0.1.
     */
    public static Kan widths(int... widths) {
        checkWidths(widths);
        return new Kan(widths.clone(), 5, 3, -1.0, 1.0, 0.1);
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
        Checks.atLeast("grid (intervals G)", intervals, 1);
        return new Kan(widths, intervals, degree, lo, hi, noise);
    }

    /** Spline degree k, at least 1 (3 = cubic). */
    public Kan degree(int k) {
        Checks.atLeast("degree", k, 1);
        return new Kan(widths, grid, k, lo, hi, noise);
    }

    /** The interval every edge's grid covers at the start. */
    public Kan range(double lo, double hi) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("range needs finite lo < hi, got lo = " + lo + ", hi = " + hi);
        }
        return new Kan(widths, grid, degree, lo, hi, noise);
    }

    /** Half-width of the uniform noise of the initial spline coefficients. */
    public Kan noise(double scale) {
        Checks.finiteNonNegative("noise", scale);
        return new Kan(widths, grid, degree, lo, hi, scale);
    }

    /** The network this configuration describes. */
    public Network build() {
        List<Layer> layers = new ArrayList<>();
        KnotVector knots = KnotVector.uniform(grid, degree, lo, hi);
        for (int l = 0; l + 1 < widths.length; l++) {
            layers.add(new KanLayer(widths[l], widths[l + 1],
                    Collections.nCopies(widths[l], knots), noise));
        }
        return new Network(layers);
    }
}
