package org.pikan4j.validation.bench;

import java.util.List;
import org.pikan4j.core.backend.Backend;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.ResidualTerm;

/**
 * The reference workload of the benchmarks: the 2D Poisson loss -Δu = f on a cell-centred grid
 * of interior points (u, u_x, u_y, u_xx, u_yy) plus u = 0 on boundary points, in double precision.
 * With 2500 + 400 points it is the foundation issue's measured unit. Other {@link Operator}s
 * replace the Laplacian to vary the number of derivative components.
 */
public final class PoissonWorkload {

    private PoissonWorkload() {
    }

    /**
     * The Poisson loss on about {@code interior} interior points (a square grid) and {@code boundary}
     * boundary points (spread evenly over the four edges).
     */
    public static PinnLoss loss(Network network, Backend backend, int threads, int interior, int boundary) {
        return loss(network, backend, threads, interior, boundary, Operator.LAPLACIAN);
    }

    /** The same loss with another interior operator. */
    public static PinnLoss loss(Network network, Backend backend, int threads, int interior, int boundary,
                                Operator operator) {
        int side = (int) Math.round(Math.sqrt(interior));
        double[][] inner = new double[side * side][];
        for (int n = 0; n < inner.length; n++) {
            inner[n] = new double[] {-1 + (n % side + 0.5) * 2.0 / side, -1 + (n / side + 0.5) * 2.0 / side};
        }
        int perEdge = Math.max(1, boundary / 4);
        double[][] edge = new double[4 * perEdge][];
        for (int n = 0; n < edge.length; n++) {
            double s = -1 + (n % perEdge + 0.5) * 2.0 / perEdge;
            int side4 = n / perEdge;
            edge[n] = side4 == 0 ? new double[] {s, -1} : side4 == 1 ? new double[] {1, s}
                    : side4 == 2 ? new double[] {-s, 1} : new double[] {-1, -s};
        }
        ResidualTerm pde = ResidualTerm.of("pde", inner, operator.derivatives(), operator.residual());
        ResidualTerm dirichlet = ResidualTerm.of("boundary", edge, List.of(), b -> b.field(0));
        return new PinnLoss(network, backend, List.of(pde, dirichlet), List.of("x", "y"), 0, threads);
    }
}
