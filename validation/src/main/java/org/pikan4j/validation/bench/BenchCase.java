package org.pikan4j.validation.bench;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;

/**
 * One benchmark configuration: a KAN (cubic, grid G) or a tanh MLP of given widths, the interior
 * operator, the number of interior points (boundary points follow in the reference proportion,
 * 400 per 2500), and the threads evaluating the loss.
 *
 * @param sweep    the sweep it belongs to, e.g. "grid"
 * @param kan      true for a KAN, false for an MLP
 * @param widths   layer widths, input first
 * @param grid     the KAN's grid size G (ignored for an MLP)
 * @param operator the interior residual's operator
 * @param interior interior points
 * @param threads  threads evaluating the loss
 * @param moved    KAN: the grids moved to where each layer's inputs lie on the workload's points (a grid update,
 *                 so non-uniform knots, as after an adaptive solve's grid update or knot insertion); false: uniform
 */
public record BenchCase(String sweep, boolean kan, int[] widths, int grid, Operator operator, int interior,
                        int threads, boolean moved) {

    /** Boundary points for a given interior count: the reference 400 per 2500, at least 4. */
    public static int boundaryFor(int interior) {
        return Math.max(4, interior * 4 / 25);
    }

    /** A fresh network with this case's shape. */
    public Network network() {
        return kan ? Kan.widths(widths).grid(grid).degree(3).build() : Mlp.widths(widths).build();
    }

    /** E.g. {@code kan[2,10,1]}, {@code kan[2,10,1]moved} (non-uniform grids) or {@code mlp[2,20,20,1]}. */
    public String model() {
        return (kan ? "kan" : "mlp") + Arrays.stream(widths).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "[", "]")) + (moved ? "moved" : "");
    }

    /** Boundary points of this case. */
    public int boundary() {
        return boundaryFor(interior);
    }

    /** Interior and boundary points after the interior count is rounded to a square grid. */
    public int points() {
        int side = (int) Math.round(Math.sqrt(interior));
        return side * side + 4 * Math.max(1, boundary() / 4);
    }
}
