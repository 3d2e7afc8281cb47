package org.pikan4j.problems.dsl;

import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.problems.geometry.BoundarySelector;

/**
 * One loss term of a built problem, before it has points: its name, where its points come from,
 * the residual it evaluates and the derivatives that residual reads.
 *
 * @param name        e.g. "pde", "pde[v]", "dirichlet[left]"
 * @param kind        "pde", "dirichlet", "neumann", "robin", "periodic", "initial", "initialRate" or "data"
 * @param group       "pde", "boundary", "initial" or "data"
 * @param field       the field index the term is about
 * @param body        the residual expression (null for periodic terms, which compare pairs of points)
 * @param where       where the points come from
 * @param selector    the boundary selection (boundary and periodic terms only)
 * @param data        observed points and values (data terms only)
 * @param derivatives what the residual reads, found by the build-time dry run (set directly for periodic terms)
 * @param weight      the term's weight in the loss
 * @param periodicity the pairing of a periodic term, null for every other term
 */
record TermSpec(String name, String kind, String group, int field, Body body, Where where, BoundarySelector selector,
                TermData data, DerivativeSet derivatives, double weight, Periodicity periodicity) {

    /** Where a term's points come from; PERIODIC: boundary points on a lower face, paired with the upper face. */
    enum Where { INTERIOR, BOUNDARY, PERIODIC, INITIAL, DATA }

    /** A residual expression about field {@code field}. */
    @FunctionalInterface
    interface Body {
        Expr of(Scope s, int field);
    }

    TermSpec withDerivatives(DerivativeSet set) {
        return new TermSpec(name, kind, group, field, body, where, selector, data, set, weight, periodicity);
    }

    TermSpec withWeight(double w) {
        return new TermSpec(name, kind, group, field, body, where, selector, data, derivatives, w, periodicity);
    }

    TermSpec withName(String n) {
        return new TermSpec(n, kind, group, field, body, where, selector, data, derivatives, weight, periodicity);
    }
}
