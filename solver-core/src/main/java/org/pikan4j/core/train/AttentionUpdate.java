package org.pikan4j.core.train;

import org.pikan4j.core.residual.ResidualAttention;

/**
 * Updates residual-based attention weights ({@link ResidualAttention#update()}) after every step of the stages
 * of one optimizer (Adam by default), from the residuals of the step's evaluation; other stages (L-BFGS, whose
 * line search needs a fixed objective) see the weights frozen.
 */
public final class AttentionUpdate implements TrainingListener {

    private final ResidualAttention attention;
    private final String stage;

    /**
     * @param attention the weights the trained loss was built with, not null
     * @param stage     the optimizer name of the stages that update them, e.g. {@code "adam"}
     * @throws IllegalArgumentException if an argument is null
     */
    public AttentionUpdate(ResidualAttention attention, String stage) {
        if (attention == null || stage == null) {
            throw new IllegalArgumentException("attention and stage must not be null, got " + attention + " and "
                    + stage);
        }
        this.attention = attention;
        this.stage = stage;
    }

    /**
     * Updates after Adam steps.
     *
     * @param attention the weights the trained loss was built with, not null
     * @return the listener
     */
    public static AttentionUpdate afterAdamSteps(ResidualAttention attention) {
        return new AttentionUpdate(attention, "adam");
    }

    @Override
    public Action onStep(StepReport report) {
        if (report.stage().name().equals(stage)) {
            attention.update();
        }
        return Action.CONTINUE;
    }
}
