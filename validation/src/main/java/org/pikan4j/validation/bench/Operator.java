package org.pikan4j.validation.bench;

import java.util.List;
import org.pikan4j.core.residual.BlockContext;
import org.pikan4j.core.residual.Residual;
import org.pikan4j.core.tensor.DerivativeSet;
import org.pikan4j.core.tensor.Jet;
import org.pikan4j.core.tensor.MultiIndex;

/**
 * The differential operators of the benchmark's interior residual {@code L u = f}, from no
 * derivative to fourth order, so that the cost can be read against the number of jet
 * components the network carries (the value included, closed under lower derivatives).
 */
public enum Operator {

    /** u = f: the value only (1 component). */
    VALUE("value", List.of()),

    /** u_x + u_y = f: first derivatives (3 components). */
    GRADIENT("gradient", List.of(MultiIndex.of(1, 0), MultiIndex.of(0, 1))),

    /** u_xx + u_yy = f, the Poisson reference (5 components). */
    LAPLACIAN("laplacian", List.of(MultiIndex.of(2, 0), MultiIndex.of(0, 2))),

    /** u_xx + u_xy + u_yy = f: the whole Hessian (6 components). */
    HESSIAN("hessian", List.of(MultiIndex.of(2, 0), MultiIndex.of(1, 1), MultiIndex.of(0, 2))),

    /** u_xxxx + 2 u_xxyy + u_yyyy = f, plate bending (13 components). */
    BIHARMONIC("biharmonic", List.of(MultiIndex.of(4, 0), MultiIndex.of(2, 2), MultiIndex.of(0, 4)));

    private final String label;
    private final List<MultiIndex> derivatives;

    Operator(String label, List<MultiIndex> derivatives) {
        this.label = label;
        this.derivatives = derivatives;
    }

    /** The name users select it by. */
    public String label() {
        return label;
    }

    /** The derivatives the residual reads. */
    public List<MultiIndex> derivatives() {
        return derivatives;
    }

    /** Number of jet components the network carries for this operator in 2D. */
    public int components() {
        return DerivativeSet.of(2, derivatives).size();
    }

    /** The residual {@code L u - f} with f a smooth source. */
    Residual residual() {
        return b -> {
            Jet u = b.field(0);
            Jet lu = derivatives.isEmpty() ? u : null;
            for (int k = 0; k < derivatives.size(); k++) {
                Jet term = u.d(derivatives.get(k));
                if (this == BIHARMONIC && k == 1) {
                    term = term.times(2.0);
                }
                lu = lu == null ? term : lu.plus(term);
            }
            return lu.plus(source(b));
        };
    }

    private static Jet source(BlockContext b) {
        double twoPiSquared = 2 * Math.PI * Math.PI;
        return b.source(p -> twoPiSquared * Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]));
    }

    /**
     * The operator with the given name.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static Operator named(String name) {
        for (Operator o : values()) {
            if (o.label.equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown operator \"" + name + "\"; valid: "
                + java.util.Arrays.stream(values()).map(Operator::label).toList());
    }
}
