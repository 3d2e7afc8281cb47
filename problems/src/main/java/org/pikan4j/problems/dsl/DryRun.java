package org.pikan4j.problems.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * Runs a residual once on a one-point tape that carries every derivative, recording which field
 * derivatives its value depends on: those (closed under lower derivatives) are all a term needs
 * propagated. The run also surfaces misuse (unknown names, lambdas of the wrong dimension) when
 * the problem is built rather than when it is trained.
 */
final class DryRun {

    private static final Map<Integer, DerivativeSet> FULL = new ConcurrentHashMap<>();

    private DryRun() {
    }

    /**
     * The derivatives a residual reads.
     *
     * @param point        a point of the domain's dimension (its position does not matter)
     * @param coefficients the coefficients' initial values
     * @param owner        the term, for messages, e.g. {@code term "pde"}
     */
    static DerivativeSet derivatives(Schema schema, TermSpec.Body body, int field, double[] point,
                                     double[] coefficients, String owner) {
        int dimension = point.length;
        Points points = Points.onTape(new double[][] {point}, full(dimension), 0.5, coefficients);
        double[][] normal = new double[1][dimension];
        normal[0][0] = 1.0;
        TermData data = new TermData(new double[][] {point}, normal, new double[] {0.0});
        try {
            Expr r = body.of(Scope.of(schema, points, data, true, null, owner), field);
            if (r == null) {
                throw new IllegalArgumentException("the expression returned null; it must return an expression");
            }
            return DerivativeSet.of(dimension, r.reads());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(message.contains(owner) ? message : owner + ": " + message, e);
        }
    }

    /** Every derivative up to the engine's highest order. */
    private static DerivativeSet full(int dimension) {
        return FULL.computeIfAbsent(dimension, d -> {
            List<MultiIndex> all = new ArrayList<>();
            collect(new int[d], 0, MultiIndex.MAX_ORDER, all);
            return DerivativeSet.of(d, all);
        });
    }

    private static void collect(int[] counts, int coordinate, int left, List<MultiIndex> into) {
        if (coordinate == counts.length) {
            into.add(MultiIndex.of(counts));
            return;
        }
        for (int c = 0; c <= left; c++) {
            counts[coordinate] = c;
            collect(counts, coordinate + 1, left - c, into);
        }
        counts[coordinate] = 0;
    }
}
