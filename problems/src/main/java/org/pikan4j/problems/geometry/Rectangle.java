package org.pikan4j.problems.geometry;

/**
 * The axis-aligned rectangle {@code [x0, x1] x [y0, y1]} with coordinates "x", "y". Boundary pieces:
 * "left" ({@code x = x0}), "right" ({@code x = x1}), "bottom" ({@code y = y0}), "top"
 * ({@code y = y1}); each is also reachable by its plane, e.g. "x=0".
 */
public final class Rectangle extends HyperRectangle {

    private Rectangle(double x0, double x1, double y0, double y1) {
        super(new double[] {x0, y0}, new double[] {x1, y1}, new String[] {"left", "right", "bottom", "top"});
    }

    /**
     * @param x0 left side
     * @param x1 right side, {@code > x0}
     * @param y0 bottom side
     * @param y1 top side, {@code > y0}
     * @return the rectangle
     */
    public static Rectangle of(double x0, double x1, double y0, double y1) {
        Checks.ordered("Rectangle", "x0", x0, "x1", x1);
        Checks.ordered("Rectangle", "y0", y0, "y1", y1);
        return new Rectangle(x0, x1, y0, y1);
    }

    @Override
    public String toString() {
        double[] lo = lowerBounds();
        double[] hi = upperBounds();
        return "Rectangle[" + lo[0] + ", " + hi[0] + "] x [" + lo[1] + ", " + hi[1] + "]";
    }
}
