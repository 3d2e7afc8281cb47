package org.pikan4j.core.refine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.pikan4j.core.util.Arguments;

/**
 * How to pick the intervals (or regions) to refine from their error indicators, as in adaptive FEM. Immutable.
 *
 * <ul>
 *   <li>{@link #dorfler(double) Dörfler (bulk) marking}: the smallest set whose indicators add up to at least
 *       θ times the total; the largest indicators are taken first.</li>
 *   <li>{@link #fixedFraction(double) fixed fraction}: the {@code ceil(f·n)} largest indicators.</li>
 * </ul>
 * Ties are broken by the lower index, so marking is deterministic.
 */
public final class Marking {

    private final boolean bulk;
    private final double parameter;

    private Marking(boolean bulk, double parameter) {
        this.bulk = bulk;
        this.parameter = parameter;
    }

    /**
     * Dörfler marking.
     *
     * @param theta the bulk fraction, in {@code (0, 1]}
     * @return the marking
     */
    public static Marking dorfler(double theta) {
        if (!(theta > 0.0 && theta <= 1.0)) {
            throw new IllegalArgumentException("theta (Dörfler bulk fraction) must be in (0, 1], got " + theta);
        }
        return new Marking(true, theta);
    }

    /**
     * Fixed-fraction marking.
     *
     * @param fraction the fraction of intervals to mark, in {@code (0, 1]}
     * @return the marking
     */
    public static Marking fixedFraction(double fraction) {
        if (!(fraction > 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction (of intervals to mark) must be in (0, 1], got " + fraction);
        }
        return new Marking(false, fraction);
    }

    /**
     * Marks intervals.
     *
     * @param indicators one indicator per interval, finite and &gt;= 0
     * @return the marked indices, ascending; empty when all indicators are 0 under Dörfler marking
     * @throws IllegalArgumentException if an indicator is negative or not finite
     */
    public int[] mark(double[] indicators) {
        Arguments.notNull("indicators", indicators);
        double total = 0.0;
        for (int j = 0; j < indicators.length; j++) {
            if (!(indicators[j] >= 0.0) || Double.isInfinite(indicators[j])) {
                throw new IllegalArgumentException("indicators[" + j + "] must be finite and >= 0, got "
                        + indicators[j]);
            }
            total += indicators[j];
        }
        Integer[] order = IntStream.range(0, indicators.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -indicators[j]).thenComparingInt(j -> j));
        int count;
        if (bulk) {
            double target = parameter * total * (1.0 - 1e-12);   // round-off of the two summation orders
            double sum = 0.0;
            count = 0;
            while (count < order.length && sum < target) {
                sum += indicators[order[count++]];
            }
        } else {
            count = (int) Math.ceil(parameter * indicators.length * (1.0 - 1e-12));
        }
        int[] marked = new int[count];
        for (int m = 0; m < count; m++) {
            marked[m] = order[m];
        }
        Arrays.sort(marked);
        return marked;
    }

    @Override
    public String toString() {
        return bulk ? "Marking[Dörfler theta=" + parameter + "]" : "Marking[fixed fraction " + parameter + "]";
    }
}
