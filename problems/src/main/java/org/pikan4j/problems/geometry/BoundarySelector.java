package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pikan4j.core.util.Arguments;

/**
 * Chooses boundary points of a {@link BoundarySample}: by piece name, by a predicate on the point,
 * or by combinations. Immutable. Names are checked when the selector is applied
 * ({@link BoundarySample#select(BoundarySelector)}): a name that is no piece of the sampled domain
 * is an error whose message lists the valid names.
 *
 * <pre>{@code
 * BoundarySample walls = sample.select(BoundarySelector.named("top", "bottom"));
 * BoundarySample inlet = sample.select(BoundarySelector.onPlane("x", 0.0));
 * BoundarySample upper = sample.select(BoundarySelector.where(p -> p[1] > 0.5));
 * }</pre>
 */
public final class BoundarySelector {

    /** Tests one boundary point, given the piece it lies on. */
    @FunctionalInterface
    interface Matcher {
        boolean test(double[] point, String piece);
    }

    /** Every boundary point. */
    public static final BoundarySelector ALL = new BoundarySelector("ALL", catalog -> (p, piece) -> true);

    private final String description;
    private final Function<PieceCatalog, Matcher> binder;

    private BoundarySelector(String description, Function<PieceCatalog, Matcher> binder) {
        this.description = description;
        this.binder = binder;
    }

    /**
     * Points on the named pieces. A name is a piece name ("left", "circle", "edge3") or a plane alias
     * "coordinate=value" for axis-aligned flat pieces ("x=0", "y=1.5").
     *
     * @param names one or more piece names
     * @return the selector
     */
    public static BoundarySelector named(String... names) {
        Arguments.notNull("names", names);
        if (names.length == 0) {
            throw new IllegalArgumentException("named(...) needs at least one piece name, got none");
        }
        List<String> list = List.of(names);
        return new BoundarySelector("named" + list, catalog -> {
            Set<String> pieces = new HashSet<>();
            for (String name : list) {
                pieces.addAll(catalog.resolve(name));
            }
            return (p, piece) -> pieces.contains(piece);
        });
    }

    /**
     * Points satisfying a predicate (the predicate receives a copy of the point).
     *
     * @param predicate the condition on the point's coordinates
     * @return the selector
     */
    public static BoundarySelector where(Predicate<double[]> predicate) {
        Arguments.notNull("predicate", predicate);
        return new BoundarySelector("where(" + predicate + ")", catalog -> (p, piece) -> predicate.test(p.clone()));
    }

    /**
     * Points with {@code |p[coordinate] - value| <= 1e-9 * max(1, |value|)}.
     *
     * @param coordinate the coordinate index (0 for x)
     * @param value      the plane position
     * @return the selector
     */
    public static BoundarySelector onPlane(int coordinate, double value) {
        return onPlane(coordinate, value, 1e-9 * Math.max(1, Math.abs(value)));
    }

    /**
     * Points with {@code |p[coordinate] - value| <= tolerance}.
     *
     * @param coordinate the coordinate index (0 for x)
     * @param value      the plane position
     * @param tolerance  the accepted distance, {@code >= 0}
     * @return the selector
     */
    public static BoundarySelector onPlane(int coordinate, double value, double tolerance) {
        Checks.finite("onPlane value", value);
        Checks.finite("onPlane tolerance", tolerance);
        if (coordinate < 0 || tolerance < 0) {
            throw new IllegalArgumentException("onPlane needs coordinate >= 0 and tolerance >= 0, got coordinate = "
                    + coordinate + ", tolerance = " + tolerance);
        }
        return new BoundarySelector("onPlane(" + coordinate + ", " + value + ")", catalog -> {
            if (coordinate >= catalog.dimension()) {
                throw new IllegalArgumentException("onPlane coordinate index " + coordinate
                        + " is out of range for a " + catalog.dimension() + "-dimensional domain; valid are 0 to "
                        + (catalog.dimension() - 1));
            }
            return (p, piece) -> Math.abs(p[coordinate] - value) <= tolerance;
        });
    }

    /**
     * Points on the plane {@code coordinate = value}, the coordinate given by name ("x", "y", "z", "t").
     *
     * @param coordinate the coordinate name
     * @param value      the plane position
     * @return the selector
     */
    public static BoundarySelector onPlane(String coordinate, double value) {
        Arguments.notNull("coordinate", coordinate);
        Checks.finite("onPlane value", value);
        double tolerance = 1e-9 * Math.max(1, Math.abs(value));
        return new BoundarySelector("onPlane(" + coordinate + ", " + value + ")", catalog -> {
            int axis = catalog.coordinateIndex(coordinate);
            return (p, piece) -> Math.abs(p[axis] - value) <= tolerance;
        });
    }

    /**
     * @param selectors one or more selectors
     * @return points chosen by any of them
     */
    public static BoundarySelector anyOf(BoundarySelector... selectors) {
        Arguments.notNull("selectors", selectors);
        if (selectors.length == 0) {
            throw new IllegalArgumentException("anyOf(...) needs at least one selector, got none");
        }
        List<BoundarySelector> list = List.of(selectors);
        return new BoundarySelector("anyOf" + list, catalog -> {
            List<Matcher> matchers = new ArrayList<>();
            for (BoundarySelector s : list) {
                matchers.add(s.bind(catalog));
            }
            return (p, piece) -> matchers.stream().anyMatch(m -> m.test(p, piece));
        });
    }

    /**
     * @param other another selector
     * @return points chosen by this or other
     */
    public BoundarySelector or(BoundarySelector other) {
        return anyOf(this, Arguments.notNull("other selector", other));
    }

    /**
     * @param other another selector
     * @return points chosen by both this and other
     */
    public BoundarySelector and(BoundarySelector other) {
        Arguments.notNull("other selector", other);
        return new BoundarySelector("(" + this + " and " + other + ")", catalog -> {
            Matcher a = bind(catalog);
            Matcher b = other.bind(catalog);
            return (p, piece) -> a.test(p, piece) && b.test(p, piece);
        });
    }

    /** Resolves names against the catalog; throws for unknown names. */
    Matcher bind(PieceCatalog catalog) {
        return binder.apply(catalog);
    }

    @Override
    public String toString() {
        return description;
    }
}
