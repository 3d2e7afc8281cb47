package org.pikan4j.core.train;

import java.util.List;
import java.util.Map;

/**
 * Where a loss turned NaN or infinite and what was done about it.
 *
 * @param step         the global step whose evaluation went bad (for an evaluation outside a
 *                     step, the number of steps taken before it)
 * @param stage        the stage that evaluated it
 * @param loss         the bad total loss
 * @param terms        every term's value at that evaluation, in term order
 * @param restoredStep the step whose evaluated parameters training returned to (the lowest
 *                     finite loss seen); the first step number minus one if none was finite
 * @param restoredLoss the loss of the restored parameters, NaN if none was finite
 * @param message      the whole story in one sentence, e.g. "loss became NaN at step 137 (stage
 *                     adam): term 'pde' = NaN, 'boundary' = 0.12; parameters restored to step 136
 *                     (loss 1.234e-03)"
 */
public record NonFiniteLoss(int step, String stage, double loss, Map<String, Double> terms, int restoredStep,
                            double restoredLoss, String message) {

    /**
     * Returns the names of the terms that were NaN or infinite.
     *
     * @return the names, in term order (empty if only the total overflowed)
     */
    public List<String> badTerms() {
        return terms.entrySet().stream().filter(e -> !Double.isFinite(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
