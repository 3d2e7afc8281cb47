package org.pikan4j.core.residual;

import java.util.Collection;
import java.util.List;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * One term of a physics-informed loss: a residual expression on a set of points with a weight,
 * contributing {@code weight · mean(r²)}. The derivative set lists what the expression reads,
 * so nothing else is propagated. Immutable (the point array is copied).
 */
public final class ResidualTerm {

    private final String name;
    private final double[][] points;
    private final DerivativeSet derivatives;
    private final Residual residual;
    private final double weight;

    private ResidualTerm(String name, double[][] points, DerivativeSet derivatives, Residual residual,
                         double weight) {
        this.name = name;
        this.points = points;
        this.derivatives = derivatives;
        this.residual = residual;
        this.weight = weight;
    }

    /**
     * A term.
     *
     * @param name        shown in histories and error messages, e.g. "pde" or "boundary"
     * @param points      at least one point, all of the same dimension
     * @param derivatives the derivatives the residual reads (the value is always there)
     * @param residual    the expression
     */
    public static ResidualTerm of(String name, double[][] points, Collection<MultiIndex> derivatives,
                                  Residual residual) {
        if (points.length == 0) {
            throw new IllegalArgumentException("term \"" + name + "\" needs at least one point, got 0");
        }
        int dimension = points[0].length;
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            if (points[n].length != dimension) {
                throw new IllegalArgumentException("term \"" + name + "\": points[" + n + "] has "
                        + points[n].length + " coordinates, expected " + dimension);
            }
            copy[n] = points[n].clone();
        }
        return new ResidualTerm(name, copy, DerivativeSet.of(dimension, derivatives), residual, 1.0);
    }

    /** The same term with another weight (finite, >= 0). */
    public ResidualTerm withWeight(double w) {
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weight of term \"" + name + "\" must be finite and >= 0, got " + w);
        }
        return new ResidualTerm(name, points, derivatives, residual, w);
    }

    /** The same term on other points (after collocation refinement). */
    public ResidualTerm withPoints(double[][] newPoints) {
        return of(name, newPoints, List.copyOf(derivatives.components()), residual).withWeight(weight);
    }

    /** The term's name. */
    public String name() {
        return name;
    }

    /** The points (the array itself: do not modify). */
    double[][] pointsShared() {
        return points;
    }

    /** A copy of the points. */
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            copy[n] = points[n].clone();
        }
        return copy;
    }

    /** Number of points. */
    public int size() {
        return points.length;
    }

    /** The derivatives the residual reads. */
    public DerivativeSet derivatives() {
        return derivatives;
    }

    /** The residual expression. */
    public Residual residual() {
        return residual;
    }

    /** The term's weight in the loss. */
    public double weight() {
        return weight;
    }
}
