package org.pikan4j.problems.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * A quantity at every point of a block, with its derivatives: a field, a coordinate, a source or
 * any expression built from them. Derivatives are taken by coordinate name ({@code u.d("xy")}),
 * arithmetic and elementary functions are exact for every derivative. Immutable; an expression
 * belongs to the {@link Scope} it was built in.
 */
public final class Expr {

    private final Scope scope;
    private final Jet jet;
    /** Field derivatives the value depends on (only during the build-time dry run, else null). */
    private final Set<MultiIndex> reads;

    Expr(Scope scope, Jet jet, Set<MultiIndex> reads) {
        this.scope = scope;
        this.jet = jet;
        this.reads = reads;
    }

    /** The scope this expression was built in: fields, coordinates, sources, coefficients. */
    public Scope scope() {
        return scope;
    }

    /** The underlying jet, for code that works with the engine directly. */
    public Jet jet() {
        return jet;
    }

    Set<MultiIndex> reads() {
        return reads;
    }

    // ---- derivatives ------------------------------------------------------------------------

    /**
     * A derivative by coordinate names: {@code "x"}, {@code "xx"}, {@code "xy"}, {@code "t"};
     * the empty string is the expression itself.
     *
     * @throws IllegalArgumentException naming the derivative and the valid coordinate names
     */
    public Expr d(String derivative) {
        if (derivative == null) {
            throw new IllegalArgumentException("derivative must not be null; write it with the coordinate names "
                    + scope.coordinateNames());
        }
        return d(MultiIndex.parse(derivative, scope.coordinateNames()));
    }

    /** A derivative as a multi-index over all coordinates. */
    public Expr d(MultiIndex alpha) {
        int dimension = scope.coordinateNames().size();
        if (alpha.dimension() != dimension) {
            throw new IllegalArgumentException("derivative " + alpha + " has " + alpha.dimension()
                    + " coordinates, but the problem has " + dimension + ": " + scope.coordinateNames());
        }
        if (alpha.order() == 0) {
            return this;
        }
        Set<MultiIndex> shifted = null;
        if (reads != null) {
            shifted = new HashSet<>();
            for (MultiIndex r : reads) {
                shifted.add(sum(r, alpha));
            }
        } else if (!jet.set().contains(alpha)) {
            throw new IllegalStateException("derivative " + alpha.toString(scope.coordinateNames())
                    + " was not propagated; it was not read when the problem was built");
        }
        return new Expr(scope, jet.d(alpha), shifted);
    }

    private MultiIndex sum(MultiIndex a, MultiIndex b) {
        int[] counts = a.counts();
        int order = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += b.count(i);
            order += counts[i];
        }
        if (order > MultiIndex.MAX_ORDER) {
            throw new IllegalArgumentException("an expression reads the derivative \"" + names(counts)
                    + "\" of total order " + order + "; the engine propagates orders up to " + MultiIndex.MAX_ORDER);
        }
        return MultiIndex.of(counts);
    }

    private String names(int[] counts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            s.append(scope.coordinateNames().get(i).repeat(counts[i]));
        }
        return s.toString();
    }

    /** The Laplacian over the spatial coordinates (t excluded for space-time problems). */
    public Expr laplacian() {
        Expr sum = null;
        for (String name : scope.spatialNames()) {
            Expr second = d(name + name);
            sum = sum == null ? second : sum.plus(second);
        }
        return sum;
    }

    /** The spatial gradient, one derivative per spatial coordinate. */
    public Expr[] gradient() {
        List<String> spatial = scope.spatialNames();
        Expr[] g = new Expr[spatial.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = d(spatial.get(i));
        }
        return g;
    }

    /** The divergence of a vector of expressions, one per spatial coordinate (see {@link Scope#divergence}). */
    public static Expr divergence(Expr... components) {
        if (components.length == 0) {
            throw new IllegalArgumentException("divergence needs one component per spatial coordinate, got none");
        }
        return components[0].scope.divergence(components);
    }

    // ---- arithmetic -------------------------------------------------------------------------

    /** this + other. */
    public Expr plus(Expr other) {
        return combine(other, () -> jet.plus(other.jet));
    }

    /** this - other. */
    public Expr minus(Expr other) {
        return combine(other, () -> jet.minus(other.jet));
    }

    /** this · other. */
    public Expr times(Expr other) {
        return combine(other, () -> jet.times(other.jet));
    }

    /** this / other. */
    public Expr div(Expr other) {
        return combine(other, () -> jet.div(other.jet));
    }

    /** this + c. */
    public Expr plus(double c) {
        return same(jet.plus(c));
    }

    /** this - c. */
    public Expr minus(double c) {
        return same(jet.minus(c));
    }

    /** c · this. */
    public Expr times(double c) {
        return same(jet.times(c));
    }

    /** this / c. */
    public Expr div(double c) {
        return same(jet.times(1.0 / c));
    }

    /** -this. */
    public Expr negate() {
        return same(jet.negate());
    }

    // ---- elementary functions ---------------------------------------------------------------

    /** this^p. */
    public Expr pow(double p) {
        return same(jet.pow(p));
    }

    /** this². */
    public Expr square() {
        return same(jet.square());
    }

    /** √this. */
    public Expr sqrt() {
        return same(jet.sqrt());
    }

    /** sin(this). */
    public Expr sin() {
        return same(jet.sin());
    }

    /** cos(this). */
    public Expr cos() {
        return same(jet.cos());
    }

    /** exp(this). */
    public Expr exp() {
        return same(jet.exp());
    }

    /** log(this). */
    public Expr log() {
        return same(jet.log());
    }

    /** tanh(this). */
    public Expr tanh() {
        return same(jet.tanh());
    }

    /** Any function of this expression written with jets, e.g. {@code e.apply(j -> j.apply(f))}. */
    public Expr apply(UnaryOperator<Jet> f) {
        return same(f.apply(jet));
    }

    // ---- shortcuts to the scope -------------------------------------------------------------

    /** Another field by name (see {@link Scope#field}). */
    public Expr field(String name) {
        return scope.field(name);
    }

    /** A coordinate by name (see {@link Scope#coord}). */
    public Expr coord(String name) {
        return scope.coord(name);
    }

    /** Coordinate i (see {@link Scope#x}). */
    public Expr x(int i) {
        return scope.x(i);
    }

    /** A source term (see {@link Scope#source}). */
    public Expr source(ToDoubleFunction<double[]> f) {
        return scope.source(f);
    }

    /** A trainable coefficient (see {@link Scope#coefficient}). */
    public Expr coefficient(String name) {
        return scope.coefficient(name);
    }

    /** A fixed parameter's value (see {@link Scope#parameter}). */
    public double parameter(String name) {
        return scope.parameter(name);
    }

    /** A constant (see {@link Scope#constant}). */
    public Expr constant(double c) {
        return scope.constant(c);
    }

    private Expr same(Jet result) {
        return new Expr(scope, result, reads);
    }

    private Expr combine(Expr other, java.util.function.Supplier<Jet> operation) {
        scope.checkSameBlock(other);
        Jet result = operation.get();
        Set<MultiIndex> union = null;
        if (reads != null && other.reads != null) {
            union = new HashSet<>(reads);
            union.addAll(other.reads);
        }
        return new Expr(scope, result, union);
    }
}
