package org.pikan4j.core.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pikan4j.core.nn.KanLayer;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.spline.KnotVector;
import org.pikan4j.core.util.Arguments;

/**
 * Local h-refinement of a KAN layer's input grids: marked knot intervals are bisected at their midpoints and
 * every edge leaving that input gets its coefficients by exact Boehm insertion, so the network function is
 * unchanged up to round-off. The grids become non-uniform (extension knots are kept as they are).
 *
 * <p>A KAN layer needs the same G on all its inputs. So every input of the layer gets the same number of new
 * points, the largest number of intervals marked on any one input: an input with fewer marked intervals is
 * padded by bisecting its longest unmarked intervals (the lower index first among equal lengths). Padding is
 * exact too, so it costs parameters but never changes the function.
 */
public final class KnotInsertion {

    private KnotInsertion() {
    }

    /**
     * Bisects the given intervals of one input's grid (the other inputs of the layer are padded, see the class
     * comment).
     *
     * @param network   the network
     * @param theta     its parameters (the network's, then any extra ones)
     * @param layer     the index of a KAN layer
     * @param input     the input whose grid is refined
     * @param intervals the marked intervals of that grid, distinct, each in {@code [0, G-1]}, at least one
     * @return the refined network, parameters, transfer map and record
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static GridRefinement bisect(Network network, double[] theta, int layer, int input, int[] intervals) {
        return bisect(network, theta, layer, Map.of(input, intervals));
    }

    /**
     * Bisects marked intervals of several inputs of one layer, each input with its own marks; inputs with
     * fewer marks (or none) are padded to the same count.
     *
     * @param network the network
     * @param theta   its parameters
     * @param layer   the index of a KAN layer
     * @param marked  input index to its marked intervals (distinct, each in {@code [0, G-1]}); at least one
     *                interval over all inputs
     * @return the refined network, parameters, transfer map and record
     * @throws IllegalArgumentException if an argument is invalid
     */
    public static GridRefinement bisect(Network network, double[] theta, int layer, Map<Integer, int[]> marked) {
        Checks.networkAndTheta(network, theta);
        Step step = step(network, theta, layer, marked);
        return GridRefinement.chain("knot insertion", network.parameterCount(), List.of(step.remap()),
                step.changes());
    }

    /** One layer's insertion, for chaining several layers into one refinement. */
    record Step(LayerRemap.Result remap, List<String> changes) {
    }

    /** Bisects the marked intervals of one layer (padding the other inputs); the arguments are checked here. */
    static Step step(Network network, double[] theta, int layer, Map<Integer, int[]> marked) {
        KanLayer kan = Checks.kanLayer(network, layer);
        Arguments.notNull("marked", marked);
        int g = kan.grid(0).intervals();
        int count = 0;
        for (Map.Entry<Integer, int[]> e : marked.entrySet()) {
            checkMarks(kan, e.getKey(), e.getValue(), g);
            count = Math.max(count, e.getValue().length);
        }
        if (count == 0) {
            throw new IllegalArgumentException("marked must hold at least one interval to bisect, got none");
        }
        List<KnotVector> grids = new ArrayList<>();
        List<double[][]> matrices = new ArrayList<>();
        List<QuadraturePoints> measure = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        String name = network.prefix(layer).replace(".", "");
        for (int i = 0; i < kan.inputWidth(); i++) {
            KnotVector old = kan.grid(i);
            int[] own = marked.getOrDefault(i, new int[0]);
            int[] chosen = padded(old, own, count);
            double[] grid = old.gridPoints();
            double[] points = new double[chosen.length];
            for (int p = 0; p < chosen.length; p++) {
                points[p] = 0.5 * (grid[chosen[p]] + grid[chosen[p] + 1]);
            }
            NestedSplineMap.Inserted inserted = NestedSplineMap.insert(old, points);
            grids.add(inserted.grid());
            matrices.add(inserted.matrix());
            measure.add(QuadraturePoints.onPieces(inserted.grid().gridPoints(), old.degree() + 1));
            changes.add(name + " input " + i + ": G " + g + " -> " + (g + count) + ", bisected "
                    + Arrays.toString(own.length == 0 ? new int[0] : sorted(own))
                    + (own.length < count ? " padded with longest " + Arrays.toString(
                            Arrays.stream(chosen).filter(j -> Arrays.stream(own).noneMatch(m -> m == j)).toArray())
                            : ""));
        }
        return new Step(LayerRemap.apply(network, theta, layer, grids, matrices, measure), changes);
    }

    private static void checkMarks(KanLayer kan, Integer input, int[] intervals, int g) {
        if (input == null || input < 0 || input >= kan.inputWidth()) {
            throw new IllegalArgumentException("input must be in [0, " + (kan.inputWidth() - 1) + "], got " + input);
        }
        Arguments.notNull("intervals of input " + input, intervals);
        TreeSet<Integer> seen = new TreeSet<>();
        for (int j : intervals) {
            if (j < 0 || j >= g) {
                throw new IllegalArgumentException("marked interval of input " + input + " must be in [0, " + (g - 1)
                        + "], got " + j);
            }
            if (!seen.add(j)) {
                throw new IllegalArgumentException("marked intervals of input " + input + " must be distinct, got "
                        + j + " twice");
            }
        }
    }

    /** The marked intervals plus the longest unmarked ones up to {@code count}, ascending. */
    private static int[] padded(KnotVector grid, int[] marked, int count) {
        TreeSet<Integer> chosen = new TreeSet<>();
        for (int j : marked) {
            chosen.add(j);
        }
        double[] g = grid.gridPoints();
        while (chosen.size() < count) {
            int best = -1;
            for (int j = 0; j + 1 < g.length; j++) {
                // lengths equal to round-off count as equal, so the lower index wins
                if (!chosen.contains(j) && (best < 0 || g[j + 1] - g[j] > (g[best + 1] - g[best]) * (1 + 1e-9))) {
                    best = j;
                }
            }
            chosen.add(best);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }
}
