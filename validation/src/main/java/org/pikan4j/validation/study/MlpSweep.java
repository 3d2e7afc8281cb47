package org.pikan4j.validation.study;

import java.util.List;

/**
 * The tanh MLPs a study trains: every combination of hidden width and number of hidden layers,
 * e.g. {@code MlpSweep.of(10, 20, 40).withDepths(2, 3)}. The input and output widths come
 * from the problem. Immutable.
 *
 * @param widths hidden-layer widths, each {@code >= 1}, distinct, non-empty
 * @param depths numbers of hidden layers, each {@code >= 1}, distinct, non-empty
 */
public record MlpSweep(List<Integer> widths, List<Integer> depths) {

    /** Checks both lists; messages name the field as the study file spells it ({@code mlp.depths[0]}). */
    public MlpSweep {
        widths = Sweeps.atLeast("mlp.widths", widths, 1);
        depths = Sweeps.atLeast("mlp.depths", depths, 1);
    }

    /** MLPs of the given hidden widths with two hidden layers. */
    public static MlpSweep of(int... widths) {
        return new MlpSweep(Sweeps.list(widths), List.of(2));
    }

    /** The same sweep over other numbers of hidden layers. */
    public MlpSweep withDepths(int... d) {
        return new MlpSweep(widths, Sweeps.list(d));
    }
}
