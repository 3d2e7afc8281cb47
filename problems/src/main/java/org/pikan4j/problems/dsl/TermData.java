package org.pikan4j.problems.dsl;

import java.util.Arrays;

/**
 * Data attached to each point of a term: outward normals of boundary points, observed values of
 * data points. Arrays are parallel to the term's points; either may be null.
 */
record TermData(double[][] points, double[][] normals, double[] values) {

    /** Nothing attached (interior and initial terms). */
    static final TermData NONE = new TermData(null, null, null);

    /**
     * The entries {@code array[offset + n]} for the block, after checking that the block still sits
     * on the points the data was attached to (a term moved with {@code withPoints} would not).
     */
    double[] slice(Points block, String what, java.util.function.IntToDoubleFunction entry) {
        double[] out = new double[block.size()];
        for (int n = 0; n < out.length; n++) {
            int i = block.offset() + n;
            if (i >= points.length || !Arrays.equals(points[i], block.point(n))) {
                throw new IllegalStateException("the " + what + " of this term belong to the points it was "
                        + "discretized on, but point " + i + " moved; discretize the problem again instead of "
                        + "ResidualTerm.withPoints");
            }
            out[n] = entry.applyAsDouble(i);
        }
        return out;
    }
}
