package org.pikan4j.problems.geometry;

/**
 * The closed interval {@code [a, b]} with coordinate "x". Boundary pieces: "left" ({@code x = a},
 * normal -1) and "right" ({@code x = b}, normal +1), also reachable as "x=a", "x=b" with the numbers
 * filled in. Each end point counts with measure 1, so {@code sampleBoundary(n, ...)} splits the
 * {@code n} points evenly between the two ends (repeated points; the extra one of an odd n goes
 * left).
 */
public final class Interval extends HyperRectangle {

    private Interval(double a, double b) {
        super(new double[] {a}, new double[] {b}, new String[] {"left", "right"});
    }

    /**
     * @param a the left end, finite
     * @param b the right end, finite, {@code > a}
     * @return the interval {@code [a, b]}
     */
    public static Interval of(double a, double b) {
        Checks.ordered("Interval", "a", a, "b", b);
        return new Interval(a, b);
    }

    /** @return the left end a */
    public double a() {
        return lowerBounds()[0];
    }

    /** @return the right end b */
    public double b() {
        return upperBounds()[0];
    }

    @Override
    public String toString() {
        return "Interval[" + a() + ", " + b() + "]";
    }
}
