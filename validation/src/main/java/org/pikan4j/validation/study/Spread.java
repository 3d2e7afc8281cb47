package org.pikan4j.validation.study;

import java.util.Arrays;

/**
 * Median, smallest and largest of a few values (one per seed). NaN values (a diverged run)
 * count as larger than any number, so a NaN shows in the maximum, and in the median when half the
 * runs diverged.
 *
 * @param median the median (mean of the middle two for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 */
public record Spread(double median, double min, double max) {

    /**
     * The spread of the values.
     *
     * @throws IllegalArgumentException when there are none
     */
    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("need at least one value");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        return new Spread(median, v[0], v[n - 1]);
    }
}
