package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.spline.KnotVector;

/**
 * Grid update from samples (pykan's {@code update_grid_from_samples}): each input grid of a KAN layer moves
 * to where that input's values actually lie, and each edge's spline is refitted there by least squares.
 *
 * <p>For input i of layer l, with the values {@code x_n} that enter it at the sample points sorted, the new
 * grid is {@code gridEps·uniform + (1 - gridEps)·quantiles}: the G+1 quantiles at ranks {@code floor(N q/G)}
 * (the last one the maximum), blended with the uniform grid on {@code [min x, max x]}. G stays. Each edge's
 * spline part is refitted on the samples ({@code c' = A c} minimizing {@code Σ_n (s'(x_n) - s(x_n))²}, QR with a
 * {@code 1e-10} relative ridge against basis functions that see no sample); base weights and scales stay. The
 * function changes a little on the sample distribution (the new space does not contain the old spline);
 * {@link RefinementRecord#relativeChange()} reports the relative L2 change of the spline parts on the samples.
 * Layers are updated input side first, each from the inputs of the already updated network.
 *
 * <p>An input whose samples all coincide (to 1e-12 relative) keeps its grid. Immutable.
 */
public final class GridUpdate {

    /** pykan's default weight of the uniform grid. */
    public static final double DEFAULT_GRID_EPS = 0.02;

    private static final double RIDGE = 1e-10;

    private final double gridEps;

    private GridUpdate(double gridEps) {
        this.gridEps = gridEps;
    }

    /** @return an update with {@link #DEFAULT_GRID_EPS} */
    public static GridUpdate defaults() {
        return new GridUpdate(DEFAULT_GRID_EPS);
    }

    /**
     * The same update with another blend weight.
     *
     * @param eps the weight of the uniform grid, in {@code (0, 1]} (1: uniform on the sample range; small:
     *            close to the quantiles; 0 is refused because tied samples would give repeated knots)
     * @return the configured update
     */
    public GridUpdate withGridEps(double eps) {
        if (!(eps > 0.0 && eps <= 1.0)) {
            throw new IllegalArgumentException("gridEps must be in (0, 1], got " + eps);
        }
        return new GridUpdate(eps);
    }

    /** @return the weight of the uniform grid in the blend */
    public double gridEps() {
        return gridEps;
    }

    /**
     * Updates every KAN layer, input side first.
     *
     * @param network the network, with at least one KAN layer
     * @param theta   its parameters (the network's, then any extra ones)
     * @param samples at least two points of the network's input dimension, e.g. the collocation points
     * @return the updated network, parameters, transfer map and record
     * @throws IllegalArgumentException if an argument is invalid
     */
    public GridRefinement update(Network network, double[] theta, double[][] samples) {
        Checks.networkAndTheta(network, theta);
        return updateLayers(network, theta, Checks.kanLayers(network), samples);
    }

    /**
     * Updates one KAN layer.
     *
     * @param network the network
     * @param theta   its parameters
     * @param layer   the index of a KAN layer
     * @param samples at least two points of the network's input dimension
     * @return the updated network, parameters, transfer map and record
     * @throws IllegalArgumentException if an argument is invalid
     */
    public GridRefinement updateLayer(Network network, double[] theta, int layer, double[][] samples) {
        Checks.networkAndTheta(network, theta);
        Checks.kanLayer(network, layer);
        return updateLayers(network, theta, List.of(layer), samples);
    }

    private GridRefinement updateLayers(Network network, double[] theta, List<Integer> layers, double[][] samples) {
        Checks.points("samples", samples, network.inputDimension());
        if (samples.length < 2) {
            throw new IllegalArgumentException("samples must hold at least 2 points to place a grid, got "
                    + samples.length);
        }
        List<LayerRemap.Result> steps = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Network current = network;
        double[] currentTheta = theta;
        for (int l : layers) {
            LayerInputs inputs = LayerInputs.of(current, currentTheta, samples);
            KanLayer kan = (KanLayer) current.layers().get(l);
            List<KnotVector> grids = new ArrayList<>();
            List<double[][]> matrices = new ArrayList<>();
            List<QuadraturePoints> measure = new ArrayList<>();
            int kept = 0;
            for (int i = 0; i < kan.inputWidth(); i++) {
                KnotVector old = kan.grid(i);
                double[] x = inputs.column(l, i);
                double[] grid = blendedGrid(x, old.intervals());
                KnotVector fresh = grid == null ? old : KnotVector.of(grid, old.degree());
                kept += grid == null ? 1 : 0;
                QuadraturePoints points = QuadraturePoints.samples(x);
                grids.add(fresh);
                matrices.add(grid == null ? identity(old.basisCount()) : SplineFit.matrix(old, fresh, points, RIDGE));
                measure.add(points);
            }
            LayerRemap.Result step = LayerRemap.apply(current, currentTheta, l, grids, matrices, measure);
            steps.add(step);
            changes.add(current.prefix(l).replace(".", "") + ": G " + kan.grid(0).intervals()
                    + " knots moved toward " + samples.length + " samples (gridEps " + gridEps + ")"
                    + (kept > 0 ? ", " + kept + " input(s) with coinciding samples kept their grid" : ""));
            current = step.network();
            currentTheta = step.theta();
        }
        return GridRefinement.chain("grid update", network.parameterCount(), steps, changes);
    }

    /** The blended grid of G intervals for these samples, or null when they all coincide. */
    double[] blendedGrid(double[] samples, int intervals) {
        double[] x = samples.clone();
        Arrays.sort(x);
        int n = x.length;
        double lo = x[0];
        double hi = x[n - 1];
        if (!(hi - lo > 1e-12 * Math.max(1.0, Math.max(Math.abs(lo), Math.abs(hi))))) {
            return null;
        }
        double[] grid = new double[intervals + 1];
        double h = (hi - lo) / intervals;
        for (int q = 0; q <= intervals; q++) {
            double quantile = q == intervals ? hi : x[(int) ((long) n * q / intervals)];
            double uniform = q == intervals ? hi : lo + q * h;
            grid[q] = gridEps * uniform + (1.0 - gridEps) * quantile;
        }
        grid[0] = lo;
        grid[intervals] = hi;
        return grid;
    }

    private static double[][] identity(int size) {
        double[][] a = new double[size][size];
        for (int i = 0; i < size; i++) {
            a[i][i] = 1.0;
        }
        return a;
    }

    @Override
    public String toString() {
        return "GridUpdate[gridEps=" + gridEps + "]";
    }
}
