package org.pikan4j.core.refine;

import java.util.Arrays;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.spline.KnotVector;

/**
 * Residual-based error indicators per knot interval of every input grid of one KAN layer:
 * {@code η[i][j] = Σ r_n²} over the collocation points whose value entering the layer at input i lies in grid
 * interval j of that input (points outside the grid range count toward the nearest end interval, where the
 * spline is extrapolated). The indicators of one input add up to {@code Σ_n r_n²}, so they split the loss
 * among the intervals the way FEM error indicators split the error among elements. Each interval also keeps
 * its peak: the input value of its point with the largest {@code r_n²}. Immutable.
 */
public final class IntervalIndicators {

    private final int layer;
    private final double[][] values;
    private final double[][] peaks;

    private IntervalIndicators(int layer, double[][] values, double[][] peaks) {
        this.layer = layer;
        this.values = values;
        this.peaks = peaks;
    }

    /**
     * Computes the indicators of one layer from residual values at collocation points.
     *
     * @param network   the network
     * @param theta     its parameters (the network's, then any extra ones)
     * @param layer     the index of a KAN layer
     * @param points    the collocation points, at least one, of the network's input dimension
     * @param residuals the residual value at every point (e.g. the PDE residual), finite
     * @return the indicators, {@code [input][interval]}
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static IntervalIndicators of(Network network, double[] theta, int layer, double[][] points,
                                        double[] residuals) {
        Checks.networkAndTheta(network, theta);
        KanLayer kan = Checks.kanLayer(network, layer);
        Checks.points("points", points, network.inputDimension());
        Checks.residuals("residuals", residuals, points.length, "points");
        LayerInputs inputs = LayerInputs.of(network, theta, points);
        double[][] values = new double[kan.inputWidth()][];
        double[][] peaks = new double[kan.inputWidth()][];
        for (int i = 0; i < kan.inputWidth(); i++) {
            KnotVector grid = kan.grid(i);
            double[] x = inputs.column(layer, i);
            values[i] = new double[grid.intervals()];
            peaks[i] = new double[grid.intervals()];
            Arrays.fill(peaks[i], Double.NaN);
            double[] largest = new double[grid.intervals()];
            Arrays.fill(largest, -1.0);
            for (int n = 0; n < x.length; n++) {
                int j = grid.interval(x[n]);
                double r2 = residuals[n] * residuals[n];
                values[i][j] += r2;
                if (r2 > largest[j]) {
                    largest[j] = r2;
                    peaks[i][j] = x[n];
                }
            }
        }
        return new IntervalIndicators(layer, values, peaks);
    }

    /** @return the index of the layer these indicators belong to */
    public int layer() {
        return layer;
    }

    /** @return the number of inputs of the layer */
    public int inputs() {
        return values.length;
    }

    /**
     * @param input an input of the layer
     * @return a copy of that input's indicators, one per grid interval
     */
    public double[] values(int input) {
        return values[checked(input)].clone();
    }

    /**
     * @param input an input of the layer
     * @return a copy of that input's peaks: per grid interval, the input value of the point with the largest
     *         squared residual in it (the first of equal ones), NaN for an interval without points
     */
    public double[] peaks(int input) {
        return peaks[checked(input)].clone();
    }

    private int checked(int input) {
        if (input < 0 || input >= values.length) {
            throw new IllegalArgumentException("input must be in [0, " + (values.length - 1) + "], got " + input);
        }
        return input;
    }

    /**
     * @param input an input of the layer
     * @return the sum of that input's indicators, {@code Σ_n r_n²}
     */
    public double total(int input) {
        double sum = 0.0;
        for (double v : values(input)) {
            sum += v;
        }
        return sum;
    }
}
