package org.pikan4j.problems.geometry;

/**
 * The axis-aligned box {@code [x0, x1] x [y0, y1] x [z0, z1]} with coordinates "x", "y", "z".
 * Boundary pieces, named as for {@link Rectangle} plus a depth pair:
 * <ul>
 *   <li>"left" {@code x = x0}, "right" {@code x = x1},</li>
 *   <li>"bottom" {@code y = y0}, "top" {@code y = y1},</li>
 *   <li>"front" {@code z = z0}, "back" {@code z = z1}.</li>
 * </ul>
 * Since such names are a convention, every face is also reachable by its plane, e.g. "z=0".
 */
public final class Box extends HyperRectangle {

    private Box(double x0, double x1, double y0, double y1, double z0, double z1) {
        super(new double[] {x0, y0, z0}, new double[] {x1, y1, z1},
                new String[] {"left", "right", "bottom", "top", "front", "back"});
    }

    /**
     * @param x0 lower x
     * @param x1 upper x, {@code > x0}
     * @param y0 lower y
     * @param y1 upper y, {@code > y0}
     * @param z0 lower z
     * @param z1 upper z, {@code > z0}
     * @return the box
     */
    public static Box of(double x0, double x1, double y0, double y1, double z0, double z1) {
        Checks.ordered("Box", "x0", x0, "x1", x1);
        Checks.ordered("Box", "y0", y0, "y1", y1);
        Checks.ordered("Box", "z0", z0, "z1", z1);
        return new Box(x0, x1, y0, y1, z0, z1);
    }

    @Override
    public String toString() {
        double[] lo = lowerBounds();
        double[] hi = upperBounds();
        return "Box[" + lo[0] + ", " + hi[0] + "] x [" + lo[1] + ", " + hi[1] + "] x [" + lo[2] + ", " + hi[2] + "]";
    }
}
