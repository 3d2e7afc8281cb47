package org.pikan4j.validation.study;

import java.util.List;

/**
 * The KANs a study trains: every combination of hidden width, hidden depth, grid size G and
 * spline degree k, e.g. {@code KanSweep.of(5, 10).withGrids(3, 5, 10, 20)}. The input and
 * output widths come from the problem. {@code extendFrom} lists coarser grids to train on first
 * (grid extension, coarse to fine): a cell with grid G trains on every listed grid below G in
 * turn, then is extended to G and trained again; with {@code extendFrom} = [3, 5, 10] the cell
 * G = 20 trains on 3, 5, 10 and 20, the cell G = 5 on 3 and 5, the cell G = 3 on 3 alone. Each
 * grid after the first gets the optimizer chain without Adam. Immutable.
 *
 * @param widths     hidden-layer widths, each {@code >= 1}, distinct, non-empty
 * @param depths     numbers of hidden layers, each {@code >= 1}, distinct, non-empty
 * @param grids      grid intervals G, each {@code >= 1}, distinct, non-empty
 * @param degrees    spline degrees k, each {@code >= 1}, distinct, non-empty
 * @param extendFrom coarser grids to train on before extending, increasing, each {@code >= 1}; empty for none
 */
public record KanSweep(List<Integer> widths, List<Integer> depths, List<Integer> grids, List<Integer> degrees,
                       List<Integer> extendFrom) {

    /** Checks every list; messages name the field as the study file spells it ({@code kan.grids[1]}). */
    public KanSweep {
        widths = Sweeps.atLeast("kan.widths", widths, 1);
        depths = Sweeps.atLeast("kan.depths", depths, 1);
        grids = Sweeps.atLeast("kan.grids", grids, 1);
        degrees = Sweeps.atLeast("kan.degrees", degrees, 1);
        extendFrom = increasing(extendFrom);
    }

    private static List<Integer> increasing(List<Integer> grids) {
        if (grids == null) {
            return List.of();
        }
        for (int i = 0; i < grids.size(); i++) {
            Integer g = grids.get(i);
            if (g == null || g < 1 || (i > 0 && g <= grids.get(i - 1))) {
                throw new IllegalArgumentException("kan.extendFrom must list increasing grid sizes >= 1, got " + g
                        + " at kan.extendFrom[" + i + "]");
            }
        }
        return List.copyOf(grids);
    }

    /**
     * The grids a cell ending on {@code g} trains on, in order: the listed ones below g, then g.
     */
    public int[] schedule(int g) {
        return java.util.stream.Stream.concat(extendFrom.stream().filter(e -> e < g), java.util.stream.Stream.of(g))
                .mapToInt(Integer::intValue).toArray();
    }

    /** KANs of the given hidden widths; one hidden layer, G = 5, cubic splines, no extension. */
    public static KanSweep of(int... widths) {
        return new KanSweep(Sweeps.list(widths), List.of(1), List.of(5), List.of(3), List.of());
    }

    /** The same sweep over other hidden widths. */
    public KanSweep withWidths(int... w) {
        return new KanSweep(Sweeps.list(w), depths, grids, degrees, extendFrom);
    }

    /** The same sweep over other numbers of hidden layers. */
    public KanSweep withDepths(int... d) {
        return new KanSweep(widths, Sweeps.list(d), grids, degrees, extendFrom);
    }

    /** The same sweep over other grid sizes G. */
    public KanSweep withGrids(int... g) {
        return new KanSweep(widths, depths, Sweeps.list(g), degrees, extendFrom);
    }

    /** The same sweep over other spline degrees k. */
    public KanSweep withDegrees(int... k) {
        return new KanSweep(widths, depths, grids, Sweeps.list(k), extendFrom);
    }

    /** The same sweep training on the given coarser grids (those below each G, in turn) before G; none: never. */
    public KanSweep withExtendFrom(int... coarser) {
        return new KanSweep(widths, depths, grids, degrees, Sweeps.list(coarser));
    }
}
