package org.pikan4j.problems.catalog;

import org.pikan4j.problems.dsl.Collocation;

/**
 * What a catalog entry recommends: the model, the collocation counts and the optimizer chain,
 * each overridable with the {@code withXxx} methods. Immutable.
 *
 * @param model       the trial solution
 * @param collocation interior, boundary and initial point counts
 * @param optimizers  the optimizer chain
 * @param causality   causal time weighting of the PDE terms, {@link Causality#NONE} for none
 */
public record Recommendation(ModelSpec model, Collocation collocation, OptimizerPlan optimizers, Causality causality) {

    /** Checks that no part is null. */
    public Recommendation {
        if (model == null || collocation == null || optimizers == null || causality == null) {
            throw new IllegalArgumentException("model, collocation, optimizers and causality must not be null");
        }
    }

    /** A recommendation without causal weighting. */
    public Recommendation(ModelSpec model, Collocation collocation, OptimizerPlan optimizers) {
        this(model, collocation, optimizers, Causality.NONE);
    }

    /** The same recommendation with another model. */
    public Recommendation withModel(ModelSpec m) {
        return new Recommendation(m, collocation, optimizers, causality);
    }

    /** The same recommendation with other collocation counts. */
    public Recommendation withCollocation(Collocation c) {
        return new Recommendation(model, c, optimizers, causality);
    }

    /** The same recommendation with another optimizer chain. */
    public Recommendation withOptimizers(OptimizerPlan o) {
        return new Recommendation(model, collocation, o, causality);
    }

    /** The same recommendation with other causal weighting. */
    public Recommendation withCausality(Causality c) {
        return new Recommendation(model, collocation, optimizers, c);
    }

    @Override
    public String toString() {
        return model + ", " + collocation.interior() + " interior / " + collocation.boundary() + " boundary / "
                + collocation.initial() + " initial points, " + optimizers
                + (causality.isActive() ? ", " + causality : "");
    }
}
