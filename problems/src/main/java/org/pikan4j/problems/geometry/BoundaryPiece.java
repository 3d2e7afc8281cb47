package org.pikan4j.problems.geometry;

/**
 * One named, parametrised piece of a domain boundary: a map from the unit cube
 * {@code [0,1]^k} onto the piece, uniform with respect to the piece's measure.
 */
interface BoundaryPiece {

    /** @return the piece name, e.g. "left" */
    String name();

    /** @return length / area of the piece (1 for a point, by convention) */
    double measure();

    /** @return the dimension k of the parameter cube */
    int parameterDimension();

    /**
     * @param u parameters in {@code [0,1]^k}
     * @return the point and its outward unit normal
     */
    BoundaryPoint map(double[] u);

    /** @return the Euclidean distance from p to the piece */
    double distance(double[] p);

    /** @return the axis-aligned plane holding the piece, or null if it is not planar and axis-aligned */
    Plane plane();

    /** A point of a boundary piece with its outward unit normal. */
    record BoundaryPoint(double[] point, double[] normal) {
    }

    /** The plane {@code x[axis] = value}. */
    record Plane(int axis, double value) {
    }
}
