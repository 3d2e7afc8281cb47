package org.pikan4j.core.train;

import java.util.List;
import org.pikan4j.core.backend.Backends;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.residual.PinnLoss;
import org.pikan4j.core.residual.Residual;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * u'' = -π² sin(πx) on [-1, 1], u(±1) = 0 (solution sin(πx)), on an evenly spaced grid; shared with the tests
 * of other packages that need a small trainable loss.
 */
public final class Poisson1d {

    public static final List<String> X = List.of("x");

    private Poisson1d() {
    }

    /** The KAN [1, width, 1] with the given grid, cubic splines. */
    public static Network kan(int width, int grid) {
        return Kan.widths(1, width, 1).grid(grid).degree(3).build();
    }

    /** Interior points -1 + 2(n+1)/(count+1), n = 0..count-1. */
    static double[][] interior(int count) {
        double[][] p = new double[count][1];
        for (int n = 0; n < count; n++) {
            p[n][0] = -1.0 + 2.0 * (n + 1) / (count + 1);
        }
        return p;
    }

    static ResidualTerm pde(int count) {
        return ResidualTerm.of("pde", interior(count), List.of(MultiIndex.parse("xx", X)),
                b -> b.d(b.field(0), "xx").plus(b.source(p -> Math.PI * Math.PI * Math.sin(Math.PI * p[0]))));
    }

    static ResidualTerm boundary() {
        return ResidualTerm.of("boundary", new double[][] {{-1.0}, {1.0}}, List.of(), b -> b.field(0));
    }

    /** The loss with a PDE term on {@code count} interior points and the two boundary points. */
    public static PinnLoss loss(Network network, int count) {
        return new PinnLoss(network, Backends.defaultBackend(), List.of(pde(count), boundary()), X);
    }

    /** The loss with another PDE residual (same points), e.g. one rigged to turn NaN. */
    public static PinnLoss loss(Network network, int count, Residual pde) {
        ResidualTerm term = ResidualTerm.of("pde", interior(count), List.of(MultiIndex.parse("xx", X)), pde);
        return new PinnLoss(network, Backends.defaultBackend(), List.of(term, boundary()), X);
    }
}
