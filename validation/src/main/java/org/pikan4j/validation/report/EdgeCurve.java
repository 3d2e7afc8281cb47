package org.pikan4j.validation.report;

import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import org.pikan4j.core.symbolic.EdgeFunction;

/**
 * One KAN edge function sampled on the range of values that reach it, ready to draw into a rectangle
 * (scaled to fill it). Shared by the network diagram's small plots and the single-edge plot.
 */
final class EdgeCurve {

    /** Samples per curve: smooth at the sizes drawn. */
    static final int SAMPLES = 80;

    private final double[] xs;
    private final double[] ys;
    private final double lo;
    private final double hi;

    private EdgeCurve(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        // a flat edge is drawn as a level line through the middle
        double pad = max > min ? 0.08 * (max - min) : Math.max(1e-12, Math.abs(max) * 0.5 + 1e-12);
        this.lo = min - pad;
        this.hi = max + pad;
    }

    /**
     * The edge over the range of its inputs.
     *
     * @param phi    the edge function
     * @param inputs the values that reach the edge (at least one)
     */
    static EdgeCurve of(EdgeFunction phi, double[] inputs) {
        double[] range = range(inputs);
        double[] xs = new double[SAMPLES];
        double[] ys = new double[SAMPLES];
        for (int p = 0; p < SAMPLES; p++) {
            xs[p] = range[0] + (range[1] - range[0]) * p / (SAMPLES - 1);
            ys[p] = phi.applyAsDouble(xs[p]);
        }
        return new EdgeCurve(xs, ys);
    }

    /** [min, max] of the values, widened to a unit interval around a single value. */
    static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max > min ? new double[] {min, max} : new double[] {min - 0.5, max + 0.5};
    }

    double xMin() {
        return xs[0];
    }

    double xMax() {
        return xs[xs.length - 1];
    }

    double yMin() {
        return lo;
    }

    double yMax() {
        return hi;
    }

    /** The curve as a path filling the rectangle (x, y, w, h), y up. */
    void draw(Graphics2D g, double x, double y, double w, double h) {
        Path2D.Double path = new Path2D.Double();
        for (int p = 0; p < xs.length; p++) {
            double px = x + w * (xs[p] - xs[0]) / (xs[xs.length - 1] - xs[0]);
            double py = y + h * (hi - ys[p]) / (hi - lo);
            if (p == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        g.draw(path);
    }
}
