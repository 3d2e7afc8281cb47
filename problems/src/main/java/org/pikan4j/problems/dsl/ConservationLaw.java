package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.List;
import org.pikan4j.core.residual.IntegralConstraint;
import org.pikan4j.core.residual.ResidualTerm;
import org.pikan4j.problems.geometry.Interval;
import org.pikan4j.problems.geometry.SpaceTime;

/**
 * A conservation law {@code ρ_t + F_x = 0} of a problem on {@code [a, b] x [t0, t1]}, imposed as a balance
 * at J time lines {@code t_j = t0 + j (t1 - t0) / J}:
 * {@code S_j = ∫_a^b ρ(x, t_j) dx - ∫_a^b ρ(x, t0) dx + ∫_{t0}^{t_j} (F(b, s) - F(a, s)) ds = 0}, penalized as
 * {@code w · mean_j S_j²} (an {@link IntegralConstraint}). The space integrals use the midpoint rule on N + j
 * points at line j, the time integrals of the boundary flux the trapezoid rule on the lines.
 *
 * @param density the density ρ's term: its name is the law's, its body the expression
 * @param flux    the flux F's term
 * @param lines   J, at least 1
 * @param points  N, at least 2 (line j has N + j)
 */
record ConservationLaw(TermSpec density, TermSpec flux, int lines, int points) {

    /** Default J: a balance every 1/16 of the time span. */
    static final int DEFAULT_LINES = 16;
    /** Default N: nodes 1/128 of the interval apart; with the default J, 2312 points per evaluation. */
    static final int DEFAULT_POINTS = 128;

    /** The law's name, shown beside the loss terms. */
    String name() {
        return density.name();
    }

    /** The weight w. */
    double weight() {
        return density.weight();
    }

    ConservationLaw withWeight(double w) {
        return new ConservationLaw(density.withWeight(w), flux, lines, points);
    }

    /** The balance on the problem's domain, its expressions evaluated like terms of the schema. */
    IntegralConstraint constraint(SpaceTime domain, Schema schema) {
        Interval space = (Interval) domain.space();
        double dt = (domain.t1() - domain.t0()) / lines;
        double length = space.b() - space.a();
        // line j gets N + j points: the lines' nodes fall at different places, so a front sharper than their
        // spacing cannot move between nodes of every line unseen
        int[] first = new int[lines + 2];
        for (int j = 0; j <= lines; j++) {
            first[j + 1] = first[j] + points + j;
        }
        double[][] linePoints = new double[first[lines + 1]][];
        for (int j = 0; j <= lines; j++) {
            double h = length / (points + j);
            for (int i = 0; i < points + j; i++) {
                linePoints[first[j] + i] = new double[] {space.a() + (i + 0.5) * h, domain.t0() + j * dt};
            }
        }
        Entries density = new Entries();
        Entries flux = new Entries();
        for (int j = 1; j <= lines; j++) {
            // sum j - 1: the integral at line j minus line 0's ...
            for (int n = first[j]; n < first[j + 1]; n++) {
                density.add(j - 1, n, length / (points + j));
            }
            for (int n = first[0]; n < first[1]; n++) {
                density.add(j - 1, n, -length / points);
            }
            // ... plus the outflow F(b) - F(a) through lines 0..j (trapezoid weights; edge points 2m at a, 2m + 1 at b)
            for (int m = 0; m <= j; m++) {
                double tau = m == 0 || m == j ? 0.5 * dt : dt;
                flux.add(j - 1, 2 * m + 1, tau);
                flux.add(j - 1, 2 * m, -tau);
            }
        }
        double[][] edgePoints = new double[2 * (lines + 1)][];
        for (int m = 0; m <= lines; m++) {
            edgePoints[2 * m] = new double[] {space.a(), domain.t0() + m * dt};
            edgePoints[2 * m + 1] = new double[] {space.b(), domain.t0() + m * dt};
        }
        return IntegralConstraint.named(name(), lines)
                .withPart(term(this.density, schema, linePoints), density.groups(), density.points(),
                        density.coefficients())
                .withPart(term(this.flux, schema, edgePoints), flux.groups(), flux.points(), flux.coefficients())
                .withWeight(weight());
    }

    private static ResidualTerm term(TermSpec spec, Schema schema, double[][] at) {
        return ResidualTerm.of(spec.name(), at, spec.derivatives().components(),
                Discretization.residual(schema, spec, new TermData(at, null, null)));
    }

    /** The entries (sum, point, coefficient) of one part, collected in order. */
    private static final class Entries {
        private final List<int[]> indices = new ArrayList<>();
        private final List<Double> coefficients = new ArrayList<>();

        void add(int group, int point, double coefficient) {
            indices.add(new int[] {group, point});
            coefficients.add(coefficient);
        }

        int[] groups() {
            return indices.stream().mapToInt(e -> e[0]).toArray();
        }

        int[] points() {
            return indices.stream().mapToInt(e -> e[1]).toArray();
        }

        double[] coefficients() {
            return coefficients.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
