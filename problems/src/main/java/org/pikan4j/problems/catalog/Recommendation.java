package org.pikan4j.problems.catalog;

import org.pikan4j.problems.dsl.Collocation;

/**
 * What a catalog entry recommends: the model, the collocation counts and the optimizer chain,
 * each overridable with the {@code withXxx} methods. Immutable.
 *
 * @param model       the trial solution
 * @param collocation interior, boundary and initial point counts
 * @param optimizers  the optimizer chain
 */
public record Recommendation(ModelSpec model, Collocation collocation, OptimizerPlan optimizers) {

    /** Checks that no part is null. */
    public Recommendation {
        if (model == null || collocation == null || optimizers == null) {
            throw new IllegalArgumentException("model, collocation and optimizers must not be null");
        }
    }

    /** The same recommendation with another model. */
    public Recommendation withModel(ModelSpec m) {
        return new Recommendation(m, collocation, optimizers);
    }

    /** The same recommendation with other collocation counts. */
    public Recommendation withCollocation(Collocation c) {
        return new Recommendation(model, c, optimizers);
    }

    /** The same recommendation with another optimizer chain. */
    public Recommendation withOptimizers(OptimizerPlan o) {
        return new Recommendation(model, collocation, o);
    }

    @Override
    public String toString() {
        return model + ", " + collocation.interior() + " interior / " + collocation.boundary() + " boundary / "
                + collocation.initial() + " initial points, " + optimizers;
    }
}
