package org.pikan4j.core.refine;

/**
 * The outcome of a collocation refinement: the new point set (for {@code ResidualTerm.withPoints}), which pool
 * points it took, and a record of what changed. Immutable (arrays are copied in and out).
 */
public final class CollocationChange {

    private final double[][] points;
    private final int[] poolIndices;
    private final RefinementRecord record;

    CollocationChange(double[][] points, int[] poolIndices, RefinementRecord record) {
        this.points = copy(points);
        this.poolIndices = poolIndices.clone();
        this.record = record;
    }

    /** @return a copy of the new point set */
    public double[][] points() {
        return copy(points);
    }

    /** @return the indices of the pool points in the new set, in the order they appear there */
    public int[] poolIndices() {
        return poolIndices.clone();
    }

    /** @return what changed, for the training history */
    public RefinementRecord record() {
        return record;
    }

    static double[][] copy(double[][] points) {
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            copy[n] = points[n].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return record.toString();
    }
}
