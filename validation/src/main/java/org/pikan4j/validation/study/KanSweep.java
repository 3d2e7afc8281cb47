package org.pikan4j.validation.study;

import java.util.List;

/**
 * The KANs a study trains: every combination of hidden width, hidden depth, grid size G and
 * spline degree k, e.g. {@code KanSweep.of(5, 10).withGrids(3, 5, 10, 20)}. The input and
 * output widths come from the problem. With {@code extendFrom} = G0 &gt; 0, a cell with G &gt; G0
 * trains on G0 first and is then extended to G (the coarse-to-fine schedule of grid extension);
 * cells with G &lt;= G0 train on G directly. Immutable.
 *
 * @param widths     hidden-layer widths, each {@code >= 1}, distinct, non-empty
 * @param depths     numbers of hidden layers, each {@code >= 1}, distinct, non-empty
 * @param grids      grid intervals G, each {@code >= 1}, distinct, non-empty
 * @param degrees    spline degrees k, each {@code >= 1}, distinct, non-empty
 * @param extendFrom the grid to train on before extending, {@code 0} for none
 */
public record KanSweep(List<Integer> widths, List<Integer> depths, List<Integer> grids, List<Integer> degrees,
                       int extendFrom) {

    /** Checks every list; messages name the field as the study file spells it ({@code kan.grids[1]}). */
    public KanSweep {
        widths = Sweeps.atLeast("kan.widths", widths, 1);
        depths = Sweeps.atLeast("kan.depths", depths, 1);
        grids = Sweeps.atLeast("kan.grids", grids, 1);
        degrees = Sweeps.atLeast("kan.degrees", degrees, 1);
        if (extendFrom < 0) {
            throw new IllegalArgumentException("kan.extendFrom must be >= 0 (0: no extension), got " + extendFrom);
        }
    }

    /** KANs of the given hidden widths; one hidden layer, G = 5, cubic splines, no extension. */
    public static KanSweep of(int... widths) {
        return new KanSweep(Sweeps.list(widths), List.of(1), List.of(5), List.of(3), 0);
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

    /** The same sweep training on grid {@code g0} before extending to each larger G (0: never). */
    public KanSweep withExtendFrom(int g0) {
        return new KanSweep(widths, depths, grids, degrees, g0);
    }
}
