package org.pikan4j.problems.catalog;

import java.util.Arrays;
import java.util.Locale;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;
import org.pikan4j.core.nn.PeriodicEmbedding;
import org.pikan4j.problems.dsl.Problem;

/**
 * A trial solution described by values a user can read and override one at a time: a KAN
 * ({@code widths}, grid intervals G, spline degree k) or a tanh MLP ({@code widths}; G and k
 * unused). Immutable; {@link #build()} or {@link #build(double[], double[])} gives the network.
 *
 * @param kind   KAN or MLP
 * @param widths layer widths, input first, at least two entries, each {@code >= 1}
 * @param grid   KAN grid intervals G, {@code >= 1}
 * @param degree KAN spline degree k, {@code >= 1}
 * @param extensions KAN grid sizes to extend to after training on {@code grid}, increasing (may be empty):
 *                   each extension keeps the function and continues training on the finer grid
 * @param domainGrid KAN only: the first layer's grids span the domain's bounding box, one range per coordinate
 *                   ({@link #build(double[], double[])}), instead of {@code [-1, 1]}
 */
public record ModelSpec(Kind kind, int[] widths, int grid, int degree, int[] extensions, boolean domainGrid) {

    /** The network family. */
    public enum Kind {
        /** Kolmogorov-Arnold network with B-spline edges. */
        KAN,
        /** Multilayer perceptron with tanh activations. */
        MLP
    }

    /** Checks the values and copies the widths. */
    public ModelSpec {
        if (kind == null) {
            throw new IllegalArgumentException("model kind must not be null; valid: kan, mlp");
        }
        if (widths == null || widths.length < 2 || Arrays.stream(widths).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("widths must list at least two widths, each >= 1, got "
                    + (widths == null ? null : Arrays.toString(widths)));
        }
        if (grid < 1 || degree < 1) {
            throw new IllegalArgumentException("grid and degree must be >= 1, got grid = " + grid + ", degree = "
                    + degree);
        }
        if (extensions == null) {
            extensions = new int[0];
        }
        if (kind == Kind.MLP && extensions.length > 0) {
            throw new IllegalArgumentException("grid extensions apply to KANs only, got " + Arrays.toString(extensions)
                    + " for an MLP");
        }
        int previous = grid;
        for (int g : extensions) {
            if (g <= previous) {
                throw new IllegalArgumentException("grid extensions must increase from G = " + grid + ", got "
                        + Arrays.toString(extensions));
            }
            previous = g;
        }
        if (kind == Kind.MLP && domainGrid) {
            throw new IllegalArgumentException("domainGrid sets a KAN's first grids; an MLP has none");
        }
        widths = widths.clone();
        extensions = extensions.clone();
    }

    /** A model whose grids all span {@code [-1, 1]} (see the record's parameters). */
    public ModelSpec(Kind kind, int[] widths, int grid, int degree, int[] extensions) {
        this(kind, widths, grid, degree, extensions, false);
    }

    /** A KAN, e.g. {@code ModelSpec.kan(10, 3, 2, 10, 1)}. */
    public static ModelSpec kan(int grid, int degree, int... widths) {
        return new ModelSpec(Kind.KAN, widths, grid, degree, null);
    }

    /** A tanh MLP, e.g. {@code ModelSpec.mlp(2, 20, 20, 1)}. */
    public static ModelSpec mlp(int... widths) {
        // an MLP has no spline grid: G and k are placeholders, and there is nothing to extend
        return new ModelSpec(Kind.MLP, widths, 1, 1, null);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** The same model with another kind (an MLP has no grids to extend). */
    public ModelSpec withKind(Kind k) {
        return new ModelSpec(k, widths, grid, degree, k == Kind.KAN ? extensions : null, k == Kind.KAN && domainGrid);
    }

    /** The same model with other widths. */
    public ModelSpec withWidths(int... w) {
        return new ModelSpec(kind, w, grid, degree, extensions, domainGrid);
    }

    /** The same model with another grid size G. */
    public ModelSpec withGrid(int g) {
        return new ModelSpec(kind, widths, g, degree, extensions, domainGrid);
    }

    /** The same model with another spline degree k. */
    public ModelSpec withDegree(int k) {
        return new ModelSpec(kind, widths, grid, k, extensions, domainGrid);
    }

    /** The same model extended to finer grids after training, e.g. {@code withExtensions(10, 20)}. */
    public ModelSpec withExtensions(int... g) {
        return new ModelSpec(kind, widths, grid, degree, g, domainGrid);
    }

    /**
     * The same KAN with its first layer's grids on the domain's bounding box ({@code true}) or on {@code [-1, 1]}.
     *
     * @throws IllegalArgumentException for an MLP
     */
    public ModelSpec withDomainGrid(boolean onDomain) {
        return new ModelSpec(kind, widths, grid, degree, extensions, onDomain);
    }

    @Override
    public int[] extensions() {
        return extensions.clone();
    }

    /** The input width. */
    public int inputs() {
        return widths[0];
    }

    /** The output width. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** The network, every grid on {@code [-1, 1]} (also with {@link #domainGrid()}: no domain is given). */
    public Network build() {
        return kind == Kind.KAN ? Kan.widths(widths).grid(grid).degree(degree).build() : Mlp.widths(widths).build();
    }

    /**
     * The network for a domain: with {@link #domainGrid()} the first layer's grid of coordinate i spans
     * {@code [lower[i], upper[i]]}, else as {@link #build()}.
     *
     * @param lower the domain's bounding box, lower corner, one entry per input
     * @param upper its upper corner
     * @throws IllegalArgumentException if the corners do not fit the inputs or a side is empty
     */
    public Network build(double[] lower, double[] upper) {
        return kind == Kind.KAN && domainGrid
                ? Kan.widths(widths).grid(grid).degree(degree).inputRanges(lower, upper).build() : build();
    }

    /**
     * The network for a problem: this model, behind the problem's periodic embedding when it has one
     * (the first width counts the coordinates; the model's first layer then takes the embedding's outputs).
     * With {@link #domainGrid()} the first grids span the problem's domain box, or behind an embedding the
     * ranges of its outputs over that box ([-1, 1] for a cosine or sine, the box's side for a coordinate passed
     * through, such as t in [0, 1]).
     *
     * @throws IllegalArgumentException when the first width is not the problem's number of coordinates
     */
    public Network buildFor(Problem problem) {
        int coordinates = problem.coordinateNames().size();
        if (widths[0] != coordinates) {
            throw new IllegalArgumentException("the model's first width must be the number of coordinates of problem \""
                    + problem.name() + "\" " + problem.coordinateNames() + ", got widths " + Arrays.toString(widths));
        }
        if (problem.embedding().isEmpty()) {
            return build(problem.domain().lowerBounds(), problem.domain().upperBounds());
        }
        PeriodicEmbedding e = problem.embedding().get();
        int[] inner = widths.clone();
        inner[0] = e.outputWidth();
        double[][] ranges = e.outputRanges(problem.domain().lowerBounds(), problem.domain().upperBounds());
        return withWidths(inner).build(ranges[0], ranges[1]).withEmbedding(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && kind == m.kind && Arrays.equals(widths, m.widths) && grid == m.grid
                && degree == m.degree && Arrays.equals(extensions, m.extensions) && domainGrid == m.domainGrid;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + kind.hashCode() + 7 * grid + 13 * degree + Arrays.hashCode(extensions)
                + (domainGrid ? 1 : 0);
    }

    /** E.g. {@code KAN [2, 10, 1] G=5->10 k=3} or {@code MLP [2, 20, 20, 1] tanh}. */
    @Override
    public String toString() {
        String w = Arrays.toString(widths);
        StringBuilder g = new StringBuilder(Integer.toString(grid));
        for (int e : extensions) {
            g.append("->").append(e);
        }
        return kind == Kind.KAN ? String.format(Locale.ROOT, "KAN %s G=%s k=%d%s", w, g, degree,
                domainGrid ? " grid on domain" : "")
                : "MLP " + w + " tanh";
    }
}
