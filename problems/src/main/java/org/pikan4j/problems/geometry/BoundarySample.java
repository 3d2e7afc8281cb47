package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pikan4j.core.util.Arguments;

/**
 * Boundary points of a domain, each with its outward unit normal and the name of the boundary piece
 * it lies on. Immutable: the accessors return copies.
 */
public final class BoundarySample {

    private final double[][] points;
    private final double[][] normals;
    private final String[] pieces;
    private final PieceCatalog catalog;

    BoundarySample(double[][] points, double[][] normals, String[] pieces, PieceCatalog catalog) {
        this.points = points;
        this.normals = normals;
        this.pieces = pieces;
        this.catalog = catalog;
    }

    /** @return the number of points */
    public int size() {
        return points.length;
    }

    /** @return true if the sample has no points, e.g. a selection that matched nothing */
    public boolean isEmpty() {
        return points.length == 0;
    }

    /** @return the points, {@code [size()][dimension]} (a copy) */
    public double[][] points() {
        return deepCopy(points);
    }

    /** @return the outward unit normals, parallel to {@link #points()} (a copy) */
    public double[][] normals() {
        return deepCopy(normals);
    }

    /** @return the piece name of each point (a copy) */
    public String[] pieces() {
        return pieces.clone();
    }

    /**
     * @param i index in {@code [0, size())}
     * @return point i (a copy)
     */
    public double[] point(int i) {
        return points[i].clone();
    }

    /**
     * @param i index in {@code [0, size())}
     * @return the outward unit normal at point i (a copy)
     */
    public double[] normal(int i) {
        return normals[i].clone();
    }

    /**
     * @param i index in {@code [0, size())}
     * @return the piece name of point i
     */
    public String piece(int i) {
        return pieces[i];
    }

    /** @return the names of all boundary pieces of the sampled domain, whether or not they hold points */
    public List<String> pieceNames() {
        return catalog.names();
    }

    /** @return the number of points on each piece, in piece order */
    public Map<String, Integer> countsByPiece() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : catalog.names()) {
            counts.put(name, 0);
        }
        for (String piece : pieces) {
            counts.merge(piece, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The points chosen by a selector, with their normals and pieces, in the original order.
     *
     * @param selector the selector
     * @return the subset; {@link #isEmpty()} tells whether it matched nothing
     * @throws IllegalArgumentException if the selector names a piece the domain does not have
     */
    public BoundarySample select(BoundarySelector selector) {
        BoundarySelector.Matcher matcher = Arguments.notNull("selector", selector).bind(catalog);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            if (matcher.test(points[i], pieces[i])) {
                chosen.add(i);
            }
        }
        double[][] p = new double[chosen.size()][];
        double[][] q = new double[chosen.size()][];
        String[] s = new String[chosen.size()];
        for (int k = 0; k < s.length; k++) {
            int i = chosen.get(k);
            p[k] = points[i];
            q[k] = normals[i];
            s[k] = pieces[i];
        }
        return new BoundarySample(p, q, s, catalog);
    }

    /**
     * Shorthand for {@code select(BoundarySelector.named(names))}.
     *
     * @param names piece names or plane aliases
     * @return the points on those pieces
     */
    public BoundarySample select(String... names) {
        return select(BoundarySelector.named(names));
    }

    @Override
    public String toString() {
        return "BoundarySample[size=" + size() + ", " + countsByPiece() + "]";
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
