package org.pikan4j.validation.study;

import org.pikan4j.problems.catalog.ModelSpec;
import org.pikan4j.problems.catalog.OptimizerPlan;
import org.pikan4j.problems.dsl.Collocation;

/**
 * One training run of a study: a problem, a model, collocation counts, an optimizer chain and the
 * seed of the network's initial parameters (the collocation points are Sobol points, the same for
 * every seed). Cells are values: two equal cells describe the same run, which is how a rerun
 * recognises the cells it has already finished.
 *
 * @param problem   the catalog name of the problem
 * @param model     the trial solution (a KAN's extensions give its grid schedule)
 * @param interior  interior collocation points
 * @param boundary  boundary collocation points
 * @param initial   initial-slice collocation points
 * @param optimizer the optimizer chain and its budget
 * @param seed      the seed of the initial parameters
 */
public record StudyCell(String problem, ModelSpec model, int interior, int boundary, int initial,
                        OptimizerPlan optimizer, long seed) {

    /** Checks that no part is null and the counts are valid. */
    public StudyCell {
        if (problem == null || model == null || optimizer == null) {
            throw new IllegalArgumentException("problem, model and optimizer must not be null");
        }
        Collocation.of(interior, boundary, initial);
    }

    /** The collocation counts as the DSL takes them. */
    public Collocation collocation() {
        return Collocation.of(interior, boundary, initial);
    }

    /** The grid size G the KAN ends on (after its extensions); 0 for an MLP. */
    public int finalGrid() {
        if (model.kind() != ModelSpec.Kind.KAN) {
            return 0;
        }
        int[] extensions = model.extensions();
        return extensions.length == 0 ? model.grid() : extensions[extensions.length - 1];
    }

    /** The grids a KAN trains on in turn, e.g. {@code 3-5-10}; empty for an MLP. */
    public String schedule() {
        if (model.kind() != ModelSpec.Kind.KAN) {
            return "";
        }
        StringBuilder s = new StringBuilder(Integer.toString(model.grid()));
        for (int g : model.extensions()) {
            s.append('-').append(g);
        }
        return s.toString();
    }

    /** The same cell with seed 0: equal for every seed of one configuration, the key to group seeds by. */
    public StudyCell configuration() {
        return new StudyCell(problem, model, interior, boundary, initial, optimizer, 0);
    }

    /** E.g. {@code poisson2d KAN [2, 10, 1] G=5->10 k=3, 2000 interior points, seed 1}. */
    @Override
    public String toString() {
        return problem + " " + model + ", " + interior + " interior points, seed " + seed;
    }
}
