package org.pikan4j.core.tensor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The derivative components a jet carries: the value (component 0) and a set of partial
 * derivatives closed under taking lower derivatives (u_xx brings u_x; u_xy brings u_x and u_y),
 * because the chain rule needs them. Components are ordered by total order, then by coordinate.
 *
 * <p>The set also holds the two tables that make jet arithmetic exact for any component set:
 * the Faà di Bruno table (derivatives of f(g)) and the Leibniz table (derivatives of f·g).
 * Immutable.
 */
public final class DerivativeSet {

    private final int dimension;
    private final List<MultiIndex> components;
    private final Map<MultiIndex, Integer> indexOf;
    private final int maxOrder;
    private final FaaDiBrunoTable chainRule;
    private final LeibnizTable productRule;
    private final Map<MultiIndex, DerivativeSet> shifted = new ConcurrentHashMap<>();
    private final Map<DerivativeSet, DerivativeSet> intersections = new ConcurrentHashMap<>();
    private final Map<MultiIndex, int[]> shiftSources = new ConcurrentHashMap<>();
    private final int[] unitComponents;
    private final int hash;

    private DerivativeSet(int dimension, List<MultiIndex> components) {
        this.dimension = dimension;
        this.components = List.copyOf(components);
        this.hash = this.components.hashCode();
        this.indexOf = new HashMap<>();
        int highest = 0;
        for (int c = 0; c < components.size(); c++) {
            indexOf.put(components.get(c), c);
            highest = Math.max(highest, components.get(c).order());
        }
        this.maxOrder = highest;
        this.unitComponents = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            Integer c = indexOf.get(MultiIndex.unit(dimension, i));
            unitComponents[i] = c == null ? -1 : c;
        }
        this.chainRule = new FaaDiBrunoTable(this);
        this.productRule = new LeibnizTable(this);
    }

    /**
     * The smallest closed set holding the value and the requested derivatives.
     *
     * @param dimension number of input coordinates, at least 1
     * @param requested derivatives the caller needs; each must have {@code dimension} coordinates
     */
    public static DerivativeSet of(int dimension, Collection<MultiIndex> requested) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        TreeSet<MultiIndex> closed = new TreeSet<>();
        closed.add(MultiIndex.value(dimension));
        for (MultiIndex m : requested) {
            if (m.dimension() != dimension) {
                throw new IllegalArgumentException("derivative " + m + " has " + m.dimension()
                        + " coordinates, expected " + dimension);
            }
            addWithLowerDerivatives(m.counts(), 0, new int[dimension], closed);
        }
        return new DerivativeSet(dimension, new ArrayList<>(closed));
    }

    /** Same as {@link #of(int, Collection)} with derivatives written as names, e.g. ("xx", "yy"). */
    public static DerivativeSet parse(List<String> coordinateNames, String... derivatives) {
        List<MultiIndex> list = new ArrayList<>();
        for (String d : derivatives) {
            list.add(MultiIndex.parse(d, coordinateNames));
        }
        return of(coordinateNames.size(), list);
    }

    /** Only the value, no derivatives. */
    public static DerivativeSet valueOnly(int dimension) {
        return of(dimension, List.of());
    }

    private static void addWithLowerDerivatives(int[] top, int coordinate, int[] current,
                                                TreeSet<MultiIndex> into) {
        if (coordinate == top.length) {
            into.add(MultiIndex.of(current));
            return;
        }
        for (int c = 0; c <= top[coordinate]; c++) {
            current[coordinate] = c;
            addWithLowerDerivatives(top, coordinate + 1, current, into);
        }
        current[coordinate] = 0;
    }

    /** Number of input coordinates. */
    public int dimension() {
        return dimension;
    }

    /** Number of components, the value included. */
    public int size() {
        return components.size();
    }

    /** Highest total derivative order in the set (0 for the value only). */
    public int maxOrder() {
        return maxOrder;
    }

    /** The multi-index of component {@code c}. */
    public MultiIndex component(int c) {
        return components.get(c);
    }

    /** All components in order, the value first. */
    public List<MultiIndex> components() {
        return components;
    }

    /**
     * The component of the first derivative along coordinate i, or -1 when the set does not
     * carry it (precomputed: input jets are built from it for every block of points).
     */
    public int unitComponent(int i) {
        return unitComponents[i];
    }

    /** True when the set carries this derivative. */
    public boolean contains(MultiIndex m) {
        return indexOf.containsKey(m);
    }

    /**
     * The component index of a derivative.
     *
     * @throws IllegalArgumentException naming the derivative and the available ones when absent
     */
    public int indexOf(MultiIndex m) {
        Integer c = indexOf.get(m);
        if (c == null) {
            throw new IllegalArgumentException("derivative " + m + " is not propagated; available: "
                    + components + " (declare it when building the derivative set)");
        }
        return c;
    }

    /** True when every derivative of {@code other} is also carried here. */
    public boolean containsAll(DerivativeSet other) {
        return other.dimension == dimension && indexOf.keySet().containsAll(other.components);
    }

    /** The chain-rule table for derivatives of f(g). */
    public FaaDiBrunoTable chainRule() {
        return chainRule;
    }

    /** The product-rule table for derivatives of f·g. */
    public LeibnizTable productRule() {
        return productRule;
    }

    /**
     * The components a derivative of this jet still carries: {β : α + β in this set}. Taking
     * u_x of a jet with {1, x, y, xx, xy} leaves {1, x, y} (u_x, u_xx, u_xy). Memoized.
     */
    public DerivativeSet shift(MultiIndex alpha) {
        return shifted.computeIfAbsent(alpha, a -> {
            List<MultiIndex> kept = new ArrayList<>();
            for (MultiIndex beta : components) {
                if (a.order() + beta.order() <= MultiIndex.MAX_ORDER && contains(plus(a, beta))) {
                    kept.add(beta);
                }
            }
            return new DerivativeSet(dimension, kept);
        });
    }

    /**
     * For each component β of {@link #shift shift(α)}, the component of α + β in this set: where
     * the derivative along α of a jet reads its entries. Memoized.
     */
    int[] shiftSources(MultiIndex alpha) {
        return shiftSources.computeIfAbsent(alpha, a -> {
            DerivativeSet target = shift(a);
            int[] source = new int[target.size()];
            for (int k = 0; k < source.length; k++) {
                source[k] = indexOf(plus(a, target.component(k)));
            }
            return source;
        });
    }

    /** The components both sets carry (closed, since both are). Memoized. */
    public DerivativeSet intersect(DerivativeSet other) {
        if (other == this || other.equals(this)) {
            return this;
        }
        return intersections.computeIfAbsent(other, o -> {
            List<MultiIndex> kept = new ArrayList<>();
            for (MultiIndex m : components) {
                if (o.contains(m)) {
                    kept.add(m);
                }
            }
            return new DerivativeSet(dimension, kept);
        });
    }

    /** The sum of two multi-indices (may exceed this set). */
    static MultiIndex plus(MultiIndex a, MultiIndex b) {
        int[] counts = a.counts();
        for (int i = 0; i < counts.length; i++) {
            counts[i] += b.count(i);
        }
        return MultiIndex.of(counts);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof DerivativeSet && ((DerivativeSet) o).hash == hash
                && ((DerivativeSet) o).components.equals(components);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "DerivativeSet" + components;
    }
}
