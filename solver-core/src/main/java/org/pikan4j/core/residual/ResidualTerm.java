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
    private final double[][] partners;

    private ResidualTerm(String name, double[][] points, DerivativeSet derivatives, Residual residual,
                         double weight, double[][] partners) {
        this.name = name;
        this.points = points;
        this.partners = partners;
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
        double[][] copy = copyPoints(name, "points", points, -1);
        return new ResidualTerm(name, copy, DerivativeSet.of(copy[0].length, derivatives), residual, 1.0, null);
    }

    /**
     * A term that compares the fields at pairs of points, e.g. a periodic condition
     * {@code u(x_lo, y) - u(x_hi, y)}: the residual reads the fields at {@code points} with
     * {@link BlockContext#field(int)} and at the matching {@code partners[n]} with
     * {@link BlockContext#partner(int)}; coordinates and sources refer to {@code points}.
     */
    public static ResidualTerm paired(String name, double[][] points, double[][] partners,
                                      Collection<MultiIndex> derivatives, Residual residual) {
        double[][] copy = copyPoints(name, "points", points, -1);
        if (partners.length != points.length) {
            throw new IllegalArgumentException("term \"" + name + "\" needs one partner per point: "
                    + points.length + " points, " + partners.length + " partners");
        }
        double[][] partnerCopy = copyPoints(name, "partners", partners, copy[0].length);
        return new ResidualTerm(name, copy, DerivativeSet.of(copy[0].length, derivatives), residual, 1.0,
                partnerCopy);
    }

    private static double[][] copyPoints(String name, String argument, double[][] points, int dimension) {
        if (points.length == 0) {
            throw new IllegalArgumentException("term \"" + name + "\" needs at least one point, got 0");
        }
        int expected = dimension < 0 ? points[0].length : dimension;
        double[][] copy = new double[points.length][];
        for (int n = 0; n < points.length; n++) {
            if (points[n].length != expected) {
                throw new IllegalArgumentException("term \"" + name + "\": " + argument + "[" + n + "] has "
                        + points[n].length + " coordinates, expected " + expected);
            }
            copy[n] = points[n].clone();
        }
        return copy;
    }

    /** The same term with another weight (finite, >= 0). */
    public ResidualTerm withWeight(double w) {
        if (!(w >= 0.0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weight of term \"" + name + "\" must be finite and >= 0, got " + w);
        }
        return new ResidualTerm(name, points, derivatives, residual, w, partners);
    }

    /** The same term on other points (after collocation refinement). */
    public ResidualTerm withPoints(double[][] newPoints) {
        if (partners != null) {
            throw new IllegalStateException("term \"" + name + "\" compares pairs of points: build a new paired term");
        }
        return of(name, newPoints, List.copyOf(derivatives.components()), residual).withWeight(weight);
    }

    /** True for a term that compares the fields at pairs of points. */
    public boolean isPaired() {
        return partners != null;
    }

    /** The partner points (the array itself), null for a pointwise term. */
    double[][] partnersShared() {
        return partners;
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
