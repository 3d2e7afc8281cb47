package org.pikan4j.problems.catalog;

import java.util.Arrays;
import java.util.Locale;
import org.pikan4j.core.nn.Kan;
import org.pikan4j.core.nn.Mlp;
import org.pikan4j.core.nn.Network;

/**
 * A trial solution described by values a user can read and override one at a time: a KAN
 * ({@code widths}, grid intervals G, spline degree k) or a tanh MLP ({@code widths}; G and k
 * unused). Immutable; {@link #build()} gives the network.
 *
 * @param kind   KAN or MLP
 * @param widths layer widths, input first, at least two entries, each {@code >= 1}
 * @param grid   KAN grid intervals G, {@code >= 1}
 * @param degree KAN spline degree k, {@code >= 1}
 */
public record ModelSpec(Kind kind, int[] widths, int grid, int degree) {

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
        widths = widths.clone();
    }

    /** A KAN, e.g. {@code ModelSpec.kan(10, 3, 2, 10, 1)}. */
    public static ModelSpec kan(int grid, int degree, int... widths) {
        return new ModelSpec(Kind.KAN, widths, grid, degree);
    }

    /** A tanh MLP, e.g. {@code ModelSpec.mlp(2, 20, 20, 1)}. */
    public static ModelSpec mlp(int... widths) {
        return new ModelSpec(Kind.MLP, widths, 1, 1);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** The same model with another kind. */
    public ModelSpec withKind(Kind k) {
        return new ModelSpec(k, widths, grid, degree);
    }

    /** The same model with other widths. */
    public ModelSpec withWidths(int... w) {
        return new ModelSpec(kind, w, grid, degree);
    }

    /** The same model with another grid size G. */
    public ModelSpec withGrid(int g) {
        return new ModelSpec(kind, widths, g, degree);
    }

    /** The same model with another spline degree k. */
    public ModelSpec withDegree(int k) {
        return new ModelSpec(kind, widths, grid, k);
    }

    /** The input width. */
    public int inputs() {
        return widths[0];
    }

    /** The output width. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** The network. */
    public Network build() {
        return kind == Kind.KAN ? Kan.widths(widths).grid(grid).degree(degree).build() : Mlp.widths(widths).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec m && kind == m.kind && Arrays.equals(widths, m.widths) && grid == m.grid
                && degree == m.degree;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + kind.hashCode() + 7 * grid + 13 * degree;
    }

    /** E.g. {@code KAN [2, 10, 1] G=10 k=3} or {@code MLP [2, 20, 20, 1] tanh}. */
    @Override
    public String toString() {
        String w = Arrays.toString(widths);
        return kind == Kind.KAN ? String.format(Locale.ROOT, "KAN %s G=%d k=%d", w, grid, degree)
                : "MLP " + w + " tanh";
    }
}
