package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.spline.KnotVector;

/**
 * Grid extension (pykan's {@code refine}): every input grid of a KAN layer goes from G to G' intervals on the
 * same range, and each edge's spline is carried over to the finer space.
 *
 * <ul>
 *   <li>When G' is a multiple of G, every interval is split into G'/G equal parts (for a uniform grid: the
 *       uniform grid of G' intervals). The fine space contains the coarse one, and the coefficients are mapped
 *       exactly by Boehm knot insertion, so the network function and all its derivatives are unchanged up to
 *       round-off, inside the grid range and, by the same polynomial extrapolation, outside it.</li>
 *   <li>Otherwise the new grid is uniform with G' intervals and each spline is replaced by its L2 projection
 *       on {@code [lo, hi]} (a weighted least-squares fit at Gauss-Legendre points of the merged grids, by QR).
 *       The function changes a little; {@link RefinementRecord#relativeChange()} reports by how much.</li>
 * </ul>
 * Base weights, scales, other layers and trailing parameters are copied.
 */
public final class GridExtension {

    private GridExtension() {
    }

    /**
     * Extends every KAN layer to {@code newIntervals} intervals.
     *
     * @param network      the network, with at least one KAN layer
     * @param theta        its parameters (the network's, then any extra ones)
     * @param newIntervals G', greater than every KAN layer's current G
     * @return the refined network, parameters, transfer map and record
     * @throws IllegalArgumentException if G' is not greater than some layer's G, or an argument is invalid
     */
    public static GridRefinement extend(Network network, double[] theta, int newIntervals) {
        Checks.networkAndTheta(network, theta);
        List<Integer> layers = Checks.kanLayers(network);
        for (int l : layers) {
            checkGrowth(network, l, newIntervals);
        }
        return extendLayers(network, theta, layers, newIntervals);
    }

    /**
     * Extends one KAN layer to {@code newIntervals} intervals.
     *
     * @param network      the network
     * @param theta        its parameters
     * @param layer        the index of a KAN layer
     * @param newIntervals G', greater than that layer's current G
     * @return the refined network, parameters, transfer map and record
     * @throws IllegalArgumentException if layer is not a KAN layer, G' is not greater than its G, or an argument
     *                                  is invalid
     */
    public static GridRefinement extendLayer(Network network, double[] theta, int layer, int newIntervals) {
        Checks.networkAndTheta(network, theta);
        Checks.kanLayer(network, layer);
        checkGrowth(network, layer, newIntervals);
        return extendLayers(network, theta, List.of(layer), newIntervals);
    }

    private static void checkGrowth(Network network, int layer, int newIntervals) {
        int g = Checks.kanLayer(network, layer).grid(0).intervals();
        if (newIntervals <= g) {
            throw new IllegalArgumentException("newIntervals (G') must be > the current G = " + g + " of layer "
                    + network.prefix(layer) + " (grid extension only refines), got " + newIntervals);
        }
    }

    private static GridRefinement extendLayers(Network network, double[] theta, List<Integer> layers,
                                               int newIntervals) {
        int before = network.parameterCount();
        List<LayerRemap.Result> steps = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Network current = network;
        double[] currentTheta = theta;
        for (int l : layers) {
            KanLayer kan = (KanLayer) current.layers().get(l);
            int g = kan.grid(0).intervals();
            boolean exact = newIntervals % g == 0;
            Map<KnotVector, Transfer> cache = new HashMap<>();
            List<KnotVector> grids = new ArrayList<>();
            List<double[][]> matrices = new ArrayList<>();
            List<QuadraturePoints> measure = new ArrayList<>();
            for (KnotVector old : kan.grids()) {
                Transfer t = cache.computeIfAbsent(old, o -> transfer(o, newIntervals));
                grids.add(t.grid());
                matrices.add(t.matrix());
                measure.add(t.measure());
            }
            LayerRemap.Result step = LayerRemap.apply(current, currentTheta, l, grids, matrices, measure);
            steps.add(step);
            changes.add(current.prefix(l).replace(".", "") + ": G " + g + " -> " + newIntervals
                    + (exact ? " (exact knot insertion)" : " (L2 projection)"));
            current = step.network();
            currentTheta = step.theta();
        }
        return GridRefinement.chain("grid extension", before, steps, changes);
    }

    /** A new knot vector with its coefficient map and the points its change is measured on. */
    private record Transfer(KnotVector grid, double[][] matrix, QuadraturePoints measure) {
    }

    private static Transfer transfer(KnotVector old, int newIntervals) {
        int k = old.degree();
        int g = old.intervals();
        if (newIntervals % g == 0) {
            KnotVector fine = old.isUniform()
                    ? KnotVector.uniform(newIntervals, k, old.lo(), old.hi())
                    : KnotVector.of(subdivide(old.gridPoints(), newIntervals / g), k);
            return new Transfer(fine, NestedSplineMap.matrix(old, fine),
                    QuadraturePoints.onPieces(fine.gridPoints(), k + 1));
        }
        KnotVector fine = KnotVector.uniform(newIntervals, k, old.lo(), old.hi());
        double[] breakpoints = QuadraturePoints.mergedBreakpoints(old.gridPoints(), fine.gridPoints(),
                1e-9 * (old.hi() - old.lo()) / newIntervals);
        QuadraturePoints points = QuadraturePoints.onPieces(breakpoints, k + 1);
        return new Transfer(fine, SplineFit.matrix(old, fine, points, 0.0), points);
    }

    /** Every interval split into {@code parts} equal pieces. */
    private static double[] subdivide(double[] grid, int parts) {
        double[] fine = new double[(grid.length - 1) * parts + 1];
        for (int i = 0; i + 1 < grid.length; i++) {
            for (int p = 0; p < parts; p++) {
                fine[i * parts + p] = grid[i] + p * (grid[i + 1] - grid[i]) / parts;
            }
        }
        fine[fine.length - 1] = grid[grid.length - 1];
        return fine;
    }
}
