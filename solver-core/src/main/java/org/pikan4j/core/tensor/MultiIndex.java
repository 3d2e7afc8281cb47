package org.pikan4j.core.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * A partial derivative as a multi-index: how many times to differentiate along each input
 * coordinate. {@code (2, 0)} is u_xx, {@code (1, 1)} is u_xy, the zero index is the value itself.
 * Immutable.
 */
public final class MultiIndex implements Comparable<MultiIndex> {

    /** Highest total order the derivative engine propagates (u_xxxx for beams and KdV). */
    public static final int MAX_ORDER = 4;

    private final int[] counts;
    private final int order;

    private MultiIndex(int[] counts) {
        this.counts = counts;
        this.order = Arrays.stream(counts).sum();
    }

    /**
     * The multi-index with the given derivative counts per coordinate.
     *
     * @param counts non-negative counts, one per input coordinate, total at most {@link #MAX_ORDER}
     */
    public static MultiIndex of(int... counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("counts must name at least one coordinate, got none");
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException(
                        "counts[" + i + "] must be >= 0, got " + counts[i]);
            }
        }
        MultiIndex index = new MultiIndex(counts.clone());
        if (index.order > MAX_ORDER) {
            throw new IllegalArgumentException("derivative order must be <= " + MAX_ORDER
                    + ", got " + index.order + " for " + Arrays.toString(counts));
        }
        return index;
    }

    /** The value itself (no differentiation) in the given number of coordinates. */
    public static MultiIndex value(int dimension) {
        return of(new int[dimension]);
    }

    /** The first derivative along one coordinate. */
    public static MultiIndex unit(int dimension, int coordinate) {
        int[] counts = new int[dimension];
        counts[coordinate] = 1;
        return of(counts);
    }

    /**
     * Parses a derivative written as coordinate names, e.g. {@code "xy"} or {@code "xxxx"} with
     * names {@code [x, y]}. Names may be longer than one letter only when all are single letters
     * is not the case; then they are matched greedily from the longest name.
     *
     * @param spec the derivative, e.g. {@code "xx"}; empty means the value
     * @param names the coordinate names, in input order
     */
    public static MultiIndex parse(String spec, List<String> names) {
        int[] counts = new int[names.size()];
        int pos = 0;
        while (pos < spec.length()) {
            int best = -1;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (spec.startsWith(name, pos)
                        && (best < 0 || name.length() > names.get(best).length())) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("unknown derivative \"" + spec
                        + "\": \"" + spec.substring(pos) + "\" does not start with a coordinate name; valid names are "
                        + names + " (e.g. \"" + names.get(0) + names.get(0) + "\")");
            }
            counts[best]++;
            pos += names.get(best).length();
        }
        int order = Arrays.stream(counts).sum();
        if (order > MAX_ORDER) {
            throw new IllegalArgumentException("derivative \"" + spec + "\" has order " + order
                    + "; the engine propagates orders up to " + MAX_ORDER);
        }
        return new MultiIndex(counts);
    }

    /** Number of coordinates. */
    public int dimension() {
        return counts.length;
    }

    /** Total order, the sum of the counts. */
    public int order() {
        return order;
    }

    /** Derivative count along one coordinate. */
    public int count(int coordinate) {
        return counts[coordinate];
    }

    /** The counts as a new array. */
    public int[] counts() {
        return counts.clone();
    }

    /** The coordinates differentiated, each repeated by its count, in increasing order: u_xxy -> [0, 0, 1]. */
    int[] coordinateList() {
        int[] list = new int[order];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                list[k++] = i;
            }
        }
        return list;
    }

    /** True when every count is at most the other's count. */
    public boolean isBelowOrEqual(MultiIndex other) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > other.counts[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the derivative with coordinate names, e.g. {@code "xy"}; the value is {@code ""}. */
    public String toString(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            s.append(names.get(i).repeat(counts[i]));
        }
        return s.toString();
    }

    @Override
    public int compareTo(MultiIndex o) {
        if (order != o.order) {
            return Integer.compare(order, o.order);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != o.counts[i]) {
                return Integer.compare(o.counts[i], counts[i]);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiIndex && Arrays.equals(counts, ((MultiIndex) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "d" + Arrays.toString(counts);
    }
}
