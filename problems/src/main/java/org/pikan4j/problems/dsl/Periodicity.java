package org.pikan4j.problems.dsl;

import java.util.List;
import org.pikan4j.core.residual.Residual;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.MultiIndex;
import org.pikan4j.problems.geometry.BoundarySelector;

/**
 * One term of a periodic condition along a coordinate of the domain's bounding box
 * {@code [lo, hi]}: points on the face {@code coordinate = lo} are paired with the same points moved
 * to {@code coordinate = hi}, and the term compares a field there, either its value or its first
 * derivative along the coordinate.
 *
 * @param coordinate the coordinate's name, e.g. "x"
 * @param axis       its index among the domain's coordinates
 * @param lo         the lower face
 * @param hi         the upper face
 * @param derivative compare the first derivative along the coordinate instead of the value
 */
record Periodicity(String coordinate, int axis, double lo, double hi, boolean derivative) {

    /** The boundary points the term uses: those on the lower face. */
    BoundarySelector face() {
        return BoundarySelector.onPlane(axis, lo);
    }

    /** What the residual reads: the value, and for the derivative term the unit derivative along the axis. */
    DerivativeSet derivatives(int dimension) {
        return DerivativeSet.of(dimension, derivative ? List.of(MultiIndex.unit(dimension, axis)) : List.of());
    }

    /** The partner of each point: the point with the coordinate set to {@code hi}. */
    double[][] partners(double[][] points) {
        double[][] out = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            out[n] = points[n].clone();
            out[n][axis] = hi;
        }
        return out;
    }

    /** The mismatch of network output {@code field} between points and partners, for the engine. */
    Residual residual(int field, int dimension) {
        if (!derivative) {
            return b -> b.field(field).minus(b.partner(field));
        }
        MultiIndex along = MultiIndex.unit(dimension, axis);
        return b -> b.field(field).d(along).minus(b.partner(field).d(along));
    }

    /** The side of the mismatch one point set gives: the trial field, or its derivative along the axis. */
    Expr side(Expr field) {
        return derivative ? field.d(coordinate) : field;
    }
}
