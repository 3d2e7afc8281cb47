package org.pikan4j.problems.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An axis-aligned box in any dimension; the common base of {@link Interval}, {@link Rectangle}, {@link Box}. */
abstract sealed class HyperRectangle extends AbstractDomain permits Interval, Rectangle, Box {

    private final double[] lower;
    private final double[] upper;
    private final BoundaryModel model;

    /**
     * @param lower     lower corner
     * @param upper     upper corner, component-wise greater than lower
     * @param faceNames for each axis, the names of the lower and the upper face
     */
    HyperRectangle(double[] lower, double[] upper, String[] faceNames) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        List<BoundaryPiece> faces = new ArrayList<>();
        for (int axis = 0; axis < lower.length; axis++) {
            faces.add(new AxisFace(faceNames[2 * axis], lower, upper, axis, false));
            faces.add(new AxisFace(faceNames[2 * axis + 1], lower, upper, axis, true));
        }
        this.model = BoundaryModel.exact(faces);
    }

    @Override
    public int dimension() {
        return lower.length;
    }

    @Override
    public double[] lowerBounds() {
        return lower.clone();
    }

    @Override
    public double[] upperBounds() {
        return upper.clone();
    }

    @Override
    public double measure() {
        double m = 1;
        for (int j = 0; j < lower.length; j++) {
            m *= upper[j] - lower[j];
        }
        return m;
    }

    @Override
    double distance(double[] p) {
        double outside = 0;
        double largest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < p.length; j++) {
            double q = Math.max(lower[j] - p[j], p[j] - upper[j]);
            largest = Math.max(largest, q);
            if (q > 0) {
                outside += q * q;
            }
        }
        return largest > 0 ? Math.sqrt(outside) : largest;
    }

    @Override
    BoundaryModel boundaryModel() {
        return model;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(lower, ((HyperRectangle) o).lower)
                && Arrays.equals(upper, ((HyperRectangle) o).upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }
}
